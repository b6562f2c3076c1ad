package io.ace.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ace.catalog.Column;
import io.ace.catalog.KeyIndex;
import io.ace.catalog.TableName;
import io.ace.catalog.TableShape;
import io.ace.difffile.DiffFileReader.Value;
import io.ace.difffile.RowJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The repair's SQL as planned, without a server: identifiers always quoted from the catalog's
 * names, the user's columns never named in the planning (only by position), each mode's selection
 * of changes, and dry-run statements whose literals are escaped. What the SQL does on real nodes
 * is the repair tests' (TableRepairTest and the others).
 */
@Tag("fast")
class RepairSqlTest {

    private static Column column(String name, String type) {
        return new Column(name, type, type, -1, 'b', true, false, null, true, true, null);
    }

    private static final Column ID = column("Id", "int4");
    private static final Column SELECT = column("select", "text");
    private static final Column QUOTE = column("we\"ird", "text");
    private static final TableShape SHAPE = new TableShape(new TableName("Odd\"Schema", "order"), List.of(ID, SELECT, QUOTE), List.of(ID),
            new KeyIndex("order_pkey", KeyIndex.Kind.PRIMARY_KEY));
    private static final RepairSql SQL = new RepairSql(SHAPE);

    private static Map<String, Value> row(String id, String select, String quote) {
        Map<String, Value> row = new LinkedHashMap<>();
        row.put(ID.name(), RowJson.value(ID, id));
        row.put(SELECT.name(), RowJson.value(SELECT, select));
        row.put(QUOTE.name(), RowJson.value(QUOTE, quote));
        return row;
    }

    private static RepairOptions mode(RepairMode mode) {
        return new RepairOptions(mode.fromSource() ? "n1" : null, mode, false, false);
    }

    @Test
    void planningNamesTheUsersColumnsByPositionOnlyAndTheTableQuoted() {
        for (RepairMode mode : RepairMode.values()) {
            String planned = String.join(";\n", SQL.planChanges(mode(mode), false));
            assertThat(planned).as(mode.label()).doesNotContain("select\"").doesNotContain("we\"ird").doesNotContain("\"Id\"");
        }
        String checked = String.join(";\n", SQL.planChanges(mode(RepairMode.SOURCE_OF_TRUTH), true));
        // a dry run compares each change with the target's row now: the table joined by its quoted name
        assertThat(checked).contains("\"Odd\"\"Schema\".\"order\"");
        assertThat(SQL.applyDeletes() + SQL.applyInserts()).contains("\"Odd\"\"Schema\".\"order\"").contains("\"we\"\"ird\"")
                .contains("\"select\"");
    }

    @Test
    void eachModeSelectsItsChanges() {
        String all = String.join("\n", SQL.planChanges(mode(RepairMode.SOURCE_OF_TRUTH), false));
        String insertOnly = String.join("\n", SQL.planChanges(mode(RepairMode.INSERT_ONLY), false));
        String upsertOnly = String.join("\n", SQL.planChanges(mode(RepairMode.UPSERT_ONLY), false));
        assertThat(insertOnly).contains("WHERE m.ace_ord IS NULL");
        assertThat(upsertOnly).contains("WHERE s.ace_ord IS NOT NULL");
        assertThat(all).doesNotContain("WHERE m.ace_ord IS NULL").doesNotContain("WHERE s.ace_ord IS NOT NULL");
        assertThat(String.join("\n", SQL.planChanges(mode(RepairMode.BIDIRECTIONAL), false)))
                .isNotEqualTo(String.join("\n", SQL.planChanges(mode(RepairMode.FIX_NULLS), false)));
    }

    @Test
    void aDryRunsStatementsQuoteIdentifiersAndEscapeLiterals() {
        RepairChange insert = new RepairChange("n2", RepairChange.Kind.INSERT, List.of("7"), null, row("7", "O'Brien", null), List.of(), null);
        assertThat(SQL.statement(insert)).isEqualTo("INSERT INTO \"Odd\"\"Schema\".\"order\" (\"Id\", \"select\", \"we\"\"ird\")"
                + " VALUES (CAST('7' AS int4), CAST('O''Brien' AS text), NULL)");
        RepairChange update = new RepairChange("n2", RepairChange.Kind.UPDATE, List.of("7"), row("7", null, "x"), row("7", "filled", "x"),
                List.of(SELECT.name()), null);
        // fix-nulls writes only the columns it fills
        assertThat(SQL.statement(update)).isEqualTo("UPDATE \"Odd\"\"Schema\".\"order\" SET \"select\" = CAST('filled' AS text)"
                + " WHERE \"Id\" = CAST('7' AS int4)");
        RepairChange delete = new RepairChange("n2", RepairChange.Kind.DELETE, List.of("7"), row("7", "a", "b"), null, List.of(), null);
        assertThat(SQL.statement(delete)).isEqualTo("DELETE FROM \"Odd\"\"Schema\".\"order\" WHERE \"Id\" = CAST('7' AS int4)");
    }

    @Test
    void flagsThatExcludeEachOtherAreRefusedAndTheSourceIsRequiredWhereItApplies() {
        assertThat(RepairMode.of(false, false, false, false, false)).isEqualTo(RepairMode.SOURCE_OF_TRUTH);
        assertThat(RepairMode.of(true, false, false, false, false)).isEqualTo(RepairMode.UPSERT_ONLY);
        assertThat(RepairMode.of(RepairMode.FIX_NULLS.label())).isEqualTo(RepairMode.FIX_NULLS);
        assertThatThrownBy(() -> RepairMode.of(true, true, false, false, false))
                .hasMessageContaining("exclude each other");
        assertThatThrownBy(() -> new RepairOptions(null, RepairMode.INSERT_ONLY, false, false).validate())
                .hasMessageContaining("--source-of-truth NODE is required");
        assertThatThrownBy(() -> new RepairOptions("n1", RepairMode.BIDIRECTIONAL, false, false).validate())
                .hasMessageContaining("does not apply to --bidirectional");
    }
}
