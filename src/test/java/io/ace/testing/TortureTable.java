package io.ace.testing;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The type-torture table: every column type ACE must handle, with every difference of
 * README's "What equal means" injected on one node next to near-equal values that must not be reported.
 * Shared by the diff and repair tests.
 */
public final class TortureTable {

    /** key -> what differs on n2; each must be found in exact mode. */
    public static final Map<Integer, String> EXACT = new TreeMap<>(Map.ofEntries(
            Map.entry(1, "UPDATE %s SET t = NULL WHERE id = 1"),                       // '' vs NULL
            Map.entry(2, "UPDATE %s SET t = 'a ' WHERE id = 2"),                       // trailing blank
            Map.entry(3, "UPDATE %s SET f8 = 0.10000000000000002 WHERE id = 3"),       // last float digit
            Map.entry(4, "UPDATE %s SET f8 = '-0' WHERE id = 4"),                      // -0 vs 0
            Map.entry(5, "UPDATE %s SET num = 3000.0 WHERE id = 5"),                   // numeric scale
            Map.entry(6, "UPDATE %s SET iv = '24 hours' WHERE id = 6"),                // interval units
            Map.entry(7, "UPDATE %s SET ts = ts + interval '1 microsecond' WHERE id = 7"),
            Map.entry(8, "UPDATE %s SET by = '\\x0102ff04' WHERE id = 8"),             // one bytea byte
            Map.entry(9, "UPDATE %s SET arr = '{1,2,4}' WHERE id = 9"),                // array element
            Map.entry(10, "UPDATE %s SET js = '{\"a\":  1}' WHERE id = 10"),           // json whitespace
            Map.entry(11, "UPDATE %s SET mood = 'happy' WHERE id = 11"),               // enum label
            Map.entry(13, "UPDATE %s SET tstz = tstz + interval '1 microsecond' WHERE id = 13"),
            Map.entry(14, "UPDATE %s SET rng = '[1,6)' WHERE id = 14"),
            Map.entry(15, "UPDATE %s SET dom = 6 WHERE id = 15"),
            Map.entry(16, "UPDATE %s SET pt = point(1, 2.0000001) WHERE id = 16"),     // no hash function
            Map.entry(17, "UPDATE %s SET x = '<a />' WHERE id = 17"),
            Map.entry(18, "UPDATE %s SET ch = 'ac' WHERE id = 18"),
            Map.entry(19, "UPDATE %s SET f4 = 1.5000001 WHERE id = 19"),
            Map.entry(20, "UPDATE %s SET jb = '{\"n\": 1}' WHERE id = 20"),            // jsonb 1.0 vs 1 prints differently
            Map.entry(21, "UPDATE %s SET tarr = '{a,\"b \"}' WHERE id = 21"),
            Map.entry(22, "UPDATE %s SET u = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12' WHERE id = 22"),
            Map.entry(23, "UPDATE %s SET ip = '10.0.0.1/32' WHERE id = 23"),
            Map.entry(24, "DELETE FROM %s WHERE id = 24"),                             // missing on n2
            Map.entry(25, "INSERT INTO %s (id, t) VALUES (25, 'only on n2')"),         // extra on n2
            Map.entry(26, "UPDATE %s SET num2 = 1.11 WHERE id = 26"),
            Map.entry(28, "UPDATE %s SET arr = '{{1,2},{3,4}}' WHERE id = 28"),        // same elements, other shape
            Map.entry(29, "UPDATE %s SET vc = 'abd' WHERE id = 29"),
            Map.entry(30, "UPDATE %s SET b = false WHERE id = 30"),
            Map.entry(31, "UPDATE %s SET dt = dt + 1 WHERE id = 31"),
            Map.entry(32, "UPDATE %s SET tm = '10:00:00.000001' WHERE id = 32"),
            Map.entry(37, "UPDATE %s SET t = 'big' WHERE id = 37")));

    /** Changes an application reads back identically: never reported. */
    public static final String[] NEAR_EQUAL = {
        "UPDATE %s SET jb = '{\"b\": 2, \"a\": 1}' WHERE id = 12",                // jsonb key order
        "UPDATE %s SET num2 = 1.1 WHERE id = 33",                                 // numeric(10,2) stores 1.10 either way
        "UPDATE %s SET tstz = '2025-01-01 13:00:00+01' WHERE id = 34",            // same instant, other offset
        "UPDATE %s SET iv = '1 days' WHERE id = 35",                              // same interval spelled otherwise
        "UPDATE %s SET t = t WHERE id = 36"};                                     // rewritten, same value

    /** Exact differences that semantic equality (each type's operator) ignores. */
    public static final Set<Integer> SEMANTICALLY_EQUAL = Set.of(4, 5, 6, 20);

    private TortureTable() {
    }

    /** Creates {@code public.<name>} on {@code nodes} (identical), then injects every difference and near-equal on {@code odd}. */
    public static void create(LocalCluster cluster, String name, String odd, String... nodes) {
        String table = "public." + name;
        cluster.sql(DDL.replace("public.torture", table).replace("public.mood", "public." + name + "_mood")
                .replace("public.posint", "public." + name + "_posint"), nodes);
        cluster.sql("UPDATE " + table + " SET arr = '{1,2,3}' WHERE id = 9", nodes);
        for (String sql : EXACT.values()) {
            cluster.sql(sql.formatted(table), odd);
        }
        for (String sql : NEAR_EQUAL) {
            cluster.sql(sql.formatted(table), odd);
        }
    }

    private static final String DDL = """
            DROP TABLE IF EXISTS public.torture; DROP DOMAIN IF EXISTS public.posint; DROP TYPE IF EXISTS public.mood;
            CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
            CREATE DOMAIN public.posint AS int CHECK (VALUE > 0);
            CREATE TABLE public.torture (id int PRIMARY KEY, t text, vc varchar(20), ch char(3), f8 float8, f4 float4,
              num numeric, num2 numeric(10,2), ts timestamp, tstz timestamptz, iv interval, by bytea, js json, jb jsonb,
              arr int[], tarr text[], mood public.mood, dom public.posint, rng int4range, ip inet, u uuid, b bool,
              pt point, x xml, dt date, tm time, big int8);
            INSERT INTO public.torture
            SELECT g, '', 'abc', 'ab', CASE WHEN g = 3 THEN 0.1 ELSE 0 END, 1.5, 3000.00, 1.10,
              '2025-01-01 10:00:00.123456', '2025-01-01 12:00:00+00', '1 day', '\\x01020304', '{"a":1}',
              CASE WHEN g = 20 THEN '{"n": 1.0}'::jsonb ELSE '{"a": 1, "b": 2}' END,
              '{1,2,3,4}', '{a,b}', 'ok', 5, '[1,5)', '10.0.0.1/24', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', true,
              point(1, 2), '<a/>', '2025-01-01', '10:00:00', 9007199254740993
            FROM generate_series(1, 40) g WHERE g <> 25;
            """;
}
