package dev.parley.engine;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standard entities ({@code StandardMlSlotClass}) a Collect step extracts from what the customer typed. Each
 * returns the value in its canonical form, or {@code null} when the text holds none. Deterministic: relative dates
 * ("tomorrow") would need a clock and are not understood.
 */
final class Entities {

    /** Longer answers are only ever free text: bounds the work of the patterns below on hostile input. */
    static final int MAX_EXTRACTED_LENGTH = 1000;
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\d.])[-+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?![\\d])|(?<![\\p{L}\\d])[-+]?\\.\\d+");
    private static final Pattern CURRENCY_CODE = Pattern.compile(
            "\\b(usd|eur|gbp|jpy|cad|aud|chf|inr|cny|dollars?|euros?|pounds?|bucks)\\b", Pattern.CASE_INSENSITIVE);
    private static final Set<String> YES = Set.of("yes", "y", "yeah", "yep", "yup", "sure", "true", "ok", "okay",
            "correct", "right", "affirmative", "of course", "absolutely", "definitely", "yes please", "si", "oui");
    private static final Set<String> NO = Set.of("no", "n", "nope", "nah", "false", "not really", "negative",
            "no thanks", "no thank you", "incorrect", "wrong", "never");
    private static final Pattern ISO_DATE = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{1,2})-(\\d{1,2})(?!\\d)");
    private static final Pattern US_DATE = Pattern.compile("(?<!\\d)(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})(?!\\d)");
    private static final String MONTHS = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "\\b" + MONTHS + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTHS + ",?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME = Pattern.compile(
            "(?<![\\d:])(\\d{1,2})(?::(\\d{2}))(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?"
                    + "|(?<![\\d:])(\\d{1,2})\\s*(am|pm|a\\.m\\.|p\\.m\\.)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ZONE = Pattern.compile(
            "(?:\\b(?:utc|gmt)\\b|z\\b|(?<=\\d)z)\\s*([+-]\\d{1,2}(?::?\\d{2})?)?"
                    + "|(?<=\\d)\\s*([+-]\\d{2}:?\\d{2})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CURRENCY_SIGN = Pattern.compile("[$€£¥₹]");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("\\p{Punct}+$");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Map<String, Integer> MONTH_NUMBERS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11),
            Map.entry("dec", 12));

    private Entities() {
    }

    /**
     * The value of a standard entity in the text, or {@code null} when there is none. Unknown standard entities take
     * the text as it is.
     */
    static Object extract(String entity, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        String kind = entity == null ? "_Text" : entity;
        if (t.length() > MAX_EXTRACTED_LENGTH && !kind.equals("_Text")) {
            return null;
        }
        return switch (kind) {
            case "_Email" -> email(t);
            case "_Number" -> number(t);
            case "_Boolean" -> bool(t);
            case "_Date" -> {
                LocalDate d = date(t);
                yield d == null ? null : d.toString();
            }
            case "_DateTime" -> {
                Instant i = dateTime(t);
                yield i == null ? null : i.toString();
            }
            case "_Currency", "_Money" -> currency(t);
            default -> t;
        };
    }

    /** The first email address in the text; scans around each {@code @}, so the work stays linear. */
    static String email(String text) {
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int start = at;
            while (start > 0 && isLocalPart(text.charAt(start - 1))) {
                start--;
            }
            while (start < at && text.charAt(start) == '.') {
                start++;
            }
            int end = at + 1;
            while (end < text.length() && isDomainPart(text.charAt(end))) {
                end++;
            }
            while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
                end--;
            }
            if (start < at && DOMAIN.matcher(text.substring(at + 1, end)).matches()) {
                return text.substring(start, end);
            }
        }
        return null;
    }

    private static boolean isLocalPart(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || "._%+'-".indexOf(c) >= 0);
    }

    private static boolean isDomainPart(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-');
    }

    /** The first number in the text ({@code 1,234.5}, {@code -3}, {@code .5}); canonical form. */
    static Object number(String text) {
        Matcher m = NUMBER.matcher(text);
        if (!m.find()) {
            return null;
        }
        BigDecimal d = Values.decimal(m.group());
        return d == null ? null : Values.number(d);
    }

    /** An amount with or without a currency sign or code ({@code $1,234.50}, {@code 10 EUR}); canonical number. */
    static Object currency(String text) {
        String stripped = CURRENCY_SIGN.matcher(CURRENCY_CODE.matcher(text).replaceAll(" ")).replaceAll(" ");
        return number(stripped);
    }

    static Boolean bool(String text) {
        String t = WHITE_SPACE.matcher(TRAILING_PUNCTUATION.matcher(Values.lower(text.strip())).replaceAll(""))
                .replaceAll(" ").strip();
        if (YES.contains(t)) {
            return Boolean.TRUE;
        }
        if (NO.contains(t)) {
            return Boolean.FALSE;
        }
        return null;
    }

    /**
     * A calendar date: ISO {@code 2024-05-31}, US {@code 5/31/2024} (month first, as en_US), {@code May 31, 2024}
     * or {@code 31 May 2024}, anywhere in the text.
     */
    static LocalDate date(String text) {
        try {
            Matcher m = ISO_DATE.matcher(text);
            if (m.find()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            m = US_DATE.matcher(text);
            if (m.find()) {
                int year = Integer.parseInt(m.group(3));
                if (m.group(3).length() == 2) {
                    year += 2000; // two-digit years are this century: no clock to decide otherwise
                }
                return LocalDate.of(year, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            m = MONTH_DAY_YEAR.matcher(text);
            if (m.find()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)));
            }
            m = DAY_MONTH_YEAR.matcher(text);
            if (m.find()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static int month(String name) {
        return MONTH_NUMBERS.get(Values.lower(name).substring(0, 3));
    }

    /**
     * A date and time: ISO 8601 ({@code 2024-05-31T10:15:00Z}, with an offset, or local = UTC), or a date as
     * {@link #date} followed by a time ({@code 10:15}, {@code 3pm}, {@code 3:30 PM}) and an optional {@code UTC},
     * {@code Z} or offset. Without a zone the time is taken as UTC.
     */
    static Instant dateTime(String text) {
        String t = text.strip();
        Instant iso = Values.instant(t);
        if (iso != null && t.contains("T")) {
            return iso;
        }
        try {
            return OffsetDateTime.parse(t.replace(' ', 'T')).toInstant();
        } catch (DateTimeException e) {
            // not ISO with a space
        }
        LocalDate date = date(t);
        if (date == null) {
            return null;
        }
        Matcher m = TIME.matcher(t);
        LocalTime time = null;
        while (m.find()) {
            try {
                int hour;
                int minute = 0;
                int second = 0;
                String ampm;
                if (m.group(1) != null) {
                    hour = Integer.parseInt(m.group(1));
                    minute = Integer.parseInt(m.group(2));
                    second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
                    ampm = m.group(4);
                } else {
                    hour = Integer.parseInt(m.group(5));
                    ampm = m.group(6);
                }
                if (ampm != null) {
                    boolean pm = Values.lower(ampm).startsWith("p");
                    if (hour < 1 || hour > 12) {
                        return null;
                    }
                    hour = hour % 12 + (pm ? 12 : 0);
                }
                time = LocalTime.of(hour, minute, second);
                break;
            } catch (DateTimeException e) {
                return null;
            }
        }
        if (time == null) {
            return null;
        }
        ZoneOffset offset = ZoneOffset.UTC;
        Matcher z = ZONE.matcher(t.substring(Math.max(0, m.end() - 1)));
        if (z.find()) {
            String o = z.group(1) != null ? z.group(1) : z.group(2);
            if (o != null) {
                try {
                    offset = ZoneOffset.of(normaliseOffset(o));
                } catch (DateTimeException e) {
                    return null;
                }
            }
        }
        return LocalDateTime.of(date, time).toInstant(offset);
    }

    private static String normaliseOffset(String o) {
        String sign = o.substring(0, 1);
        String digits = o.substring(1).replace(":", "");
        if (digits.length() <= 2) {
            return sign + (digits.length() == 1 ? "0" + digits : digits) + ":00";
        }
        return sign + digits.substring(0, digits.length() - 2) + ":" + digits.substring(digits.length() - 2);
    }
}
