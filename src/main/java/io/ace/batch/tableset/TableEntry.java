package io.ace.batch.tableset;

import io.ace.catalog.TableName;
import io.ace.diff.TableSurvey;
import java.util.List;

/**
 * One table of a run that compares many, as its first execution froze it.
 *
 * @param kind    whether it is compared, and if not why ({@link TableSurvey.Kind})
 * @param reason  why it is not compared (the nodes that lack it, when missing); empty when compared
 * @param filter  the row filter it is compared under (a replication set's), or null
 * @param columns the columns it is compared on (a replication set's column list), or null for all
 * @param note    a finding about the table besides its rows (its set membership differs between nodes, ...), or null
 */
public record TableEntry(String schema, String table, TableSurvey.Kind kind, String reason, String filter, List<String> columns,
                         String note) {

    public static TableEntry of(TableSurvey.Verdict verdict, String filter, List<String> columns, String note) {
        return new TableEntry(verdict.table().schema(), verdict.table().table(), verdict.kind(), verdict.reason(), filter, columns, note);
    }

    public TableName name() {
        return new TableName(schema, table);
    }

    public boolean compared() {
        return kind == TableSurvey.Kind.COMPARE;
    }
}
