package io.ace.repair.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** How plans order values: as numbers when both are numbers (so 9 < 10), else as text; keys as tuples. */
final class ValueOrder {

    private ValueOrder() {
    }

    static int compare(String a, String b) {
        BigDecimal x = number(a);
        BigDecimal y = x == null ? null : number(b);
        return y != null ? x.compareTo(y) : a.compareTo(b);
    }

    /** Column by column, the first difference decides. */
    static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** An RFC 3339 time with offset; throws DateTimeParseException otherwise. */
    static Instant instant(String rfc3339) {
        return OffsetDateTime.parse(rfc3339).toInstant();
    }

    static int compareInstants(String a, String b) {
        return instant(a).compareTo(instant(b));
    }

    private static BigDecimal number(String text) {
        // most text is not a number: skip the exception for what cannot start one
        if (text.isEmpty() || "+-.0123456789".indexOf(text.charAt(0)) < 0) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
