package io.ace.web.security;

import io.ace.batch.TableRepairRequest;

/** What a user may do; each role includes the ones below it. */
public enum Role {
    /** Reads everything: executions, reports, schedules, metrics. */
    VIEWER,
    /** Also launches diffs and reruns, stops and restarts executions. */
    OPERATOR,
    /** Also launches repairs and Merkle-tree maintenance, and abandons executions. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    /** The role an operation's launch needs: writing to the nodes takes ADMIN. */
    public static Role toLaunch(String operation) {
        return operation.equals(TableRepairRequest.JOB_NAME) || operation.startsWith("mtree") ? ADMIN : OPERATOR;
    }
}
