package io.ace.batch.compare;

import io.ace.diff.MultisetComparison;
import java.util.Base64;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What counting a multiset's buckets found, kept in the job's context between the count and the
 * narrowing steps: a restart after the count does not scan the nodes again.
 *
 * @param buckets the number of hash buckets
 * @param counted every node's rows and the buckets that differ
 */
public record MultisetCounts(int buckets, MultisetComparison.Counted counted) {

    private static final String BUCKETS = "ace.multiset.buckets";
    private static final String ROWS = "ace.multiset.rows";
    private static final String DIFFERING = "ace.multiset.differing";

    public void store(ExecutionContext context) {
        context.putInt(BUCKETS, buckets);
        StringBuilder rows = new StringBuilder();
        counted.rowsPerNode().forEach((node, n) -> rows.append(rows.isEmpty() ? "" : ",").append(node).append('=').append(n));
        context.putString(ROWS, rows.toString());
        context.putString(DIFFERING, Base64.getEncoder().encodeToString(counted.differing().toByteArray()));
    }

    /** Whether the counts were stored in this context already. */
    public static boolean storedIn(ExecutionContext context) {
        return context.containsKey(BUCKETS);
    }

    public static MultisetCounts from(ExecutionContext context) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String entry : context.getString(ROWS).split(",")) {
            int at = entry.lastIndexOf('=');
            rows.put(entry.substring(0, at), Long.parseLong(entry.substring(at + 1)));
        }
        BitSet differing = BitSet.valueOf(Base64.getDecoder().decode(context.getString(DIFFERING)));
        return new MultisetCounts(context.getInt(BUCKETS), new MultisetComparison.Counted(rows, differing));
    }
}
