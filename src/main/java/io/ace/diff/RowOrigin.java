package io.ace.diff;

/**
 * Where a row's last change came from, as its node records it (commit timestamps on): the node
 * whose change it was and when it committed there.
 *
 * @param node     the cluster node the change came from; {@link #LOCAL} when written on the node itself; the
 *                 replication origin's own name when it belongs to no node of the cluster
 * @param commitTs the commit time as the node prints it (UTC), or null when the node no longer knows it
 */
public record RowOrigin(String node, String commitTs) {

    /** A change made on the node itself, as pgEdge ACE names it. */
    public static final String LOCAL = "local";
}
