package io.ace.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.Serve;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A table filter is one condition on the table's own columns, checked by PostgreSQL before it
 * runs: what a function could do with the node's credentials never happens, and a refusal names
 * the culprit without carrying the node's data back.
 */
class TableFilterCheckTest {

    static LocalCluster cluster;
    static Ace ace;

    @BeforeAll
    static void setUp(@TempDir Path home) {
        cluster = LocalCluster.plain();
        cluster.sql("""
                CREATE EXTENSION IF NOT EXISTS dblink;
                DROP TABLE IF EXISTS public.tf, public.tf_other, public.tf_victim;
                CREATE TABLE public.tf (id int PRIMARY KEY, name text, created date, ts timestamptz);
                INSERT INTO public.tf SELECT g, 'Name-' || g, date '2025-01-01' + (g - 500), timestamptz '2025-01-01' + g * interval '1 hour'
                  FROM generate_series(1, 1000) g;
                CREATE TABLE public.tf_other (id int PRIMARY KEY);
                INSERT INTO public.tf_other VALUES (1), (2);
                CREATE TABLE public.tf_victim (id int PRIMARY KEY);
                INSERT INTO public.tf_victim VALUES (1), (2);
                DROP TABLE IF EXISTS public.tf_doc;
                CREATE TABLE public.tf_doc (id int PRIMARY KEY, doc jsonb);
                INSERT INTO public.tf_doc SELECT g, CASE WHEN g % 2 = 0 THEN '{"k": "what?"}' ELSE '{"z": 1}' END::jsonb
                  FROM generate_series(1, 100) g;
                """, "n1", "n2");
        cluster.sql("UPDATE public.tf SET name = 'changed' WHERE id IN (14, 600)", "n2");
        cluster.sql("UPDATE public.tf_doc SET doc = '{\"k\": \"changed\"}' WHERE id IN (2, 3)", "n2");
        ace = new Ace(cluster.serviceFile(), home);
    }

    @AfterAll
    static void tearDown() {
        ace.close();
    }

    private static Ace.Result diff(String filter) {
        return ace.run("table-diff", "local", "public.tf", "--nodes", "n1,n2", "--table-filter", filter);
    }

    private static Ace.Result diff(String filter, Path outputDir) {
        return ace.run("table-diff", "local", "public.tf", "--nodes", "n1,n2", "--table-filter", filter, "--output-dir", outputDir.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "id % 7 = 0                          | 142 | 1",
        "lower(name) LIKE 'name-1%'          | 112 | 1",
        "created >= '2025-01-01'::date       | 501 | 1",
        "t.id < 10 OR id = 600               | 10  | 1",
        "abs(id - 500) < 3 AND name IS NOT NULL | 5 | 0",
    })
    void conditionsOnTheTablesColumnsRun(String filter, long rows, long differing) {
        Ace.Result r = diff(filter);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(differing == 0 ? 0 : 1);
        if (differing > 0) {
            assertThat(r.diff().get("summary").get("total_rows_checked").asLong()).isEqualTo(rows);
            assertThat(r.diff().get("summary").get("diff_rows_count").get("n1/n2").asLong()).isEqualTo(differing);
            assertThat(r.diff().get("summary").get("table_filter").asString()).isEqualTo(filter);
        } else {
            assertThat(r.out()).contains(rows + " rows checked");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(pg_read_file('/etc/passwd'))::int > 0                          | function pg_read_file(text) is not allowed on node n1: it is VOLATILE",
        "(SELECT rolpassword FROM pg_catalog.pg_authid LIMIT 1)::int > 0 | it reads relation pg_authid",
        "id IN (SELECT oid::int FROM pg_catalog.pg_authid)               | it reads relation pg_authid",
        "pg_create_physical_replication_slot('ace_evil') IS NOT NULL     | function pg_create_physical_replication_slot(name,boolean,boolean) is not allowed",
        "pg_terminate_backend(VICTIM)                                    | function pg_terminate_backend(integer,bigint) is not allowed",
        "public.dblink_exec('dbname=acedb', 'DELETE FROM public.tf_victim') = 'x' | function public.dblink_exec(text,text) is not allowed",
        "now() > ts                                                      | function now() is not allowed on node n1: it is STABLE",
        "random() < 0.5                                                  | function random() is not allowed on node n1: it is VOLATILE",
        "ts::date = '2025-01-02'                                         | function date(timestamp with time zone) is not allowed",
        "created < current_date                                          | it uses a value that changes between calls or sessions",
        "id IN (SELECT id FROM public.tf_other)                          | it reads relation public.tf_other",
        "public.tf_other.id = 1                                          | it names a table other than the one compared",
        "(SELECT true)                                                   | it contains a subquery",
        "count(*) > 0                                                    | function count() is not allowed on node n1: it is an aggregate function",
        "row_number() OVER () > 1                                        | function row_number() is not allowed on node n1: it is a window function",
        "generate_series(1, 2) > 1                                       | function generate_series(integer,integer) is not allowed on node n1: it is a set-returning function",
        "false) OR (true                                                 | the ')' at character 6 closes a parenthesis the filter did not open",
        "1=1; DROP TABLE public.tf_victim                                | the ';' at character 4 would end it",
        "no_such_column = 1                                              | it names a column the table does not have (PostgreSQL on node n1, SQLSTATE 42703, near \"no_such_column = 1\")",
        "id + 1                                                          | it is not a boolean condition",
        "name::int > 0 AND id = 'abc'                                    | a constant in it is not valid for its type (PostgreSQL on node n1, SQLSTATE 22P02",
    })
    void anythingElseIsRefusedBeforeItRuns(String filter, String message, @TempDir Path out) throws Exception {
        try (Connection victim = cluster.connect("n1")) {
            long pid = victim.unwrap(org.postgresql.PGConnection.class).getBackendPID();
            Ace.Result r = diff(filter.replace("VICTIM", Long.toString(pid)), out);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(64);
            assertThat(r.err()).as(r.toString()).contains("--table-filter must be one condition on the table's columns: ").contains(message);
            // nothing of the node's data comes back: no file content, no password hash, no row
            assertThat(r.err()).doesNotContain("root:").doesNotContain("SCRAM-SHA-256").doesNotContain("Name-")
                    .doesNotContain(LocalCluster.PASSWORD);
            try (var written = java.nio.file.Files.list(out)) {
                assertThat(written).as("nothing written").isEmpty();
            }
            // and nothing ran: no slot, no session ended, no row deleted, no table dropped
            assertThat(victim.isValid(5)).isTrue();
        }
        for (String node : new String[] {"n1", "n2"}) {
            assertThat(cluster.count(node, "SELECT count(*) FROM pg_catalog.pg_replication_slots")).isZero();
            assertThat(cluster.count(node, "SELECT count(*) FROM public.tf_victim")).isEqualTo(2);
        }
    }

    @Test
    void theApiRefusesWhatTheCommandLineRefuses(@TempDir Path serveHome) {
        try (Serve serve = new Serve(cluster.serviceFile(), serveHome)) {
            HttpResponse<String> refused = serve.send("POST", "/api/v1/table-diff", "operator", "{\"cluster_name\":\"local\","
                    + "\"table_name\":\"public.tf\",\"nodes\":[\"n1\",\"n2\"],\"table_filter\":\"(pg_read_file('/etc/passwd'))::int > 0\"}");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("pg_read_file(text) is not allowed").doesNotContain("root:");
            HttpResponse<String> escaped = serve.send("POST", "/api/v1/table-diff", "operator", "{\"cluster_name\":\"local\","
                    + "\"table_name\":\"public.tf\",\"nodes\":[\"n1\",\"n2\"],\"table_filter\":\"false) OR (true\"}");
            assertThat(escaped.statusCode()).as(escaped.body()).isEqualTo(400);
            assertThat(escaped.body()).contains("closes a parenthesis the filter did not open");
        }
    }

    @Test
    void aNodeWhoseSessionsDefaultToReadOnlyIsCheckedAllTheSame() {
        cluster.sql("ALTER ROLE ace IN DATABASE acedb SET default_transaction_read_only = on", "n1");
        try {
            Ace.Result ok = diff("id % 7 = 0");
            assertThat(ok.exitCode()).as(ok.toString()).isEqualTo(1);
            Ace.Result refused = diff("random() < 0.5");
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(64);
        } finally {
            cluster.sql("BEGIN READ WRITE; ALTER ROLE ace IN DATABASE acedb RESET default_transaction_read_only; COMMIT", "n1");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "'pg_monitor'::regrole IS NOT NULL                     | 'no_such_role'::regrole IS NOT NULL                     | regrole",
        "'pg_catalog'::regnamespace::oid > 0                   | 'no_such_schema'::regnamespace::oid > 0                 | regnamespace",
        "CAST('public.tf_other' AS pg_catalog.\"regclass\") IS NOT NULL | CAST('public.no_such' AS pg_catalog.\"regclass\") IS NOT NULL | regclass",
        "id = ANY('{pg_monitor}'::REGROLE[]::oid[]::int[])     | id = ANY('{no_such_role}'::REGROLE[]::oid[]::int[])     | regrole",
        "to_regrole('pg_monitor') IS NOT NULL                  | to_regrole('no_such_role') IS NOT NULL                  | to_regrole",
        "pg_relation_size('public.tf_other') > 0               | pg_relation_size('public.no_such') > 0                  | pg_relation_size",
    })
    void whatLooksUpCatalogObjectsByNameIsRefusedAlikeWhetherTheyExistOrNot(String existing, String missing, String name) {
        Ace.Result exists = diff(existing);
        Ace.Result absent = diff(missing);
        assertThat(exists.exitCode()).as(exists.toString()).isEqualTo(64);
        assertThat(exists.err()).as(exists.toString()).contains("--table-filter must be one condition on the table's columns: it looks up"
                + " catalog objects by name ('" + name + "' on node n1); casts to reg* types");
        // the same answer whether the role, schema or table exists: nothing to learn from it
        assertThat(absent.exitCode()).isEqualTo(64);
        assertThat(absent.err()).isEqualTo(exists.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "doc ? 'k'                                         ; 2,3",
        "doc ?| array['k', 'x'] AND doc->>'k' <> 'what?'   ; 2,3",
        "doc ?& array['k'] AND id < 3                      ; 2",
    })
    void jsonbQuestionMarkOperatorsRunAsTheyWereChecked(String filter, String keys) {
        Ace.Result r = ace.run("table-diff", "local", "public.tf_doc", "--nodes", "n1,n2", "--table-filter", filter);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.diffKeys("id")).containsExactlyInAnyOrder(keys.split(","));
    }

    @Test
    void aFilterLongerThanTheMaximumIsRefusedBeforeAnyNodeIsAsked(@TempDir Path serveHome) {
        String tooLong = "id % 7 = 0" + " AND id >= 0".repeat(250);
        Ace.Result refused = diff(tooLong);
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(64);
        assertThat(refused.err()).contains("--table-filter is 3010 characters long; at most 2000 are allowed");
        String longest = "id % 7 = 0" + " AND id >= 0".repeat(165);
        Ace.Result ran = diff(longest);
        assertThat(ran.exitCode()).as(ran.toString()).isEqualTo(1);
        assertThat(ran.diff().get("summary").get("total_rows_checked").asLong()).isEqualTo(142);
        try (Serve serve = new Serve(cluster.serviceFile(), serveHome)) {
            HttpResponse<String> api = serve.send("POST", "/api/v1/table-diff", "operator", "{\"cluster_name\":\"local\","
                    + "\"table_name\":\"public.tf\",\"nodes\":[\"n1\",\"n2\"],\"table_filter\":\"" + tooLong + "\"}");
            assertThat(api.statusCode()).as(api.body()).isEqualTo(400);
            assertThat(api.body()).contains("--table-filter is 3010 characters long; at most 2000 are allowed");
        }
    }
}
