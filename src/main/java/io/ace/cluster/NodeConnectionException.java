package io.ace.cluster;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import java.sql.SQLException;

/** Turns a failure to open a session into an operator's error that names the node. */
public final class NodeConnectionException {

    private NodeConnectionException() {
    }

    public static AceException of(NodeDefinition node, Throwable failure) {
        SQLException sql = findSqlException(failure);
        String state = sql == null ? null : sql.getSQLState();
        String detail = (sql != null ? sql.getMessage() : String.valueOf(failure.getMessage())).replaceAll("[.\\s]+$", "");
        if (state != null && (state.startsWith("28") || state.equals("3D000"))) {
            return new AceException(ExitCode.CONFIG, "node " + node.name() + " (" + node.connectionString()
                    + ") refused the login; check user, password and dbname in the service file or ~/.pgpass", detail, failure);
        }
        return new AceException(ExitCode.UNREACHABLE, "node " + node.name() + " (" + node.connectionString()
                + ") could not be reached; check that the server is running and reachable, then retry", detail, failure);
    }

    private static SQLException findSqlException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }
}
