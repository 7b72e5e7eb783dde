package dev.parley.engine;

import dev.parley.botmodel.Program.ValueType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Variable values: the engine keeps them JSON-natural and canonical (whole numbers as Integer or Long, other numbers
 * as Double, dates as ISO strings, date-times as ISO instants, records as maps) so that a state read back from JSON
 * equals the state written and a replayed turn gives the same result.
 */
final class Values {

    private Values() {
    }

    /** A value that cannot be converted to a variable's type. */
    static final class ConversionException extends Exception {
        ConversionException(String message) {
            super(message, null, false, false);
        }
    }

    /** Whether the value counts as set: not null, not blank text, not an empty list or record. */
    static boolean isSet(Object value) {
        return switch (value) {
            case null -> false;
            case String s -> !s.isBlank();
            case List<?> l -> !l.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            default -> true;
        };
    }

    /** The canonical form of a JSON-natural value (numbers normalised, maps and lists copied, order kept). */
    static Object canonical(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case Integer i -> i;
            case Long l -> number(BigDecimal.valueOf(l));
            case Short s -> s.intValue();
            case Byte b -> b.intValue();
            case BigInteger b -> number(new BigDecimal(b));
            case BigDecimal d -> number(d);
            case Double d -> d.isNaN() || d.isInfinite() ? null : number(BigDecimal.valueOf(d));
            case Float f -> f.isNaN() || f.isInfinite() ? null : number(new BigDecimal(f.toString()));
            case Number n -> number(new BigDecimal(n.toString()));
            case List<?> l -> {
                List<Object> out = new ArrayList<>(l.size());
                for (Object e : l) {
                    Object c = canonical(e);
                    if (c != null) {
                        out.add(c);
                    }
                }
                yield Collections.unmodifiableList(out);
            }
            case Map<?, ?> m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, v) -> {
                    Object c = canonical(v);
                    if (k != null && c != null) {
                        out.put(k.toString(), c);
                    }
                });
                yield Collections.unmodifiableMap(out);
            }
            case Enum<?> e -> e.name();
            default -> value.toString();
        };
    }

    /** A number in canonical form: Integer or Long when whole, else Double. */
    static Object number(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() <= 0) {
            try {
                long l = s.longValueExact();
                return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l;
            } catch (ArithmeticException e) {
                return d.doubleValue();
            }
        }
        return d.doubleValue();
    }

    /** The value as a decimal, or {@code null} when it is not a number or numeric text. */
    static BigDecimal decimal(Object value) {
        return switch (value) {
            case null -> null;
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case Double d -> d.isNaN() || d.isInfinite() ? null : BigDecimal.valueOf(d);
            case BigDecimal d -> d;
            case Number n -> {
                try {
                    yield new BigDecimal(n.toString());
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
            case String s -> {
                String t = s.strip().replace(",", "");
                if (t.isEmpty() || t.length() > 100) {
                    yield null;
                }
                try {
                    yield new BigDecimal(t);
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
            default -> null;
        };
    }

    /** The value as a date (ISO date, or the UTC date of a date-time), or {@code null}. */
    static LocalDate date(Object value) {
        if (!(value instanceof String s)) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeException e) {
            Instant i = instant(s);
            return i == null ? null : LocalDate.ofInstant(i, ZoneOffset.UTC);
        }
    }

    /** The value as an instant (ISO instant, offset or local date-time as UTC, or a date at UTC midnight). */
    static Instant instant(Object value) {
        if (value instanceof Long || value instanceof Integer) {
            return Instant.ofEpochMilli(((Number) value).longValue());
        }
        if (!(value instanceof String str)) {
            return null;
        }
        String s = str.strip();
        try {
            return Instant.parse(s);
        } catch (DateTimeException e) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The value as a boolean ({@code true}/{@code false} text counts), or {@code null}. */
    static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            String t = s.strip();
            if (t.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (t.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
        }
        return null;
    }

    /**
     * Converts a value to a variable's declared type.
     *
     * @throws ConversionException when the value cannot be read as the type
     */
    static Object convert(Object value, ValueType type, boolean list) throws ConversionException {
        if (value == null) {
            return null;
        }
        if (list) {
            List<Object> out = new ArrayList<>();
            if (value instanceof List<?> l) {
                for (Object e : l) {
                    Object c = convert(e, type, false);
                    if (c != null) {
                        out.add(c);
                    }
                }
            } else {
                Object c = convert(value, type, false);
                if (c != null) {
                    out.add(c);
                }
            }
            return Collections.unmodifiableList(out);
        }
        if (value instanceof List<?> l && type != ValueType.OBJECT && type != ValueType.ANY) {
            if (l.size() == 1) {
                return convert(l.getFirst(), type, false);
            }
            throw new ConversionException("a list of " + l.size() + " values is not a single " + name(type));
        }
        return switch (type) {
            case TEXT -> switch (value) {
                case String s -> s;
                case Number n -> render(canonical(n));
                case Boolean b -> b.toString();
                default -> throw new ConversionException("a record is not " + name(type));
            };
            case ID -> switch (value) {
                case String s -> s.strip();
                case Map<?, ?> m when m.get("Id") instanceof String id -> id;
                default -> throw new ConversionException("'" + render(canonical(value)) + "' is not an id");
            };
            case NUMBER, CURRENCY -> {
                BigDecimal d = value instanceof Boolean ? null : decimal(value);
                if (d == null) {
                    throw new ConversionException("'" + render(canonical(value)) + "' is not a number");
                }
                yield number(d);
            }
            case BOOLEAN -> {
                Boolean b = bool(value);
                if (b == null) {
                    throw new ConversionException("'" + render(canonical(value)) + "' is not true or false");
                }
                yield b;
            }
            case DATE -> {
                LocalDate d = date(value);
                if (d == null) {
                    throw new ConversionException("'" + render(canonical(value)) + "' is not a date (yyyy-MM-dd)");
                }
                yield d.toString();
            }
            case DATETIME -> {
                Instant i = instant(value);
                if (i == null) {
                    throw new ConversionException("'" + render(canonical(value))
                            + "' is not a date-time (ISO 8601, e.g. 2024-05-31T10:15:00Z)");
                }
                yield i.toString();
            }
            case OBJECT, ANY -> canonical(value);
        };
    }

    private static String name(ValueType type) {
        return switch (type) {
            case TEXT -> "text";
            case ID -> "an id";
            case NUMBER -> "number";
            case CURRENCY -> "currency amount";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case DATETIME -> "date-time";
            case OBJECT -> "record";
            case ANY -> "value";
        };
    }

    /** How a value reads in a message. */
    static String render(Object value) {
        return switch (value) {
            case null -> "";
            case String s -> s;
            case Double d -> BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            case BigDecimal d -> d.stripTrailingZeros().toPlainString();
            case List<?> l -> {
                StringBuilder b = new StringBuilder();
                for (Object e : l) {
                    if (!b.isEmpty()) {
                        b.append(", ");
                    }
                    b.append(render(e));
                }
                yield b.toString();
            }
            case Map<?, ?> m -> {
                Object label = m.containsKey("Name") ? m.get("Name") : m.get("Id");
                yield label != null ? render(label) : m.toString();
            }
            default -> value.toString();
        };
    }

    /** How a value of a declared type reads in a message (currency with two decimals). */
    static String render(Object value, ValueType type) {
        if (type == ValueType.CURRENCY) {
            BigDecimal d = decimal(value);
            if (d != null) {
                return d.setScale(Math.max(2, d.stripTrailingZeros().scale()), RoundingMode.HALF_EVEN)
                        .toPlainString();
            }
        }
        return render(value);
    }

    /** A field of a record value (exact name first, then ignoring case); a list gives the field of each record. */
    static Object field(Object value, String name) {
        if (value instanceof Map<?, ?> m) {
            Object v = m.get(name);
            if (v != null) {
                return v;
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getKey() != null && e.getKey().toString().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return null;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object e : l) {
                Object f = field(e, name);
                if (f != null) {
                    out.add(f);
                }
            }
            return out.isEmpty() ? null : out;
        }
        return null;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
