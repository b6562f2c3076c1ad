package io.ace.repair.plan;

import static io.ace.repair.plan.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every problem a plan can have is a usage error at the line and column of what is wrong, saying how to fix it. */
@Tag("fast")
class RepairPlanValidationTest {

    private static void fails(String yaml, int line, int column, String fragment) {
        assertThatThrownBy(() -> plan(yaml)).as(yaml).isInstanceOfSatisfying(AceException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).startsWith("plan.yaml line " + line + ", column " + column + ": ").contains(fragment);
        });
    }

    /** A plan whose only rule has this when and action, indented as a rule's fields: its when starts on line 4. */
    private static String rule(String when, String action) {
        return "version: 1\nrules:\n  - name: r\n    when:\n" + when.indent(6) + "    action: " + action + "\n";
    }

    @Test
    void syntaxErrors() {
        fails("version: 1\nrules: x: y\n", 2, 9, "not valid YAML or JSON: mapping values are not allowed here");
        fails("version: 1\ndefault: [skip\n", 3, 1, "not valid YAML or JSON");
        fails("version: 1\n---\nversion: 1\n", 2, 1, "expected a single document");
    }

    @Test
    void theVersionComesFirst() {
        fails("", 1, 1, "the plan is empty");
        fails("- version: 1\n", 1, 1, "the plan must be a mapping (name: value), not a list");
        fails("default: skip\n", 1, 1, "the plan needs version: 1");
        fails("default: skip\nversion: 1.0\n", 2, 10, "version '1.0' is unknown; the only plan format is version: 1");
    }

    @Test
    void unknownAndRepeatedFields() {
        fails("version: 1\nrule: []\n", 2, 1, "unknown field 'rule' in the plan; expected version, default, rules, rows");
        fails("version: 1\nrules:\n  - action: skip\n    wen: {}\n", 4, 5, "unknown field 'wen' in rules[0]; expected name, when, action");
        fails(rule("kind: changed\nnodes: n1", "skip"), 6, 7, "unknown field 'nodes' in rules[0].when");
        fails("version: 1\nrows:\n  - key: {region: eu, id: 1}\n    action: skip\n    actoin: delete\n", 5, 5,
                "unknown field 'actoin' in rows[0]");
        fails(rule("key_range: {form: {region: eu, id: 1}}", "skip"), 5, 19,
                "unknown field 'form' in rules[0].when.key_range; expected from, to");
        fails(rule("match: [{node: n1, column: qty, op: eq, val: 1}]", "skip"), 5, 47, "unknown field 'val'");
        fails("version: 1\ndefault: {keep: n1, mod: upsert}\n", 2, 21, "unknown field 'mod' in default");
        fails("version: 1\ndefault: skip\nversion: 1\n", 3, 1, "'version' appears twice in the plan");
    }

    @Test
    void wrongShapes() {
        fails("version: 1\nrules: {action: skip}\n", 2, 8, "rules must be a list");
        fails(rule("keys: []", "skip"), 5, 13, "rules[0].when.keys is an empty list; give at least one item");
        fails(rule("[kind, changed]", "skip").replace("when:\n      ", "when: "), 4, 11,
                "rules[0].when must be a mapping (name: value), not a list");
        fails(rule("kind: [changed]", "skip"), 5, 13, "rules[0].when.kind must be a single value, not a list");
        fails(rule("keys: {region: eu, id: 1}", "skip"), 5, 13, "rules[0].when.keys must be a list");
        fails("version: 1\nrules:\n  - when: {kind: changed}\n", 3, 5, "rules[0] needs action, e.g. action: skip");
        fails("version: 1\nrules:\n  - action:\n", 3, 5, "rules[0] needs action");
        fails("version: 1\nrules:\n  - name: [a]\n    action: skip\n", 3, 11, "rules[0].name must be a single value");
    }

    @Test
    void nodesAndColumnsMustExist() {
        fails("version: 1\ndefault: {keep: n9}\n", 2, 17, "unknown node 'n9'; the diff file's nodes are n1, n2, n3");
        fails(rule("kind: extra\nnode: n4", "skip"), 6, 13, "rules[0].when.node: unknown node 'n4'");
        fails(rule("columns_changed: [qty, colour]", "skip"), 5, 30,
                "unknown column 'colour'; the table's columns are id, region, name, qty, note");
        fails(rule("match: [{node: n1, column: colour, op: is_null}]", "skip"), 5, 34,
                "unknown column 'colour'; the table's columns are id, region, name, qty, note, or _origin and _commit_ts");
        fails("version: 1\ndefault: {coalesce: [n1, n7]}\n", 2, 26, "default.coalesce[1]: unknown node 'n7'");
    }

    @Test
    void keysGiveEveryKeyColumnAndNoOther() {
        String row = "version: 1\nrows:\n  - key: %s\n    action: skip\n";
        fails(row.formatted("{id: 7}"), 3, 10, "rows[0].key lacks region; a key gives every key column: region, id");
        fails(row.formatted("{region: eu, id: 7, name: x}"), 3, 30,
                "rows[0].key: 'name' is not a key column; a key gives exactly region, id");
        fails(row.formatted("{region: ~, id: 7}"), 3, 19, "rows[0].key.region is null; key columns are never NULL");
        fails(row.formatted("{region: eu, id: [7]}"), 3, 27, "rows[0].key.id must be a single value");
        fails(rule("keys: [{region: eu, id: 1}, {region: eu}]", "skip"), 5, 35, "rules[0].when.keys[1] lacks id");
        fails(rule("key_range: {to: {id: 1}}", "skip"), 5, 23, "rules[0].when.key_range.to lacks region");
        fails(rule("key_range: {}", "skip"), 5, 18, "key_range needs from, to or both");
        fails(rule("key_range: {from: {region: eu, id: 10}, to: {region: eu, id: 9}}", "skip"), 5, 51, "to is before from");
        fails("version: 1\nrows:\n  - key: {region: eu, id: 7}\n    action: skip\n  - key: {id: \"7\", region: eu}\n    action: delete\n",
                5, 10, "rows[1].key repeats the key of rows[0]");
    }

    @Test
    void kindAndNodeGoTogether() {
        fails(rule("kind: missing", "skip"), 5, 13, "rules[0].when.kind: missing needs the node the row is missing on; add node: NODE");
        fails(rule("kind: changed\nnode: n1", "skip"), 6, 7, "rules[0].when.node does not go with kind: changed");
        fails(rule("node: n1", "skip"), 5, 7, "rules[0].when.node names the node of kind: missing or extra; add the kind");
        fails(rule("kind: gone", "skip"), 5, 13, "rules[0].when.kind must be changed, missing or extra, not 'gone'");
    }

    @Test
    void matchOperatorsAndValues() {
        String match = "match: [{node: n1, column: %s, op: %s}]";
        fails(rule(match.formatted("qty", "like, value: 1"), "skip"), 5, 43,
                "op 'like' is unknown; expected eq, ne, lt, le, gt, ge, is_null, not_null, in");
        fails(rule(match.formatted("qty", "is_null, value: 1"), "skip"), 5, 52, "op is_null takes no value; remove value");
        fails(rule(match.formatted("qty", "eq"), "skip"), 5, 43, "op eq needs a value; add value: ...");
        fails(rule(match.formatted("qty", "lt, value: null"), "skip"), 5, 54, "is null, which lt cannot order; use is_null or not_null");
        fails(rule(match.formatted("qty", "in, value: 1"), "skip"), 5, 54, "rules[0].when.match[0].value must be a list");
        fails(rule(match.formatted("qty", "eq, value: [1, 2]"), "skip"), 5, 54,
                "value is a list, but eq compares with one value; for a list use op: in");
        fails(rule(match.formatted("_commit_ts", "gt, value: 2026-12-06"), "skip"), 5, 61,
                "'2026-12-06' is not an RFC 3339 time with offset, e.g. 2026-12-06T03:00:00Z");
        fails(rule(match.formatted("_commit_ts", "in, value: [\"2026-12-06T00:00:00Z\", \"2026-12-06T01:00\"]"), "skip"), 5, 86,
                "'2026-12-06T01:00' is not an RFC 3339 time");
        fails(rule(match.formatted("_origin", "is_null"), "skip"), 5, 47, "is_null never holds on _origin");
        fails(rule(match.formatted("_origin", "eq, value: ~"), "skip"), 5, 58,
                "value is null, but a known _origin never is; use not_null to ask whether it is known");
        fails(rule("match: [{column: qty, op: is_null}]", "skip"), 5, 15, "rules[0].when.match[0] needs node, e.g. node: n1");
    }

    @Test
    void actionsAreKnownAndDoOneThing() {
        fails("version: 1\ndefault: keep\n", 2, 10, "default 'keep' is unknown; expected skip, delete, bidirectional, {keep: NODE}");
        fails("version: 1\ndefault: {keep: n1, latest: [n2]}\n", 2, 21, "default gives both keep and latest; an action does one of them");
        fails("version: 1\ndefault: {}\n", 2, 10, "default needs one of keep, apply_from, custom, coalesce or latest");
        fails("version: 1\ndefault: {keep: n1, mode: upsert}\n", 2, 21, "default.mode goes with apply_from, not with keep");
        fails("version: 1\ndefault: {apply_from: n1, mode: merge}\n", 2, 33,
                "default.mode 'merge' is unknown; expected replace, upsert or insert");
        fails("version: 1\ndefault: {coalesce: []}\n", 2, 21, "default.coalesce is an empty list; give at least one item");
        fails("version: 1\ndefault: {latest: [n1, n2, n1]}\n", 2, 28, "default.latest[2]: n1 is listed twice");
        fails("version: 1\ndefault: [skip]\n", 2, 10, "default must be a mapping (name: value), not a list");
    }

    @Test
    void customRowsGiveEveryNonKeyColumnAsAValueOrATemplate() {
        String custom = "version: 1\ndefault:\n  custom:\n    %s\n";
        fails(custom.formatted("{name: a, qty: 1}"), 4, 5,
                "default.custom lacks note; a custom row gives every column but the key (region, id)");
        fails(custom.formatted("{id: 1, name: a, qty: 1, note: x}"), 4, 6,
                "default.custom: id is a key column, which a custom row takes from the key");
        fails(custom.formatted("{name: a, qty: 1, note: x, colour: red}"), 4, 32, "default.custom: unknown column 'colour'");
        fails(custom.formatted("{name: \"x{{n1.name}}\", qty: 1, note: x}"), 4, 12,
                "default.custom.name 'x{{n1.name}}' is not a template; a template is the whole value, exactly {{NODE.COLUMN}}");
        fails(custom.formatted("{name: \"{{n1name}}\", qty: 1, note: x}"), 4, 12, "is not a template");
        fails(custom.formatted("{name: \"{{n9.name}}\", qty: 1, note: x}"), 4, 12, "default.custom.name: unknown node 'n9'");
        fails(custom.formatted("{name: \"{{n1.colour}}\", qty: 1, note: x}"), 4, 12, "default.custom.name: unknown column 'colour'");
        fails(custom.formatted("{name: {{n1.name}}, qty: 1, note: x}"), 4, 12,
                "must be a single value or a quoted template \"{{NODE.COLUMN}}\"");
    }

    @Test
    void anActionMustBeAbleToRepairTheDifferenceItsRuleSelects() {
        fails(rule("kind: changed", "bidirectional"), 6, 13,
                "bidirectional cannot repair kind: changed, a changed row is on every side it would be inserted to");
        fails(rule("kind: missing\nnode: n2", "{keep: n2}"), 7, 20,
                "rules[0].action.keep: kind: missing on n2 means n2 lacks the row, so keep n2 has nothing"
                        + " to take; name a node that has it");
        fails(rule("{kind: missing, node: n2}", "{apply_from: n2, mode: insert}").replace("when:\n      ", "when: "), 5, 26,
                "so apply_from n2 has nothing to take");
        KeyRows missingOnN2 = Plans.key("eu", "1").on("n1", "a", "1", null).rows();
        assertThat(plan(rule("kind: missing\nnode: n2", "{keep: n1}")).decide(missingOnN2).action()).as("n1 has it").isEqualTo("keep n1");
        assertThat(plan(rule("kind: missing\nnode: n2", "bidirectional")).decide(missingOnN2).perNode().get("n2"))
                .isEqualTo(new Outcome.Present(Plans.row("eu", "1", "a", "1", null)));
    }

    @Test
    void jsonProblemsHaveTheirPlaceToo() {
        fails("{\"version\": 1,\n \"rules\": [{\"action\": {\"keep\": \"n5\"}}]}", 2, 32, "unknown node 'n5'");
        fails("{\"version\": 1 \"rules\": []}", 1, 22, "not valid YAML or JSON: while parsing a flow mapping");
    }
}
