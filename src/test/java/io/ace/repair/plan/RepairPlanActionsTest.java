package io.ace.repair.plan;

import static io.ace.repair.plan.Plans.ABSENT;
import static io.ace.repair.plan.Plans.UNTOUCHED;
import static io.ace.repair.plan.Plans.key;
import static io.ace.repair.plan.Plans.plan;
import static io.ace.repair.plan.Plans.present;
import static io.ace.repair.plan.Plans.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each action's outcome per node, and which entry of a plan decides. */
@Tag("fast")
class RepairPlanActionsTest {

    /** n1 and n2 have differing rows, n3 lacks the row; NULLs in both. */
    private static final Plans.Key SPLIT = key("eu", "7").on("n1", "anna", null, "x").on("n2", null, "5", null);

    private static Decision decide(String action, Plans.Key key) {
        return plan("version: 1\ndefault: " + action + "\n").decide(key.rows());
    }

    private static Map<String, Outcome> outcomes(Outcome n1, Outcome n2, Outcome n3) {
        return Map.of("n1", n1, "n2", n2, "n3", n3);
    }

    @Test
    void skipLeavesEveryNodeAndDeleteRemovesTheRowEverywhere() {
        Decision skip = decide("skip", SPLIT);
        assertThat(skip.rule()).isEqualTo("default");
        assertThat(skip.action()).isEqualTo("skip");
        assertThat(skip.perNode()).isEqualTo(outcomes(UNTOUCHED, UNTOUCHED, UNTOUCHED));
        assertThat(skip.problem()).isNull();
        Decision delete = decide("delete", SPLIT);
        assertThat(delete.action()).isEqualTo("delete everywhere");
        assertThat(delete.perNode()).isEqualTo(outcomes(ABSENT, ABSENT, ABSENT));
    }

    @Test
    void bidirectionalInsertsTheFirstNodesRowWhereItIsLacking() {
        Decision d = decide("bidirectional", SPLIT);
        assertThat(d.action()).isEqualTo("bidirectional insert");
        assertThat(d.perNode()).isEqualTo(outcomes(UNTOUCHED, UNTOUCHED, present(row("eu", "7", "anna", null, "x"))));
        Plans.Key onlyN3 = key("eu", "7").on("n3", "c", "3", null);
        assertThat(decide("bidirectional", onlyN3).perNode()).isEqualTo(outcomes(present(onlyN3.rowOf("n3")),
                present(onlyN3.rowOf("n3")), UNTOUCHED));
    }

    @Test
    void keepMakesEveryNodeLikeTheKeptOneWithOrWithoutTheRow() {
        Decision d = decide("{keep: n2}", SPLIT);
        assertThat(d.action()).isEqualTo("keep n2");
        Outcome n2 = present(row("eu", "7", null, "5", null));
        assertThat(d.perNode()).isEqualTo(outcomes(n2, n2, n2));
        assertThat(decide("{keep: n3}", SPLIT).perNode()).isEqualTo(outcomes(ABSENT, ABSENT, ABSENT));
    }

    @Test
    void applyFromReplacesUpsertsOrInserts() {
        Outcome n1 = present(SPLIT.rowOf("n1"));
        Decision replace = decide("{apply_from: n1}", SPLIT);
        assertThat(replace.action()).isEqualTo("apply from n1 (replace)");
        assertThat(replace.perNode()).isEqualTo(outcomes(n1, n1, n1));
        assertThat(decide("{apply_from: n3, mode: replace}", SPLIT).perNode()).isEqualTo(outcomes(ABSENT, ABSENT, ABSENT));

        Decision upsert = decide("{apply_from: n1, mode: upsert}", SPLIT);
        assertThat(upsert.action()).isEqualTo("apply from n1 (upsert)");
        assertThat(upsert.perNode()).isEqualTo(outcomes(UNTOUCHED, n1, n1));
        assertThat(decide("{apply_from: n3, mode: upsert}", SPLIT).perNode()).isEqualTo(outcomes(UNTOUCHED, UNTOUCHED, UNTOUCHED));

        Decision insert = decide("{apply_from: n1, mode: insert}", SPLIT);
        assertThat(insert.action()).isEqualTo("apply from n1 (insert)");
        assertThat(insert.perNode()).isEqualTo(outcomes(UNTOUCHED, UNTOUCHED, n1));
        assertThat(decide("{apply_from: n3, mode: insert}", SPLIT).perNode()).isEqualTo(outcomes(UNTOUCHED, UNTOUCHED, UNTOUCHED));
    }

    @Test
    void customWritesLiteralsAndOtherNodesValuesWithTheKeyFromTheKey() {
        Decision d = decide("{custom: {name: \"{{n2.qty}}\", qty: 42, note: null}}", SPLIT);
        assertThat(d.action()).isEqualTo("custom row");
        assertThat(d.problem()).isNull();
        Outcome written = present(row("eu", "7", "5", "42", null));
        assertThat(d.perNode()).isEqualTo(outcomes(written, written, written));
        assertThat(((Outcome.Present) d.perNode().get("n1")).row().keySet()).containsExactly("id", "region", "name", "qty", "note");

        Decision nullTemplate = decide("{custom: {name: \"{{n2.name}}\", qty: true, note: \"{{n1.note}}\"}}", SPLIT);
        assertThat(nullTemplate.perNode().get("n3")).isEqualTo(present(row("eu", "7", null, "true", "x")));
    }

    @Test
    void aCustomRowFromANodeWithoutTheRowIsAProblemThatTouchesNothing() {
        Decision d = decide("{custom: {name: \"{{n3.name}}\", qty: 1, note: x}}", SPLIT);
        assertThat(d.problem()).isEqualTo("custom row needs n3's row, which n3 lacks");
        assertThat(d.action()).isEqualTo("custom row");
        assertThat(d.perNode()).isEqualTo(outcomes(UNTOUCHED, UNTOUCHED, UNTOUCHED));
    }

    @Test
    void coalesceTakesTheFirstNonNullValuePerColumnInListOrder() {
        Decision d = decide("{coalesce: [n3, n2, n1]}", SPLIT);
        assertThat(d.action()).isEqualTo("coalesce n3, n2, n1");
        Outcome merged = present(row("eu", "7", "anna", "5", "x"));
        assertThat(d.perNode()).isEqualTo(outcomes(merged, merged, merged));
        Plans.Key nulls = key("eu", "7").on("n1", null, null, null).on("n2", "b", null, null);
        assertThat(decide("{coalesce: [n1, n2]}", nulls).perNode().get("n3")).isEqualTo(present(row("eu", "7", "b", null, null)));
        Decision none = decide("{coalesce: [n3]}", SPLIT);
        assertThat(none.problem()).isEqualTo("no listed node has the row");
        assertThat(none.perNode()).isEqualTo(outcomes(UNTOUCHED, UNTOUCHED, UNTOUCHED));
    }

    @Test
    void latestTakesTheRowCommittedLastAndATieGoesToTheNodeListedFirst() {
        Plans.Key key = key("eu", "7").on("n1", "a", "1", null).on("n2", "b", "2", null).on("n3", "c", "3", null)
                .committed("n1", "2026-12-06T03:00:00.123456Z").committed("n2", "2026-12-06T03:00:00.123457Z")
                .committed("n3", "2026-12-06T03:00:00.123457Z");
        Decision d = decide("{latest: [n1, n3, n2]}", key);
        assertThat(d.action()).isEqualTo("latest commit of n1, n3, n2 (n3 won)");
        Outcome n3 = present(key.rowOf("n3"));
        assertThat(d.perNode()).isEqualTo(outcomes(n3, n3, n3));
        assertThat(decide("{latest: [n2, n3]}", key).action()).isEqualTo("latest commit of n2, n3 (n2 won)");
        assertThat(decide("{latest: [n1]}", key).perNode().get("n2")).isEqualTo(present(key.rowOf("n1")));
    }

    @Test
    void latestWithoutARowWithACommitTimeIsAProblem() {
        Plans.Key key = key("eu", "7").on("n1", "a", "1", null).committed("n2", "2026-12-06T03:00:00Z");
        Decision d = decide("{latest: [n2, n1]}", key);
        assertThat(d.problem()).isEqualTo("no listed node has the row with a commit time");
        assertThat(d.action()).isEqualTo("latest commit of n2, n1");
        assertThat(d.perNode()).isEqualTo(outcomes(UNTOUCHED, UNTOUCHED, UNTOUCHED));
    }

    private static final String ORDERED = """
            version: 1
            default: {keep: n1}
            rules:
              - name: n2 lacks it
                when: {kind: missing, node: n2}
                action: bidirectional
              - when: {keys: [{region: eu, id: 7}, {region: eu, id: 8}]}
                action: delete
            rows:
              - key: {region: eu, id: 7}
                action: skip
            """;

    @Test
    void rowsOverridesComeFirstThenTheFirstRuleThatHoldsThenTheDefault() {
        RepairPlan plan = plan(ORDERED);
        Decision override = plan.decide(key("eu", "7").on("n1", "a", "1", null).rows());
        assertThat(override.rule()).isEqualTo("rows[0]");
        assertThat(override.action()).isEqualTo("skip");

        Decision first = plan.decide(key("eu", "8").on("n1", "a", "1", null).rows());
        assertThat(first.rule()).as("both rules hold, the first wins").isEqualTo("rule 'n2 lacks it' (rules[0])");
        assertThat(first.action()).isEqualTo("bidirectional insert");

        Decision second = plan.decide(key("eu", "8").on("n2", "a", "1", null).rows());
        assertThat(second.rule()).isEqualTo("rules[1]");
        assertThat(second.perNode()).isEqualTo(outcomes(ABSENT, ABSENT, ABSENT));

        Plans.Key changed = key("eu", "9").on("n1", "a", "1", null).on("n2", "b", "1", null).on("n3", "a", "1", null);
        Decision fallback = plan.decide(changed.rows());
        assertThat(fallback.rule()).isEqualTo("default");
        assertThat(fallback.action()).isEqualTo("keep n1");
        assertThat(fallback.perNode().get("n2")).isEqualTo(present(changed.rowOf("n1")));
    }

    @Test
    void withoutADefaultNothingMatchedIsSkipped() {
        Decision d = plan("version: 1\nrules:\n  - when: {kind: changed}\n    action: {keep: n1}\n")
                .decide(key("eu", "1").on("n1", "a", "1", null).rows());
        assertThat(d.rule()).isEqualTo("default");
        assertThat(d.action()).isEqualTo("skip");
        assertThat(d.perNode()).isEqualTo(outcomes(UNTOUCHED, UNTOUCHED, UNTOUCHED));
        assertThat(plan("version: 1\nrules: []\nrows: []\n").decide(SPLIT.rows()).action()).as("empty lists are fine").isEqualTo("skip");
    }

    @Test
    void jsonIsReadToo() {
        RepairPlan plan = plan("""
                {"version":1,"default":"skip",
                 "rules":[{"name":"n3 inserts","when":{"kind":"missing","node":"n3"},"action":{"apply_from":"n1","mode":"insert"}}],
                 "rows":[{"key":{"id":8,"region":"eu"},"action":{"custom":{"name":"{{n1.name}}","qty":null,"note":"fixed"}}}]}
                """);
        Decision rule = plan.decide(SPLIT.rows());
        assertThat(rule.rule()).isEqualTo("rule 'n3 inserts' (rules[0])");
        assertThat(rule.perNode()).isEqualTo(outcomes(UNTOUCHED, UNTOUCHED, present(SPLIT.rowOf("n1"))));
        Decision row = plan.decide(key("eu", "8").on("n1", "anna", "3", null).rows());
        assertThat(row.rule()).isEqualTo("rows[0]");
        assertThat(row.perNode().get("n2")).isEqualTo(present(row("eu", "8", "anna", null, "fixed")));
    }

    @Test
    void aFileIsReadAndNamedInItsMessagesByItsNameAlone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plan.yaml");
        Files.writeString(file, "version: 1\ndefault: delete\n");
        assertThat(RepairPlan.read(file, Plans.CONTEXT).decide(SPLIT.rows()).perNode()).isEqualTo(outcomes(ABSENT, ABSENT, ABSENT));
        Files.writeString(file, "version: 2\n");
        assertThatThrownBy(() -> RepairPlan.read(file, Plans.CONTEXT))
                .hasMessageStartingWith("plan.yaml line 1, column 10: version '2' is unknown").hasMessageNotContaining(dir.toString());
        assertThatThrownBy(() -> RepairPlan.read(dir.resolve("none.yaml"), Plans.CONTEXT))
                .hasMessageContaining("there is no repair plan");
    }
}
