package io.ace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every preflight error: a message that names what is wrong, its exit code, and nothing written. */
@OnCluster
class PreflightErrorsTest {

    static LocalCluster cluster;
    static Ace ace;

    @BeforeAll
    static void setUp(LocalCluster localCluster, @TempDir Path home) throws Exception {
        cluster = localCluster;
        cluster.sql("""
                DROP TABLE IF EXISTS public.pf_ok, public.pf_missing, public.pf_cols, public.pf_types, public.pf_nopk, public.pf_pk, public.pf_victim, public.pf_nullable;
                CREATE TABLE public.pf_ok (id int PRIMARY KEY, v text);
                INSERT INTO public.pf_ok SELECT g, 'v' FROM generate_series(1, 10) g;
                CREATE TABLE public.pf_nopk (id int, v text);
                -- unique, but none of its indexes could be a primary key: a nullable column, a partial index, a deferrable one
                CREATE TABLE public.pf_nullable (id int UNIQUE, code int NOT NULL, ref int NOT NULL UNIQUE DEFERRABLE, v text);
                CREATE UNIQUE INDEX ON public.pf_nullable (code) WHERE code > 0;
                CREATE TABLE public.pf_victim (id int PRIMARY KEY);
                INSERT INTO public.pf_victim VALUES (1), (2);
                """, "n1", "n2");
        cluster.sql("CREATE TABLE public.pf_missing (id int PRIMARY KEY)", "n1");
        cluster.sql("CREATE TABLE public.pf_cols (id int PRIMARY KEY, a text, b text)", "n1");
        cluster.sql("CREATE TABLE public.pf_cols (id int PRIMARY KEY, a text)", "n2");
        cluster.sql("CREATE TABLE public.pf_types (id int PRIMARY KEY, a numeric)", "n1");
        cluster.sql("CREATE TABLE public.pf_types (id int PRIMARY KEY, a float8)", "n2");
        cluster.sql("CREATE TABLE public.pf_pk (id int PRIMARY KEY, a int NOT NULL)", "n1");
        cluster.sql("CREATE TABLE public.pf_pk (id int NOT NULL, a int NOT NULL, PRIMARY KEY (id, a))", "n2");
        // a service file with one node nobody listens on
        Path broken = home.resolve("broken.conf");
        Files.writeString(broken, Files.readString(cluster.serviceFile()) + "\n[broken]\nhost=127.0.0.1\ndbname=acedb\nuser=ace\n"
                + "password=" + LocalCluster.PASSWORD + "\n[broken.n1]\nport=" + cluster.port("n1") + "\n[broken.down]\nport=1\n"
                + "[badpw]\nhost=127.0.0.1\ndbname=acedb\nuser=ace\npassword=wrong-secret\n[badpw.n1]\nport=" + cluster.port("n1")
                + "\n[badpw.n2]\nport=" + cluster.port("n2") + "\n");
        ace = new Ace(broken, home);
    }

    @AfterAll
    static void tearDown() {
        ace.close();
    }

    private static void assertFails(int code, String messagePart, String... args) {
        Ace.Result r = ace.run(args);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(code);
        assertThat(r.err()).as(r.toString()).contains(messagePart);
        assertThat(r.err()).doesNotContain(LocalCluster.PASSWORD).doesNotContain("wrong-secret");
        assertThat(ace.outputFiles()).as("nothing written").isEmpty();
    }

    @Test
    void configurationErrorsExit78() {
        assertFails(78, "cluster 'nosuch' is not defined", "table-diff", "nosuch", "public.pf_ok");
        assertFails(78, "node 'n9' is not defined in cluster 'local'", "table-diff", "local", "public.pf_ok", "--nodes", "n1,n9");
        assertFails(78, "does not exist on node n2", "table-diff", "local", "public.pf_missing", "--nodes", "n1,n2");
        assertFails(78, "does not exist on node n1", "table-diff", "local", "public.nosuch", "--nodes", "n1,n2");
        assertFails(78, "different columns on node n1 and node n2: column 3 is 'b text' vs '(no column)'",
                "table-diff", "local", "public.pf_cols", "--nodes", "n1,n2");
        assertFails(78, "column 2 is 'a numeric' vs 'a double precision'", "table-diff", "local", "public.pf_types", "--nodes", "n1,n2");
        // a Merkle tree's leaves are key ranges: a table without a key is refused, and told where it can be compared
        assertFails(78, "has no primary key on node n1", "mtree-build", "local", "public.pf_nopk", "--nodes", "n1,n2");
        assertFails(78, "has no primary key on node n1, nor a unique index that could be one", "mtree-build", "local", "public.pf_nullable",
                "--nodes", "n1,n2");
        assertFails(78, "compare the table with table-diff, which compares a table without a key as a multiset of whole rows", "mtree-build",
                "local", "public.pf_nopk", "--nodes", "n1,n2");
        assertFails(78, "is matched by primary key \"pf_pk_pkey\" (id) on node n1 but by primary key \"pf_pk_pkey\" (id, a) on node n2", "table-diff", "local", "public.pf_pk", "--nodes", "n1,n2");
        assertFails(78, "node badpw.n1".replace("badpw.", "") + " (", "table-diff", "badpw", "public.pf_ok");
    }

    @Test
    void unreachableNodeExits75NamingIt() {
        assertFails(75, "node down (", "table-diff", "broken", "public.pf_ok");
        // these read every node's catalog at once too: the node that cannot be reached is still the one named
        assertFails(75, "node down (", "schema-diff", "broken", "public");
        assertFails(75, "node down (", "spock-diff", "broken");
        assertFails(75, "node down (", "repset-diff", "broken", "default");
    }

    @Test
    void badUsageExits64() {
        assertFails(64, "Unknown option: '--frobnicate'", "table-diff", "local", "public.pf_ok", "--frobnicate");
        assertFails(64, "--block-size must be between", "table-diff", "local", "public.pf_ok", "--block-size", "0");
        assertFails(64, "must be schema-qualified", "table-diff", "local", "pf_ok");
        assertFails(64, "--equality must be exact or semantic", "table-diff", "local", "public.pf_ok", "--equality", "fuzzy");
        assertFails(64, "--nodes must name at least two nodes", "table-diff", "local", "public.pf_ok", "--nodes", "n1");
        assertFails(64, "expected [CLUSTER] SCHEMA.TABLE, got 3 arguments: 'local' 'public.pf_ok' 'extra'", "table-diff", "local", "public.pf_ok", "extra");
        assertFails(64, "Unmatched argument", "no-such-command");
    }

    @Test
    void tableFilterThatTriesToWriteFailsAndWritesNothing() {
        cluster.sql("CREATE OR REPLACE FUNCTION public.pf_sneaky() RETURNS boolean LANGUAGE sql AS "
                + "'DELETE FROM public.pf_victim; SELECT true'", "n1", "n2");
        assertFails(64, "function public.pf_sneaky() is not allowed on node n1: it is VOLATILE", "table-diff", "local", "public.pf_ok",
                "--nodes", "n1,n2", "--table-filter", "public.pf_sneaky()");
        assertFails(64, "the ';' at character 5 would end it", "table-diff", "local", "public.pf_ok", "--nodes", "n1,n2",
                "--table-filter", "true; DELETE FROM public.pf_victim");
        assertFails(64, "--table-filter must be one condition on the table's columns", "table-diff", "local", "public.pf_ok",
                "--nodes", "n1,n2", "--table-filter", "id IN (WITH d AS (DELETE FROM public.pf_victim RETURNING id) SELECT id FROM d)");
        assertThat(cluster.count("n1", "SELECT count(*) FROM public.pf_victim")).isEqualTo(2);
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.pf_victim")).isEqualTo(2);
    }
}
