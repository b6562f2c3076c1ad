package io.ace.diff;

import io.ace.catalog.Column;
import io.ace.catalog.TableShape;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL ACE runs against one table, built from catalog data only: identifiers are quoted,
 * key values travel as text parameters cast to the column's declared type, and the user's
 * filter, which {@link TableFilterCheck} has shown to be one condition on the table's own
 * columns, is parenthesized.
 */
final class TableQueries {

    private static final String ALIAS = "t";
    /** Buckets a range is narrowed by: one bit each in a bigint mask. */
    static final int BUCKETS = 64;

    private final TableShape shape;
    /** The rows compared: the user's filter; statements that read rows by key use only this. */
    private final String filter;
    /** The rows scanned: the filter and an incremental run's window; statements that scan ranges use this. */
    private final String scanned;
    private final String rowHash;
    private final boolean origins;

    /**
     * @param origins whether full rows are read with their commit origin and time
     * @param window  an incremental run's window condition, or null: a key found in it is read whole wherever its rows lie
     */
    TableQueries(TableShape shape, String filter, Equality equality, boolean origins, String window) {
        this.shape = shape;
        this.origins = origins;
        // every statement that embeds the filter is prepared, where pgjdbc would take jsonb's ? for a parameter
        this.filter = filter == null ? null : TableFilterText.forPreparedStatement(filter);
        this.scanned = window == null ? this.filter : this.filter == null ? window : "(" + this.filter + ") AND " + window;
        this.rowHash = "hash_record_extended(ROW(" + shape.columns().stream()
                .map(c -> ColumnHashForm.expression(c, ALIAS, equality))
                .collect(Collectors.joining(", ")) + "), 0)";
    }

    TableShape shape() {
        return shape;
    }

    /** A row's hash as every comparison computes it, over the table aliased {@code t}. */
    String rowHash() {
        return rowHash;
    }

    /** Row count and order-independent hash of one range (open at one end at least): one index range scan. */
    String rangeHash(boolean hasLower, boolean hasUpper) {
        return "SELECT count(*), COALESCE(bit_xor(" + rowHash + "), 0) FROM " + shape.name().sql() + " " + ALIAS
                + where(hasLower, hasUpper);
    }

    /**
     * One row per bounded range (given as arrays of lower and upper bounds): its position, row
     * count and hash. Each range is an index range scan, so the block costs one scan in all.
     */
    String rangeHashes() {
        String arrays = boundArrays();
        return "SELECT b.ord, s.n, s.h FROM unnest(" + arrays + ", " + arrays + ") WITH ORDINALITY AS b("
                + aliases("lo", ", ") + ", " + aliases("hi", ", ") + ", ord)"
                + " CROSS JOIN LATERAL (SELECT count(*) AS n, COALESCE(bit_xor(" + rowHash + "), 0) AS h FROM "
                + shape.name().sql() + " " + ALIAS + " WHERE " + inRange() + ") s";
    }

    /**
     * Row count and hash of each bucket of each bounded range (given as arrays of lower and upper
     * bounds): its position, the bucket, count and hash. A key's bucket is a hash of its text, the
     * same on every node, so a range that differs is narrowed to the few buckets that differ.
     */
    String rangeBuckets() {
        String arrays = boundArrays();
        return "SELECT b.ord, s.bucket, count(*), COALESCE(bit_xor(s.h), 0) FROM unnest(" + arrays + ", " + arrays
                + ") WITH ORDINALITY AS b(" + aliases("lo", ", ") + ", " + aliases("hi", ", ") + ", ord)"
                + " CROSS JOIN LATERAL (SELECT " + bucket() + " AS bucket, " + rowHash + " AS h FROM " + shape.name().sql() + " " + ALIAS
                + " WHERE " + inRange() + ") s GROUP BY b.ord, s.bucket";
    }

    /**
     * Every key (as text) with its row hash, of each bounded range (given as arrays of lower and
     * upper bounds), only in the buckets set in the range's mask (a bigint per range, bit n for
     * bucket n): several narrowed ranges in one statement.
     */
    String rangeKeyHashes() {
        String arrays = boundArrays();
        return "SELECT s.* FROM unnest(" + arrays + ", " + arrays + ", CAST(? AS bigint[])) AS b(" + aliases("lo", ", ") + ", "
                + aliases("hi", ", ") + ", mask)"
                + " CROSS JOIN LATERAL (SELECT " + keyTexts() + ", " + rowHash + " FROM " + shape.name().sql() + " " + ALIAS
                + " WHERE " + inRange() + " AND (b.mask >> " + bucket() + ") & 1 = 1) s";
    }

    /** The key's bucket: a hash of the key's text (as the session prints it), not of its binary form, which can be node-local. */
    private String bucket() {
        String key = shape.keyColumns().size() == 1 ? keyTexts() : "ROW(" + shape.keyList(ALIAS) + ")::text";
        return "(hashtextextended(" + key + ", 0) & " + (BUCKETS - 1) + ")::int";
    }

    /** The key of the table row between the bounds {@code b.lo*} and {@code b.hi*}, and the filter. */
    private String inRange() {
        String tuple = shape.keyTuple(ALIAS);
        return tuple + " >= " + tupleOf("b.lo") + " AND " + tuple + " < " + tupleOf("b.hi") + (scanned == null ? "" : " AND (" + scanned + ")");
    }

    /** One text array per key column, each cast to an array of the column's type. */
    private String boundArrays() {
        return shape.keyColumns().stream().map(c -> "CAST(? AS text[])::" + c.type() + "[]").collect(Collectors.joining(", "));
    }

    /** {@code p0, p1, ...} for the key columns. */
    private String aliases(String prefix, String separator) {
        return java.util.stream.IntStream.range(0, shape.keyColumns().size()).mapToObj(i -> prefix + i)
                .collect(Collectors.joining(separator));
    }

    /** {@code p0} for a single-column key, {@code (p0, p1)} for a composite one. */
    private String tupleOf(String prefix) {
        String list = aliases(prefix, ", ");
        return shape.keyColumns().size() == 1 ? list : "(" + list + ")";
    }

    /**
     * A multiset's rows counted per bucket of their hash, in one scan: the bucket, the number of
     * rows and the sum of their hashes (numeric; its low 64 bits are kept). A sum, not the xor the
     * keyed comparison uses: two identical copies would cancel in a xor. The bucket is a hash of the
     * row hash, so the sum keeps all 64 bits of each row's hash.
     */
    String multisetBuckets(int buckets) {
        return "SELECT " + multisetBucket("s.h", buckets) + ", count(*), sum(s.h) FROM (SELECT " + rowHash + " AS h FROM "
                + shape.name().sql() + " " + ALIAS + (scanned == null ? "" : " WHERE (" + scanned + ")") + ") s GROUP BY 1";
    }

    /**
     * The distinct rows of a multiset whose bucket is among those given (an int array), ordered by
     * row hash: the hash, the number of identical copies, every column as text, and the relation
     * that holds a copy (null: the table itself).
     */
    String multisetRows(int buckets) {
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < shape.columns().size(); i++) {
            texts.add(ALIAS + "." + shape.columns().get(i).quoted() + "::text AS c" + i);
        }
        String columns = java.util.stream.IntStream.range(0, shape.columns().size()).mapToObj(i -> "s.c" + i).collect(Collectors.joining(", "));
        return "SELECT s.h, count(*), " + columns + ", min(s.rel) FROM (SELECT " + rowHash + " AS h, " + String.join(", ", texts)
                + ", NULLIF(" + ALIAS + ".tableoid, '" + shape.name().sql().replace("'", "''") + "'::regclass)::regclass::text AS rel FROM "
                + shape.name().sql() + " " + ALIAS + (scanned == null ? "" : " WHERE (" + scanned + ")") + ") s WHERE "
                + multisetBucket("s.h", buckets) + " = ANY(CAST(? AS int[])) GROUP BY s.h, " + columns + " ORDER BY s.h";
    }

    /** The bucket of a row hash among {@code buckets} (a power of two). */
    private static String multisetBucket(String hash, int buckets) {
        return "(hashint8extended(" + hash + ", 1) & " + (buckets - 1) + ")::int";
    }

    /** Every key of a block (as text) with its row hash. */
    String keyHashes(boolean hasLower, boolean hasUpper) {
        return "SELECT " + keyTexts() + ", " + rowHash + " FROM " + shape.name().sql() + " " + ALIAS
                + where(hasLower, hasUpper);
    }

    /**
     * Full rows, every column as text, plus the row hash and the relation that holds the row (a
     * partition or inheritance child; null for the table itself), for the keys given as text arrays; when
     * origins are read, then the id of the replication origin of the row's last change and its commit time.
     */
    String rowsByKeys() {
        String columns = shape.columns().stream().map(c -> ALIAS + "." + c.quoted() + "::text").collect(Collectors.joining(", "));
        String head = "SELECT " + keyTexts() + ", " + columns + ", " + rowHash + ", NULLIF(" + ALIAS + ".tableoid, '"
                + shape.name().sql().replace("'", "''") + "'::regclass)::regclass::text";
        if (!origins) {
            return head + byKeys("");
        }
        return head + ", o.roident::int, o.\"timestamp\"::text"
                + byKeys(" CROSS JOIN LATERAL pg_catalog.pg_xact_commit_timestamp_origin(" + ALIAS + ".xmin) o");
    }

    boolean readsOrigins() {
        return origins;
    }

    /** The row hash of each of the keys given as text arrays. */
    String hashesByKeys() {
        return "SELECT " + keyTexts() + ", " + rowHash + byKeys("");
    }

    /** @param join what the table row is joined with */
    private String byKeys(String join) {
        return " FROM " + shape.name().sql() + " " + ALIAS + join + " WHERE " + shape.keyTuple(ALIAS) + " IN (SELECT * FROM " + unnestKeys() + ")"
                + (filter == null ? "" : " AND (" + filter + ")");
    }

    /**
     * The given keys in the table's key order, each column as PostgreSQL prints it (a diff file
     * may spell a key otherwise, e.g. timestamps in RFC 3339).
     */
    String keyOrder() {
        List<Column> key = shape.keyColumns();
        String order = java.util.stream.IntStream.range(0, key.size())
                .mapToObj(i -> "u.k" + i + (key.get(i).collation() == null ? "" : " COLLATE " + key.get(i).collation()))
                .collect(Collectors.joining(", "));
        return "SELECT " + keyTextsOf("u.k") + " FROM " + unnestKeys() + " AS u(" + aliases("k", ", ") + ") ORDER BY " + order;
    }

    /**
     * About {@code wanted} keys spread over the table's pages, in key order: the first live row of
     * each of {@code wanted} pages evenly spaced over the relations that hold its rows (the same
     * page numbers in each, spaced by their total, so each relation gets its share). Only those
     * rows are read, by their ctid, not every row of the sampled pages (measured on a 10 M-row
     * table: 0.04 s, where a sample of 3.9 % of the pages thinned by a window took 0.47 s).
     */
    String sampleKeys(int wanted) {
        String block = "(" + ALIAS + ".ctid::text::point)[0]";
        return stored() + ", sizes AS (SELECT pg_catalog.pg_relation_size(oid) / pg_catalog.current_setting('block_size')::bigint AS pages"
                + " FROM stored), pages AS (SELECT max(sizes.pages) AS most, sum(sizes.pages)::bigint AS total FROM sizes)"
                + " SELECT " + keyTextsOf("s.k") + " FROM (SELECT DISTINCT ON (" + ALIAS + ".tableoid, " + block + ") " + keysAs("k")
                + " FROM " + shape.name().sql() + " " + ALIAS + " WHERE " + ALIAS + ".ctid = ANY (ARRAY(SELECT"
                + " pg_catalog.format('(%s,%s)', p, o)::tid FROM pages, pg_catalog.generate_series(0, pages.most - 1,"
                + " GREATEST(1, pages.total / " + Math.max(1, wanted) + ")) p, pg_catalog.generate_series(1, 2) o))"
                + (scanned == null ? "" : " AND (" + scanned + ")")
                + " ORDER BY " + ALIAS + ".tableoid, " + block + ", " + ALIAS + ".ctid) s ORDER BY " + aliases("s.k", ", ");
    }

    /** Every {@code step}-th key in key order (exact quantiles, thinned on the server). */
    String everyNthKey(long step) {
        return "SELECT " + keyTextsOf("s.k") + " FROM (SELECT " + keysAs("k") + ", row_number() OVER (ORDER BY " + shape.keyList(ALIAS)
                + ") AS rn FROM " + shape.name().sql() + " " + ALIAS + (scanned == null ? "" : " WHERE (" + scanned + ")")
                + ") s WHERE s.rn % " + step + " = 0 ORDER BY s.rn";
    }

    /** {@code t."a" AS k0, t."b" AS k1}. */
    private String keysAs(String prefix) {
        List<Column> key = shape.keyColumns();
        return java.util.stream.IntStream.range(0, key.size()).mapToObj(i -> ALIAS + "." + key.get(i).quoted() + " AS " + prefix + i)
                .collect(Collectors.joining(", "));
    }

    /** {@code s.k0::text, s.k1::text}. */
    private String keyTextsOf(String prefix) {
        return aliases(prefix, "::text, ") + "::text";
    }

    /**
     * Every relation that holds rows of the table (itself; a partition or inheritance child at any
     * depth), each with its statistics: its name as the server quotes it and its row estimate (-1
     * when never analyzed). A partitioned table holds no rows itself: its statistics
     * are its partitions'.
     */
    String storageStatistics() {
        return stored() + " SELECT oid::regclass::text, reltuples::bigint FROM stored ORDER BY 1";
    }

    /**
     * {@code stored(oid, reltuples)}: every relation that holds rows of the table, itself or a
     * partition or inheritance child of it at any depth (a partitioned table holds none itself).
     */
    private String stored() {
        return "WITH RECURSIVE tree(oid) AS (SELECT '" + shape.name().sql().replace("'", "''") + "'::regclass::oid"
                + " UNION SELECT i.inhrelid FROM pg_catalog.pg_inherits i JOIN tree ON i.inhparent = tree.oid),"
                + " stored AS (SELECT c.oid, c.reltuples FROM tree JOIN pg_catalog.pg_class c ON c.oid = tree.oid"
                + " WHERE c.relkind IN ('r', 'm'))";
    }

    /** The rows a relation holds itself (not its children'), by its name as the server quotes it. */
    static String ownRows(String quotedRelation) {
        return "SELECT count(*) FROM ONLY " + quotedRelation;
    }

    private String keyTexts() {
        return shape.keyColumns().stream().map(c -> ALIAS + "." + c.quoted() + "::text").collect(Collectors.joining(", "));
    }

    private String unnestKeys() {
        return "unnest(" + boundArrays() + ")";
    }

    private String where(boolean hasLower, boolean hasUpper) {
        StringBuilder sb = new StringBuilder();
        String tuple = shape.keyTuple(ALIAS);
        if (hasLower) {
            sb.append(tuple).append(" >= ").append(params());
        }
        if (hasUpper) {
            sb.append(sb.isEmpty() ? "" : " AND ").append(tuple).append(" < ").append(params());
        }
        if (scanned != null) {
            sb.append(sb.isEmpty() ? "" : " AND ").append('(').append(scanned).append(')');
        }
        return sb.isEmpty() ? "" : " WHERE " + sb;
    }

    private String params() {
        String list = shape.keyColumns().stream().map(c -> "CAST(? AS " + c.type() + ")").collect(Collectors.joining(", "));
        return shape.keyColumns().size() == 1 ? list : "(" + list + ")";
    }
}
