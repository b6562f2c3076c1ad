package io.ace.replication;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Connection strings as a report may show them: without their password. */
final class ConnectionStrings {

    /** {@code password=...} in keyword form, quoted or not. */
    private static final Pattern KEYWORD = Pattern.compile("(^|\\s)password\\s*=\\s*('(?:[^'\\\\]|\\\\.)*'|\\S*)");
    /** {@code user:password@} in URI form. */
    private static final Pattern URI = Pattern.compile("^(postgres(?:ql)?://[^:@/]*):[^@/]*@");

    private static final Pattern SETTING = Pattern.compile("(\\w+)\\s*=\\s*('(?:[^'\\\\]|\\\\.)*'|\\S*)");

    private ConnectionStrings() {
    }

    /** The keyword settings of a connection string in keyword form ({@code host=h port=5432 ...}); empty for URIs. */
    static Map<String, String> settings(String dsn) {
        Map<String, String> settings = new HashMap<>();
        if (dsn == null) {
            return settings;
        }
        Matcher m = SETTING.matcher(dsn);
        while (m.find()) {
            String value = m.group(2);
            if (value.startsWith("'")) {
                value = value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
            }
            settings.put(m.group(1), value);
        }
        return settings;
    }

    static String withoutPassword(String dsn) {
        if (dsn == null) {
            return null;
        }
        String text = URI.matcher(dsn).replaceFirst("$1@");
        return KEYWORD.matcher(text).replaceAll(Matcher.quoteReplacement("")).strip().replaceAll("\\s{2,}", " ");
    }
}
