package dev.parley.engine;

import dev.parley.botmodel.Program.ConditionCheck;
import dev.parley.botmodel.Program.Operator;
import dev.parley.botmodel.Program.ValueType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Evaluates one group condition with typed comparisons: numbers and currency numerically, dates and date-times in
 * time order, booleans as booleans, ids exactly, text ignoring case. An unset variable equals only an absent or blank
 * operand, differs from every other, and is neither greater nor less than anything.
 */
final class Conditions {

    private Conditions() {
    }

    static boolean holds(ConditionCheck c, Object left, Object right) {
        Operator op = c.operator();
        switch (op) {
            case IS_SET -> {
                return Values.isSet(left);
            }
            case IS_NOT_SET -> {
                return !Values.isSet(left);
            }
            case UNKNOWN -> {
                return false;
            }
            default -> {
                // compared below
            }
        }
        boolean rightSet = right != null && !(right instanceof String s && s.isBlank());
        if (!Values.isSet(left)) {
            return switch (op) {
                case EQUALS -> !rightSet;
                case NOT_EQUALS -> rightSet;
                default -> false;
            };
        }
        if (left instanceof List<?> list) {
            // a list holds the operand when one of its elements does
            boolean any = false;
            for (Object element : list) {
                if (compareOne(c.type(), op == Operator.NOT_EQUALS ? Operator.EQUALS : op, element, right, rightSet)) {
                    any = true;
                    break;
                }
            }
            return op == Operator.NOT_EQUALS ? !any : any;
        }
        return compareOne(c.type(), op, left, right, rightSet);
    }

    private static boolean compareOne(ValueType type, Operator op, Object left, Object right, boolean rightSet) {
        if (!rightSet) {
            return op == Operator.NOT_EQUALS;
        }
        if (op == Operator.CONTAINS || op == Operator.STARTS_WITH || op == Operator.ENDS_WITH) {
            String l = Values.render(left);
            String r = Values.render(right);
            if (type != ValueType.ID) {
                l = Values.lower(l);
                r = Values.lower(r);
            }
            return switch (op) {
                case CONTAINS -> l.contains(r);
                case STARTS_WITH -> l.startsWith(r);
                default -> l.endsWith(r);
            };
        }
        Integer order = switch (type) {
            case NUMBER, CURRENCY -> compareNumbers(left, right);
            case DATE -> {
                LocalDate l = Values.date(left);
                LocalDate r = right instanceof LocalDate d ? d : Values.date(right);
                yield l == null || r == null ? null : l.compareTo(r);
            }
            case DATETIME -> {
                Instant l = Values.instant(left);
                Instant r = right instanceof Instant i ? i : Values.instant(right);
                yield l == null || r == null ? null : l.compareTo(r);
            }
            case BOOLEAN -> {
                Boolean l = Values.bool(left);
                Boolean r = Values.bool(right);
                if (l == null || r == null || !(op == Operator.EQUALS || op == Operator.NOT_EQUALS)) {
                    yield null;
                }
                yield l.equals(r) ? 0 : 1;
            }
            case ID -> Values.render(left).compareTo(Values.render(right));
            case ANY -> compareDynamic(left, right);
            default -> compareText(left, right);
        };
        if (order == null) {
            // not comparable as the type (e.g. text in a number variable): only "not equal" holds
            return op == Operator.NOT_EQUALS;
        }
        return switch (op) {
            case EQUALS -> order == 0;
            case NOT_EQUALS -> order != 0;
            case GREATER_THAN -> order > 0;
            case GREATER_THAN_OR_EQUAL_TO -> order >= 0;
            case LESS_THAN -> order < 0;
            case LESS_THAN_OR_EQUAL_TO -> order <= 0;
            default -> false;
        };
    }

    /** Undeclared variables: the value decides (numbers and booleans by value, the rest as text). */
    private static Integer compareDynamic(Object left, Object right) {
        if (left instanceof Boolean l) {
            Boolean r = Values.bool(right);
            return r == null ? null : (l.equals(r) ? 0 : 1);
        }
        Integer numeric = compareNumbers(left, right);
        return numeric != null ? numeric : compareText(left, right);
    }

    private static Integer compareNumbers(Object left, Object right) {
        BigDecimal l = Values.decimal(left);
        BigDecimal r = right instanceof BigDecimal d ? d : Values.decimal(right);
        return l == null || r == null ? null : l.compareTo(r);
    }

    private static int compareText(Object left, Object right) {
        return Values.lower(Values.render(left)).compareTo(Values.lower(Values.render(right)));
    }
}
