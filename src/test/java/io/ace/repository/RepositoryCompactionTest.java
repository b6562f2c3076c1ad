package io.ace.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The embedded repository is compacted at close only once its file has grown large; H2 does as the URL says. */
@Tag("fast")
class RepositoryCompactionTest {

    @TempDir
    Path dir;

    @Test
    void onlyAnH2FileThatLeavesCompactionAtItsDefaultIsConcerned() {
        assertThat(RepositoryCompaction.file("jdbc:h2:file:/srv/ace/repository;AUTO_SERVER=TRUE;WRITE_DELAY=0"))
                .contains(Path.of("/srv/ace/repository.mv.db"));
        assertThat(RepositoryCompaction.file("JDBC:H2:FILE:/srv/ace/repository")).contains(Path.of("/srv/ace/repository.mv.db"));
        assertThat(RepositoryCompaction.file("jdbc:h2:file:~/ace/repository"))
                .contains(Path.of(System.getProperty("user.home") + "/ace/repository.mv.db"));
        assertThat(RepositoryCompaction.file("jdbc:h2:file:/srv/ace/repository;max_compact_time=500")).isEmpty();
        assertThat(RepositoryCompaction.file("jdbc:h2:mem:repository")).isEmpty();
        assertThat(RepositoryCompaction.file("jdbc:postgresql://db/ace")).isEmpty();
    }

    @Test
    void aSmallOrNewFileIsNotCompactedAtCloseALargeOneIs() throws Exception {
        Path small = dir.resolve("small");
        Files.write(dir.resolve("small.mv.db"), new byte[4096]);
        assertThat(urlAfterStart(small)).isEqualTo(url(small) + ";MAX_COMPACT_TIME=0");
        assertThat(urlAfterStart(dir.resolve("new"))).isEqualTo(url(dir.resolve("new")) + ";MAX_COMPACT_TIME=0");

        Path large = dir.resolve("large");
        try (RandomAccessFile file = new RandomAccessFile(dir.resolve("large.mv.db").toFile(), "rw")) {
            file.setLength(RepositoryCompaction.COMPACT_FROM);
        }
        assertThat(urlAfterStart(large)).isEqualTo(url(large));
    }

    @Test
    void h2GrowsTheFileWhenACloseDoesNotCompactAndShrinksItWhenOneDoes() throws Exception {
        Path db = dir.resolve("repository");
        write(url(db) + ";MAX_COMPACT_TIME=0");
        long grown = Files.size(dir.resolve("repository.mv.db"));
        write(url(db) + ";MAX_COMPACT_TIME=0");
        assertThat(Files.size(dir.resolve("repository.mv.db"))).as("a second run without compaction").isGreaterThan(grown);

        try (Connection c = DriverManager.getConnection(url(db), "sa", "")) {
            assertThat(c.createStatement().executeQuery("SELECT COUNT(*) FROM t").next()).isTrue();
        }
        assertThat(Files.size(dir.resolve("repository.mv.db"))).as("the default close compacts").isLessThan(grown);
    }

    private String urlAfterStart(Path db) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("test", Map.of(RepositoryCompaction.URL, url(db))));
        new RepositoryCompaction().postProcessEnvironment(environment, null);
        return environment.getProperty(RepositoryCompaction.URL);
    }

    private static String url(Path db) {
        return "jdbc:h2:file:" + db + ";WRITE_DELAY=0";
    }

    /** A run's worth of small commits, as a job's progress makes them. */
    private static void write(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS t (id INT PRIMARY KEY, v VARCHAR(200))");
                s.execute("MERGE INTO t KEY (id) SELECT X, REPEAT('x', 200) FROM SYSTEM_RANGE(1, 2000)");
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE t SET v = ? WHERE id = ?")) {
                for (int i = 1; i <= 300; i++) {
                    update.setString(1, "run " + i);
                    update.setInt(2, i * 5);
                    update.executeUpdate();
                }
            }
        }
    }
}
