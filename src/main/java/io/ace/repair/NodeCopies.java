package io.ace.repair;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Counts a node's copies of a multiset's listed rows, into the session that staged them: their
 * texts go to the node and the counts come back by COPY streamed from one session into the
 * other, so neither memory nor round trips grow with the rows, and the node scans its table once.
 */
final class NodeCopies {

    private NodeCopies() {
    }

    /**
     * @param holder the session whose {@link MultisetSql#ROWS} holds the rows, and whose
     *               {@link MultisetSql#COUNTS} receives the counts, labelled {@code label}
     * @param node   a session of the node counted, used for this alone
     */
    static void count(MultisetSql sql, Connection holder, Connection node, int label) throws SQLException, IOException {
        node.setAutoCommit(false);
        try {
            try (Statement st = node.createStatement()) {
                st.execute(sql.createTexts());
            }
            CurrentRows.pipe(holder, sql.rowTexts(), node, "COPY " + MultisetSql.TEXTS + " FROM STDIN");
            try (Statement st = node.createStatement()) {
                st.execute("ANALYZE " + MultisetSql.TEXTS);
            }
            CurrentRows.pipe(node, sql.countCopies(label), holder, "COPY " + MultisetSql.COUNTS + " FROM STDIN");
        } finally {
            // it only read, and its temporary table goes with the transaction
            node.rollback();
            node.setAutoCommit(true);
        }
    }
}
