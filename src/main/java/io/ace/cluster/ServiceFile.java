package io.ace.cluster;

import io.ace.exit.AceException;
import io.ace.exit.UserInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A libpq service file read as pgEdge ACE reads it: section {@code [CLUSTER]} holds settings
 * shared by every node, one section {@code [CLUSTER.NODE]} per node. A cluster's sections are
 * held to {@link ServiceFileKeys}; other sections may serve other programs and are not checked.
 */
public final class ServiceFile {

    private final Path path;
    private final Map<String, Map<String, String>> sections;
    /** Where each section and setting ({@code section \0 key}) is, for errors that name the line to fix. */
    private final Map<String, Integer> sectionLines;
    private final Map<String, Integer> keyLines;

    private ServiceFile(Path path, Map<String, Map<String, String>> sections, Map<String, Integer> sectionLines, Map<String, Integer> keyLines) {
        this.path = path;
        this.sections = sections;
        this.sectionLines = sectionLines;
        this.keyLines = keyLines;
    }

    public static ServiceFile read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw AceException.config("cannot read service file " + path + ": " + e.getMessage());
        }
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        // where each section and setting was first given: a second one would silently replace it
        Map<String, Integer> sectionLines = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        Map<String, String> current = null;
        String section = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    throw AceException.config(path + ":" + (i + 1) + ": malformed section header '" + line + "'");
                }
                section = line.substring(1, line.length() - 1).strip();
                Integer first = sectionLines.putIfAbsent(section, i + 1);
                if (first != null) {
                    throw AceException.config(path + ":" + (i + 1) + ": section [" + section + "] is defined again (first at line " + first
                            + "); merge the two sections or rename one");
                }
                current = new LinkedHashMap<>();
                sections.put(section, current);
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || current == null) {
                throw AceException.config(path + ":" + (i + 1) + ": expected 'key=value' inside a [section]");
            }
            String key = line.substring(0, eq).strip();
            Integer first = keyLines.putIfAbsent(section + "\0" + key, i + 1);
            if (first != null) {
                throw AceException.config(path + ":" + (i + 1) + ": '" + key + "' is set again in section [" + section + "] (first at line "
                        + first + "); keep one");
            }
            current.put(key, line.substring(eq + 1).strip());
        }
        return new ServiceFile(path, sections, sectionLines, keyLines);
    }

    public Path path() {
        return path;
    }

    /** Names of the clusters: sections that have at least one {@code [NAME.node]} section. */
    public Set<String> clusterNames() {
        Set<String> names = new TreeSet<>();
        for (String s : sections.keySet()) {
            int dot = s.indexOf('.');
            if (dot > 0) {
                names.add(s.substring(0, dot));
            }
        }
        return names;
    }

    /** The cluster's nodes with shared settings merged under each node's own; passwords not resolved yet. */
    public Map<String, Map<String, String>> nodeSettings(String cluster) {
        refuseNearMisses(cluster);
        Map<String, String> shared = sections.getOrDefault(cluster, Map.of());
        Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
        String prefix = cluster + ".";
        checkKeys(cluster);
        sections.forEach((name, settings) -> {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                checkKeys(name);
                Map<String, String> merged = new LinkedHashMap<>(shared);
                merged.putAll(settings);
                nodes.put(name.substring(prefix.length()), merged);
            }
        });
        if (nodes.isEmpty()) {
            throw AceException.config("cluster " + UserInput.quoted(cluster) + " is not defined in " + path
                    + " (no [CLUSTER.NODE] sections of that name); clusters there: "
                    + (clusterNames().isEmpty() ? "none" : String.join(", ", clusterNames())));
        }
        return nodes;
    }

    /**
     * A section meant for the cluster but spelled with another case ({@code [LOCAL.n2]} for
     * cluster {@code local}) would silently drop its node or its shared settings.
     */
    private void refuseNearMisses(String cluster) {
        sections.keySet().forEach(name -> {
            int dot = name.indexOf('.');
            String prefix = dot > 0 ? name.substring(0, dot) : name;
            if (!prefix.equals(cluster) && prefix.equalsIgnoreCase(cluster)) {
                throw AceException.config(path + ":" + sectionLines.get(name) + ": section [" + name + "] differs from cluster "
                        + UserInput.quoted(cluster) + " only by case, so it would be left out; section names are case-sensitive:"
                        + " write [" + cluster + name.substring(prefix.length()) + "]");
            }
        });
    }

    private void checkKeys(String section) {
        sections.getOrDefault(section, Map.of()).keySet().forEach(key -> {
            String problem = ServiceFileKeys.problem(key);
            if (problem != null) {
                throw AceException.config(path + ":" + keyLines.get(section + "\0" + key) + ": section [" + section + "]: " + problem);
            }
        });
    }
}
