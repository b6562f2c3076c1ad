package io.ace.repair.plan;

import static io.ace.repair.plan.Plans.key;
import static io.ace.repair.plan.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Each selector of a rule's when, on the composite key (region, id) of three nodes, with NULLs. */
@Tag("fast")
class RepairPlanSelectorsTest {

    /** Whether a plan whose only rule has this when selects the key. */
    private static boolean selects(String when, Plans.Key key) {
        RepairPlan plan = plan("version: 1\nrules:\n  - when:\n" + when.indent(6) + "    action: delete\n");
        return plan.decide(key.rows()).rule().equals("rules[0]");
    }

    private static Plans.Key everywhere(String region, String id) {
        return key(region, id).on("n1", "a", "1", null).on("n2", "a", "1", null).on("n3", "a", "1", null);
    }

    @Test
    void keysSelectTheListedKeysComparedAsText() {
        String when = "keys: [{region: eu, id: 7}, {id: 8, region: us}]";
        assertThat(selects(when, everywhere("eu", "7"))).isTrue();
        assertThat(selects(when, everywhere("us", "8"))).isTrue();
        assertThat(selects(when, everywhere("eu", "8"))).isFalse();
        assertThat(selects(when, everywhere("eu", "7.0"))).as("text, not numbers").isFalse();
    }

    @Test
    void keyRangeComparesTuplesColumnByColumnNumbersAsNumbers() {
        String when = "key_range: {from: {region: eu, id: 9}, to: {region: eu, id: 10}}";
        assertThat(selects(when, everywhere("eu", "9"))).as("from is inclusive").isTrue();
        assertThat(selects(when, everywhere("eu", "10"))).as("to is inclusive, and 10 > 9 as numbers").isTrue();
        assertThat(selects(when, everywhere("eu", "9.5"))).isTrue();
        assertThat(selects(when, everywhere("eu", "100"))).isFalse();
        assertThat(selects(when, everywhere("eu", "8"))).isFalse();
        assertThat(selects(when, everywhere("de", "9"))).as("the first column decides first").isFalse();
        assertThat(selects(when, everywhere("eu", "9a"))).as("not a number: text, and '9a' > '10'").isFalse();
    }

    @Test
    void aKeyRangeMayBeOpenOnOneSide() {
        assertThat(selects("key_range: {from: {region: eu, id: 5}}", everywhere("us", "1"))).as("'us' > 'eu'").isTrue();
        assertThat(selects("key_range: {from: {region: eu, id: 5}}", everywhere("eu", "4"))).isFalse();
        assertThat(selects("key_range: {to: {region: eu, id: 5}}", everywhere("de", "99"))).isTrue();
        assertThat(selects("key_range: {to: {region: eu, id: 5}}", everywhere("eu", "6"))).isFalse();
    }

    @Test
    void missingOnANodeIsANodeLackingARowAnotherHas() {
        String when = "kind: missing\nnode: n2";
        assertThat(selects(when, key("eu", "1").on("n1", "a", "1", null).on("n3", "a", "1", null))).isTrue();
        assertThat(selects(when, key("eu", "1").on("n1", "a", "1", null).on("n2", "a", "1", null))).isFalse();
        assertThat(selects(when, key("eu", "1"))).as("nobody has it").isFalse();
    }

    @Test
    void extraOnANodeIsANodeHavingARowAnotherLacks() {
        String when = "kind: extra\nnode: n1";
        assertThat(selects(when, key("eu", "1").on("n1", "a", "1", null).on("n2", "a", "1", null))).isTrue();
        assertThat(selects(when, everywhere("eu", "1"))).isFalse();
        assertThat(selects(when, key("eu", "1").on("n2", "a", "1", null))).as("n1 lacks it").isFalse();
    }

    @Test
    void changedIsTwoNodesWithDifferentRows() {
        String when = "kind: changed";
        assertThat(selects(when, key("eu", "1").on("n1", "a", "1", null).on("n2", "a", "1", "x"))).as("NULL differs from 'x'").isTrue();
        assertThat(selects(when, key("eu", "1").on("n1", "a", "1", null).on("n2", "a", "1", null))).isFalse();
        assertThat(selects(when, key("eu", "1").on("n1", "a", "1", null))).as("one row cannot differ").isFalse();
    }

    @Test
    void columnsChangedLooksOnlyAtTheListedColumns() {
        String when = "columns_changed: [qty, name]";
        assertThat(selects(when, key("eu", "1").on("n1", "a", "1", "x").on("n3", "a", "1", "y"))).isFalse();
        assertThat(selects(when, key("eu", "1").on("n1", "a", null, null).on("n3", "a", "5", null))).isTrue();
        assertThat(selects(when, key("eu", "1").on("n1", "a", null, null))).isFalse();
    }

    @Test
    void matchComparesOneNodesValue() {
        Plans.Key key = key("eu", "1").on("n1", "anna", "10", null).on("n2", "bob", "9", "x");
        assertThat(selects("match: [{node: n1, column: name, op: eq, value: anna}]", key)).isTrue();
        assertThat(selects("match: [{node: n1, column: qty, op: eq, value: 10.0}]", key)).as("as numbers").isTrue();
        assertThat(selects("match: [{node: n1, column: qty, op: gt, value: 9}]", key)).as("10 > 9 as numbers").isTrue();
        assertThat(selects("match: [{node: n1, column: name, op: lt, value: bob}]", key)).isTrue();
        assertThat(selects("match: [{node: n2, column: qty, op: le, value: 9}, {node: n2, column: qty, op: ge, value: 9}]", key)).isTrue();
        assertThat(selects("match: [{node: n2, column: qty, op: ne, value: 9}]", key)).isFalse();
        assertThat(selects("match: [{node: n1, column: name, op: in, value: [carl, anna]}]", key)).isTrue();
        assertThat(selects("match: [{node: n1, column: name, op: eq, value: anna}, {node: n2, column: name, op: eq, value: x}]", key))
                .as("all must hold").isFalse();
    }

    @Test
    void matchTreatsNullAsAValueForEqualityAndNeverOrdersIt() {
        Plans.Key key = key("eu", "1").on("n1", "anna", "10", null).on("n2", "bob", "9", "x");
        assertThat(selects("match: [{node: n1, column: note, op: is_null}]", key)).isTrue();
        assertThat(selects("match: [{node: n2, column: note, op: not_null}]", key)).isTrue();
        assertThat(selects("match: [{node: n1, column: note, op: eq, value: null}]", key)).isTrue();
        assertThat(selects("match: [{node: n1, column: note, op: ne, value: x}]", key)).isTrue();
        assertThat(selects("match: [{node: n1, column: note, op: in, value: [a, ~]}]", key)).isTrue();
        assertThat(selects("match: [{node: n1, column: note, op: lt, value: x}]", key)).isFalse();
        assertThat(selects("match: [{node: n1, column: note, op: eq, value: \"null\"}]", key)).as("quoted: the text null").isFalse();
    }

    @Test
    void aPredicateOnANodeWithoutTheRowIsFalse() {
        Plans.Key key = key("eu", "1").on("n1", "anna", "10", null);
        assertThat(selects("match: [{node: n3, column: note, op: is_null}]", key)).isFalse();
        assertThat(selects("match: [{node: n3, column: note, op: ne, value: x}]", key)).isFalse();
    }

    @Test
    void originIsTheNodeTheLastChangeCameFromWithLocalMeaningTheNodeItself() {
        Plans.Key key = key("eu", "1").on("n1", "a", "1", null).on("n2", "a", "2", null).on("n3", "a", "2", null)
                .origin("n1", "local").origin("n2", "n1");
        assertThat(selects("match: [{node: n1, column: _origin, op: eq, value: n1}]", key)).isTrue();
        assertThat(selects("match: [{node: n2, column: _origin, op: eq, value: n1}]", key)).isTrue();
        assertThat(selects("match: [{node: n2, column: _origin, op: eq, value: local}]", key)).isFalse();
        assertThat(selects("match: [{node: n3, column: _origin, op: ne, value: n1}]", key)).as("unknown origin").isFalse();
        assertThat(selects("match: [{node: n3, column: _origin, op: not_null}]", key)).isFalse();
        assertThat(selects("match: [{node: n1, column: _origin, op: not_null}]", key)).isTrue();
    }

    @Test
    void commitTimesCompareAsInstants() {
        Plans.Key key = key("eu", "1").on("n1", "a", "1", null).on("n2", "a", "2", null)
                .committed("n1", "2026-12-06T03:00:00.123456Z").committed("n2", "2026-12-06T01:00:00Z");
        assertThat(selects("match: [{node: n1, column: _commit_ts, op: gt, value: \"2026-12-06T03:30:00+01:00\"}]", key))
                .as("03:00:00.123456Z is after 02:30Z").isTrue();
        assertThat(selects("match: [{node: n2, column: _commit_ts, op: eq, value: \"2026-12-06T02:00:00+01:00\"}]", key)).isTrue();
        assertThat(selects("match: [{node: n2, column: _commit_ts, op: ge, value: \"2026-12-06T01:00:01Z\"}]", key)).isFalse();
        assertThat(selects("match: [{node: n3, column: _commit_ts, op: lt, value: \"2030-01-01T00:00:00Z\"}]", key))
                .as("no commit time").isFalse();
    }

    @Test
    void selectorsTogetherMustAllHoldAndAnEmptyWhenAlwaysHolds() {
        Plans.Key key = key("eu", "1").on("n1", "a", "1", null).on("n3", "a", "1", null);
        assertThat(selects("kind: missing\nnode: n2\nkeys: [{region: eu, id: 1}]", key)).isTrue();
        assertThat(selects("kind: missing\nnode: n2\nkeys: [{region: eu, id: 2}]", key)).isFalse();
        assertThat(plan("version: 1\nrules:\n  - when: {}\n    action: delete\n").decide(key.rows()).rule()).isEqualTo("rules[0]");
        assertThat(plan("version: 1\nrules:\n  - action: delete\n").decide(key.rows()).rule()).isEqualTo("rules[0]");
    }

    @Test
    void numbersCompareAsNumbersOnlyWhenBothAreNumbers() {
        assertThat(ValueOrder.compare("9", "10")).isNegative();
        assertThat(ValueOrder.compare("1.50", "1.5")).isZero();
        assertThat(ValueOrder.compare("-2", "1e1")).isNegative();
        assertThat(ValueOrder.compare("9", "10a")).as("as text").isPositive();
        assertThat(ValueOrder.compare(List.of("eu", "9"), List.of("eu", "10"))).isNegative();
    }
}
