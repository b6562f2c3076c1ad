package io.ace.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Statements of one session that need no result in between, sent to the node together: the
 * driver sends them in one message and the node answers them in one, so a node across a network
 * costs one round trip for the group rather than one per statement. They run in order; the first
 * that fails is the error, and none after it runs.
 */
public final class StatementGroup {

    private StatementGroup() {
    }

    public static void execute(Connection session, List<String> statements) throws SQLException {
        if (statements.isEmpty()) {
            return;
        }
        try (Statement st = session.createStatement()) {
            st.execute(text(statements));
        }
    }

    /**
     * The statements as one text, to send together (also a statement with parameters or results
     * among them). No whitespace between them: each statement's text, as the node's activity view
     * and log show it, is its own.
     */
    public static String text(List<String> statements) {
        return String.join(";", statements);
    }
}
