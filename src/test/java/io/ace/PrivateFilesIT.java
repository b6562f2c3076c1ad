package io.ace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ace.testing.ListeningSockets;
import io.ace.testing.LocalCluster;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code scripts/ace} leaves on disk is its user's alone (directories 0700, files 0600), and
 * what it listens on is loopback unless configured: the embedded repository's server and {@code serve}.
 */
class PrivateFilesIT {

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static ProcessBuilder ace(LocalCluster cluster, Path home, Path workDir, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(LocalCluster.projectRoot().resolve("scripts/ace").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().put("ACE_PGSERVICEFILE", cluster.serviceFile().toString());
        pb.environment().put("ACE_HOME", home.toString());
        return pb;
    }

    @Test
    void reportsRepositoryAndArchiveArePrivate(@TempDir Path dir) throws Exception {
        LocalCluster cluster = LocalCluster.plain();
        cluster.sql("DROP TABLE IF EXISTS public.private_t; CREATE TABLE public.private_t (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.private_t SELECT g, 'v' FROM generate_series(1, 100) g", "n1", "n2");
        cluster.sql("UPDATE public.private_t SET v = 'w' WHERE id = 5", "n2");
        Path home = dir.resolve("home");
        Path out = dir.resolve("reports/today");
        Process p = ace(cluster, home, dir, "table-diff", "local", "public.private_t", "--nodes", "n1,n2", "--output", "html",
                "--output-dir", out.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(1);

        assertThat(mode(home)).isEqualTo("rwx------");
        assertThat(mode(home.resolve("repository.mv.db"))).isEqualTo("rw-------");
        assertThat(mode(out)).isEqualTo("rwx------");
        try (Stream<Path> all = Stream.concat(Files.walk(home), Files.walk(out))) {
            for (Path f : all.toList()) {
                assertThat(mode(f)).as(f.toString()).isEqualTo(Files.isDirectory(f) ? "rwx------" : "rw-------");
            }
        }
        try (Stream<Path> reports = Files.list(out)) {
            assertThat(reports.map(f -> f.getFileName().toString()).toList()).hasSize(2).allMatch(n -> n.startsWith("public_private_t_diffs-"));
        }
    }

    @Test
    void theJarRunDirectlyWritesPrivateFilesIntoAnOpenDirectory(@TempDir Path dir) throws Exception {
        LocalCluster cluster = LocalCluster.plain();
        cluster.sql("DROP TABLE IF EXISTS public.private_jar; CREATE TABLE public.private_jar (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.private_jar SELECT g, 'v' FROM generate_series(1, 100) g", "n1", "n2");
        cluster.sql("UPDATE public.private_jar SET v = 'w' WHERE id = 5", "n2");
        // a shared reports directory, and no launcher to set a umask: the process's own (022) applies
        Path out = Files.createDirectories(dir.resolve("shared"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = LocalCluster.projectRoot().resolve("target/ace.jar");
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "umask 022 && exec java -Xmx256m -jar \"$0\" \"$@\"", jar.toString(),
                "table-diff", "local", "public.private_jar", "--nodes", "n1,n2", "--output", "html", "--output-dir", out.toString())
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("ACE_PGSERVICEFILE", cluster.serviceFile().toString());
        pb.environment().put("ACE_HOME", dir.resolve("home").toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(1);
        try (Stream<Path> reports = Files.list(out)) {
            List<Path> written = reports.toList();
            assertThat(written).hasSize(2);
            for (Path f : written) {
                assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void serveAndTheRepositoryServerListenOnLoopbackOnly(@TempDir Path dir) throws Exception {
        LocalCluster cluster = LocalCluster.plain();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path home = dir.resolve("home");
        ProcessBuilder pb = ace(cluster, home, dir, "serve").redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile());
        pb.environment().put("ACE_SERVE_PORT", Integer.toString(port));
        Process serve = pb.start();
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> Files.readString(dir.resolve("serve.log")).contains("ACE is serving"));
            assertThat(ListeningSockets.addresses(port)).as("serve").isNotEmpty();
            assertThat(ListeningSockets.loopbackOnly(port)).as("serve listens on " + ListeningSockets.addresses(port)).isTrue();

            // the embedded repository's server: its address and port are in the lock file
            Properties lock = new Properties();
            try (var in = Files.newInputStream(home.resolve("repository.lock.db"))) {
                lock.load(in);
            }
            String server = lock.getProperty("server");
            assertThat(server).matches("(localhost|127\\.0\\.0\\.1):[0-9]+");
            int h2 = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
            assertThat(ListeningSockets.loopbackOnly(h2)).as("repository server listens on " + ListeningSockets.addresses(h2)).isTrue();
            assertThat(mode(home.resolve("repository.lock.db"))).isEqualTo("rw-------");
            assertThat(mode(home.resolve("serve-initial-admin-password"))).isEqualTo("rw-------");
        } finally {
            serve.destroy();
            if (!serve.waitFor(60, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }
}
