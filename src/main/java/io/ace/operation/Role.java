package io.ace.operation;

/** What a web user may do; each role includes the ones below it. */
public enum Role {
    /** Reads everything: executions, reports, schedules, metrics. */
    VIEWER,
    /** Also launches read-only operations (diffs, reruns), stops and restarts executions. */
    OPERATOR,
    /** Also launches operations that write to the nodes (repairs, Merkle-tree maintenance), and abandons executions. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
