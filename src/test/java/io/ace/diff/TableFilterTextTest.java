package io.ace.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The text of a table filter: one expression that cannot close the parentheses put around it. */
class TableFilterTextTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "lower(name) = 'x'",
        "id % 7 = 0",
        "created >= '2025-01-01'::date",
        "(id = 1) OR (id = 2)",
        "name = 'a)b'",
        "name = 'it''s ) ; here'",
        "\"we(ird\" = 1",
        "name = E'\\') OR (true'",
        "name = $$) OR (true$$",
        "name = $tag$ ) ; $tag$",
        "/* ) /* nested ( */ ; */ id = 1",
        "id = 1 -- ) ;\n AND true",
        "a$b = 1",
        "id = ANY('{1,2}'::int[])",
    })
    void oneExpressionIsAccepted(String filter) {
        assertThatCode(() -> TableFilterText.check(filter)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "false) OR (true            | the ')' at character 6 closes a parenthesis the filter did not open",
        "1=1; DROP TABLE x          | the ';' at character 4 would end it",
        "(id = 1                    | 1 parenthesis is left open",
        "name = 'abc                | the string constant opened at character 8 is not closed",
        "\"abc = 1                  | a quoted identifier opened at character 1 is not closed",
        "id = 1 /* ) (              | the /* comment opened at character 8 is not closed",
        "name = $q$ ) (             | the $q$ string opened at character 8 is not closed",
        "id = 1 --                  | runs to the end of the filter",
        "name = E'\\' ) OR (true    | the string constant opened at character 9 is not closed",
        "id = 1e'x'                 | is ambiguous",
        "U&\"\\0072egrole\" IS NULL | the U&\"...\" identifier at character 1 spells a name with escapes; write the name plainly",
    })
    void anythingElseIsRefusedAsUsage(String filter, String why) {
        AceException e = catchThrowableOfType(AceException.class, () -> TableFilterText.check(filter));
        assertThat(e).as(filter).isNotNull();
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).startsWith("--table-filter must be one condition on the table's columns: ").contains(why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"false) OR (true", "1=1; DROP TABLE x"})
    void optionsRefuseItBeforeAnyNodeIsAsked(String filter) {
        DiffOptions d = DiffOptions.defaults();
        DiffOptions options = new DiffOptions(d.nodes(), d.blockSize(), d.concurrencyFactor(), d.compareUnitSize(), d.maxDiffRows(),
                filter, d.equality(), d.recheck(), d.recheckTimeoutSeconds(), d.maxLoad(), d.maxLagSeconds(), d.targetQuerySeconds(), d.columns());
        assertThat(catchThrowableOfType(AceException.class, options::validate).exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @ParameterizedTest
    @ValueSource(ints = {DiffOptions.MAX_TABLE_FILTER_LENGTH + 1, 2_500, 10_000})
    void aFilterLongerThanTheMaximumIsRefusedByItsLength(int length) {
        String filter = "id = " + "1".repeat(length - 5);
        DiffOptions d = DiffOptions.defaults();
        DiffOptions options = new DiffOptions(List.of(), d.blockSize(), d.concurrencyFactor(), d.compareUnitSize(), d.maxDiffRows(),
                filter, d.equality(), d.recheck(), d.recheckTimeoutSeconds(), d.maxLoad(), d.maxLagSeconds(), d.targetQuerySeconds(), d.columns());
        AceException e = catchThrowableOfType(AceException.class, options::validate);
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).isEqualTo("--table-filter is " + length + " characters long; at most 2000 are allowed");
    }

    @Test
    void aQuestionMarkOfTheCodeIsDoubledForTheDriverOneInAConstantOrCommentIsNot() {
        assertThat(TableFilterText.forPreparedStatement("doc ? 'k?' AND \"a?b\" = 1 /* ? */ AND doc ?| array['x'] AND $q$?$q$ <> E'\\'?'"))
                .isEqualTo("doc ?? 'k?' AND \"a?b\" = 1 /* ? */ AND doc ??| array['x'] AND $q$?$q$ <> E'\\'?'");
    }

    @Test
    void namesAreFoldedAsPostgresqlFoldsThemOutsideConstantsAndComments() {
        assertThat(TableFilterText.names("CAST(Name AS \"RegRole\") = 'regrole' /* regclass */ AND e'x' <> a$b"))
                .containsExactly("cast", "name", "as", "RegRole", "and", "e", "a$b");
    }
}
