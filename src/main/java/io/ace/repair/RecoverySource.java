package io.ace.repair;

import io.ace.cluster.ClusterSessions;
import io.ace.cluster.NodeFanOut;
import io.ace.exit.AceException;
import io.ace.replication.ReplicationOrigins;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which surviving node a recovery repairs from: the one that applied the most of the failed
 * node's change stream, told by how far each survivor's replication origin for that node has
 * come in its WAL ({@code remote_lsn}). Every survivor received the same stream in the same
 * order, so the furthest holds every change the others hold. Equal positions: the first node in
 * the diff file's order.
 *
 * @param failedNode the node whose writes are recovered
 * @param applied    per survivor, how far into the failed node's WAL it has applied (null: it has no origin for it)
 * @param source     the node repaired from
 * @param chosenBy   how: {@code highest applied position} or {@code --source-of-truth}
 */
public record RecoverySource(String failedNode, Map<String, String> applied, String source, String chosenBy) {

    /** The evidence on every node of {@code sessions}; the source is {@code given} when the user named one. */
    public static RecoverySource choose(ClusterSessions sessions, String failedNode, String given) {
        Map<String, String> applied = new LinkedHashMap<>();
        NodeFanOut.readEveryNode(sessions, node -> "cannot read the replication origins of node " + node,
                (c, node) -> ReplicationOrigins.read(c, node, sessions.cluster()).from(failedNode).map(ReplicationOrigins.Origin::appliedTo))
                .forEach((node, position) -> applied.put(node, position.orElse(null)));
        if (given != null) {
            return new RecoverySource(failedNode, applied, given, "--source-of-truth");
        }
        String best = null;
        for (Map.Entry<String, String> e : applied.entrySet()) {
            if (e.getValue() != null && (best == null || lsn(e.getValue()) > lsn(applied.get(best)))) {
                best = e.getKey();
            }
        }
        if (best == null) {
            throw AceException.config("no node of " + String.join(", ", applied.keySet()) + " has a replication origin for " + failedNode
                    + ", so none shows how much of its changes it received; name the source with --source-of-truth");
        }
        return new RecoverySource(failedNode, applied, best, "highest applied position");
    }

    /** A WAL position ({@code 16/B374D848}) as a number that orders like it. */
    static long lsn(String text) {
        int slash = text.indexOf('/');
        return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
    }
}
