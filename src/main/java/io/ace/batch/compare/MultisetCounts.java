package io.ace.batch.compare;

import io.ace.diff.MultisetComparison;
import java.util.Base64;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What counting a multiset's buckets found, kept in a step's or the job's context between the
 * count and the narrowing: a restart after the count does not scan the nodes again.
 */
public final class MultisetCounts {

    private static final String BUCKETS = "ace.multiset.buckets";
    private static final String ROWS = "ace.multiset.rows";
    private static final String DIFFERING = "ace.multiset.differing";

    private MultisetCounts() {
    }

    public static void store(MultisetComparison.Counted counted, ExecutionContext context) {
        context.putInt(BUCKETS, counted.buckets());
        StringBuilder rows = new StringBuilder();
        counted.rowsPerNode().forEach((node, n) -> rows.append(rows.isEmpty() ? "" : ",").append(node).append('=').append(n));
        context.putString(ROWS, rows.toString());
        context.putString(DIFFERING, Base64.getEncoder().encodeToString(counted.differing().toByteArray()));
    }

    /** Whether the counts were stored in this context already. */
    public static boolean storedIn(ExecutionContext context) {
        return context.containsKey(BUCKETS);
    }

    public static MultisetComparison.Counted from(ExecutionContext context) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String entry : context.getString(ROWS).split(",")) {
            int at = entry.lastIndexOf('=');
            rows.put(entry.substring(0, at), Long.parseLong(entry.substring(at + 1)));
        }
        BitSet differing = BitSet.valueOf(Base64.getDecoder().decode(context.getString(DIFFERING)));
        return new MultisetComparison.Counted(context.getInt(BUCKETS), rows, differing);
    }
}
