package io.ace.replication;

import io.ace.cluster.NodeDefinition;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

    /** The node of {@code nodes} a connection string in keyword form reaches: same host, port and database. */
    static Optional<String> nodeAt(String dsn, Collection<NodeDefinition> nodes) {
        Map<String, String> settings = settings(dsn);
        String host = settings.getOrDefault("host", settings.get("hostaddr"));
        return nodes.stream().filter(d -> Objects.equals(host, d.host()) && String.valueOf(d.port()).equals(settings.getOrDefault("port", "5432"))
                && d.dbname().equals(settings.get("dbname"))).map(NodeDefinition::name).findFirst();
    }

    static String withoutPassword(String dsn) {
        if (dsn == null) {
            return null;
        }
        String text = URI.matcher(dsn).replaceFirst("$1@");
        return KEYWORD.matcher(text).replaceAll(Matcher.quoteReplacement("")).strip().replaceAll("\\s{2,}", " ");
    }
}
