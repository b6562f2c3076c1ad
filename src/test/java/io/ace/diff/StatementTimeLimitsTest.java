package io.ace.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A filter that passes for one condition but costs minutes of a node's CPU and memory is ended by
 * the node itself: the filter check under {@code filter_check_timeout}, every other statement
 * under {@code statement_timeout}, both from the cluster's section of the service file.
 */
class StatementTimeLimitsTest {

    /** Minutes of CPU on a node, folded as a constant while the filter is checked. */
    private static final String COSTLY_CONSTANT = "length(regexp_replace(repeat('ab', 20000000), '(a)(b)', '\\2\\1', 'g')) > 0";
    /** Cheap to check (nothing to fold on an empty table), then a quarter of a second per row. */
    private static final String COSTLY_PER_ROW = "length(regexp_replace(repeat(name, 500000), '(N)(a)', '\\2\\1', 'g')) > 0";

    static LocalCluster cluster;

    @BeforeAll
    static void setUp() {
        cluster = LocalCluster.plain();
        cluster.sql("""
                DROP TABLE IF EXISTS public.tl;
                CREATE TABLE public.tl (id int PRIMARY KEY, name text);
                INSERT INTO public.tl SELECT g, 'Name-' || g FROM generate_series(1, 1000) g;
                """, "n1", "n2");
    }

    /** The cluster's service file with one more setting in its cluster section. */
    private static Path serviceFileWith(Path dir, String setting) throws IOException {
        String file = Files.readString(cluster.serviceFile()).replaceFirst("(?m)^\\[local\\]$", "[local]\n" + setting);
        return Files.writeString(dir.resolve("pg_service.conf"), file);
    }

    private static void nothingOfTheFilterRunsOnTheNodes() {
        for (String node : new String[] {"n1", "n2"}) {
            await().atMost(Duration.ofSeconds(10)).until(() -> cluster.count(node, "SELECT count(*) FROM pg_catalog.pg_stat_activity"
                    + " WHERE query LIKE '%regexp_replace(repeat%' AND pid <> pg_catalog.pg_backend_pid()") == 0);
        }
    }

    @Test
    void aFilterThatTakesTooLongToCheckIsRefusedNamingTheNode(@TempDir Path dir) throws Exception {
        try (Ace ace = new Ace(serviceFileWith(dir, "filter_check_timeout=1s"), dir.resolve("home"))) {
            long start = System.nanoTime();
            Ace.Result r = ace.run("table-diff", "local", "public.tl", "--nodes", "n1,n2", "--table-filter", COSTLY_CONSTANT);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(64);
            assertThat(r.err()).contains("--table-filter must be one condition on the table's columns: the filter took longer than 1s"
                    + " to check on node n1 (filter_check_timeout)");
            // unchecked, this filter kept the check running for minutes on every node
            assertThat(took).isLessThan(Duration.ofSeconds(30));
            nothingOfTheFilterRunsOnTheNodes();
        }
    }

    @Test
    void aStatementThatRunsLongerThanTheStatementTimeoutIsEndedOnTheNode(@TempDir Path dir) throws Exception {
        try (Ace ace = new Ace(serviceFileWith(dir, "statement_timeout=1s"), dir.resolve("home"))) {
            long start = System.nanoTime();
            Ace.Result r = ace.run("table-diff", "local", "public.tl", "--nodes", "n1,n2", "--table-filter", COSTLY_PER_ROW);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
            assertThat(r.out() + r.err()).contains("statement timeout");
            assertThat(took).isLessThan(Duration.ofSeconds(60));
            nothingOfTheFilterRunsOnTheNodes();
        }
    }
}
