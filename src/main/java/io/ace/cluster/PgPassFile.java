package io.ace.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A libpq password file: {@code hostname:port:database:username:password}, {@code *} matches anything. */
public final class PgPassFile {

    private final List<String[]> entries;

    private PgPassFile(List<String[]> entries) {
        this.entries = entries;
    }

    public static PgPassFile read(Path path) {
        List<String[]> entries = new ArrayList<>();
        if (path != null && Files.isReadable(path)) {
            try {
                for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        String[] fields = split(line);
                        if (fields.length == 5) {
                            entries.add(fields);
                        }
                    }
                }
            } catch (IOException e) {
                // an unreadable pgpass is the same as none: libpq ignores it too
            }
        }
        return new PgPassFile(entries);
    }

    public Optional<String> lookup(String host, int port, String database, String user) {
        String[] wanted = {host, Integer.toString(port), database, user};
        for (String[] e : entries) {
            boolean match = true;
            for (int i = 0; i < 4 && match; i++) {
                match = e[i].equals("*") || e[i].equals(wanted[i]);
            }
            if (match) {
                return Optional.of(e[4]);
            }
        }
        return Optional.empty();
    }

    /** Splits on unescaped colons; backslash escapes a colon or a backslash. */
    private static String[] split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                sb.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        fields.add(sb.toString());
        return fields.toArray(String[]::new);
    }
}
