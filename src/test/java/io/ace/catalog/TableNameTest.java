package io.ace.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Table names as typed: folded like PostgreSQL folds them unless quoted, and always quoted in SQL. */
@Tag("fast")
class TableNameTest {

    @Test
    void unquotedPartsFoldToLowerCaseAndQuotedPartsKeepTheirSpelling() {
        assertThat(TableName.parse("Public.Customers")).isEqualTo(new TableName("public", "customers"));
        assertThat(TableName.parse("\"Sales\".\"Q1.Orders\"")).isEqualTo(new TableName("Sales", "Q1.Orders"));
        assertThat(TableName.parse("s.\"a\"\"b\"")).isEqualTo(new TableName("s", "a\"b"));
    }

    @Test
    void sqlQuotesEveryPart() {
        assertThat(new TableName("s", "a\"b").sql()).isEqualTo("\"s\".\"a\"\"b\"");
        assertThat(new TableName("public", "t; DROP TABLE x").sql()).isEqualTo("\"public\".\"t; DROP TABLE x\"");
    }

    @Test
    void aNameThatIsNotSchemaQualifiedIsAUsageError() {
        for (String bad : new String[] {"customers", "a.b.c", ".t", "s.", "\"s.t", ""}) {
            assertThatThrownBy(() -> TableName.parse(bad)).as(bad).isInstanceOfSatisfying(AceException.class,
                    e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
        }
    }
}
