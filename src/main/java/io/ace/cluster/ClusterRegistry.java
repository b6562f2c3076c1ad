package io.ace.cluster;

import io.ace.exit.AceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds cluster definitions: locates the service file in the documented order, resolves the
 * default cluster and each node's password (service file, then pgpass, then {@code PGPASSWORD}).
 */
public final class ClusterRegistry {

    private final Function<String, String> env;
    private final Path home;
    private final String defaultCluster;

    public ClusterRegistry(Function<String, String> env, Path home, String defaultCluster) {
        this.env = env;
        this.home = home;
        this.defaultCluster = defaultCluster;
    }


    /** Candidate service files in lookup order: the first that exists wins. */
    public List<Path> candidates() {
        java.util.ArrayList<Path> list = new java.util.ArrayList<>();
        for (String var : List.of("ACE_PGSERVICEFILE", "PGSERVICEFILE")) {
            String v = env.apply(var);
            if (v != null && !v.isBlank()) {
                list.add(Path.of(v));
            }
        }
        list.add(Path.of("pg_service.conf"));
        list.add(home.resolve(".pg_service.conf"));
        list.add(Path.of("/etc/pg_service.conf"));
        return list;
    }

    public ServiceFile serviceFile() {
        for (String var : List.of("ACE_PGSERVICEFILE", "PGSERVICEFILE")) {
            String v = env.apply(var);
            if (v != null && !v.isBlank() && !Files.isRegularFile(Path.of(v))) {
                throw AceException.config("$" + var + " names " + v + ", which does not exist");
            }
        }
        return candidates().stream().filter(Files::isRegularFile).findFirst().map(ServiceFile::read)
                .orElseThrow(() -> AceException.config("no cluster service file found; looked for "
                        + candidates() + ". Start a local one with 'scripts/local-cluster start' or set $ACE_PGSERVICEFILE"));
    }

    /** The cluster to use when the command names none: the configured default, or the only one defined. */
    public String defaultClusterName(ServiceFile file) {
        if (defaultCluster != null && !defaultCluster.isBlank()) {
            return defaultCluster;
        }
        var names = file.clusterNames();
        if (names.size() == 1) {
            return names.iterator().next();
        }
        throw AceException.usage("no cluster named and no default configured (ace.default-cluster); "
                + "clusters in " + file.path() + ": " + String.join(", ", names));
    }

    /** The cluster a launch names, or for none the default: what its run records, so a restart finds the same cluster. */
    public String clusterName(String given) {
        return given != null && !given.isBlank() ? given : defaultClusterName(serviceFile());
    }

    public ClusterDefinition cluster(String name) {
        ServiceFile file = serviceFile();
        String clusterName = name == null ? defaultClusterName(file) : name;
        String passfile = env.apply("PGPASSFILE");
        PgPassFile pgpass = PgPassFile.read(passfile != null ? Path.of(passfile) : home.resolve(".pgpass"));
        Map<String, NodeDefinition> nodes = new LinkedHashMap<>();
        file.nodeSettings(clusterName).forEach((nodeName, settings) -> {
            Map<String, String> copy = new LinkedHashMap<>(settings);
            String password = copy.remove("password");
            NodeDefinition probe = new NodeDefinition(nodeName, copy, null);
            probe.checkSettings(file.path());
            if (password == null) {
                password = pgpass.lookup(probe.host(), probe.port(), probe.dbname(), probe.user())
                        .orElse(env.apply("PGPASSWORD"));
            }
            nodes.put(nodeName, new NodeDefinition(nodeName, copy, password));
        });
        return new ClusterDefinition(clusterName, nodes, file.path());
    }
}
