package io.ace.repair.plan;

import java.util.Map;

/**
 * The decision for one key: which rule decided (e.g. "rows[2]", "rule 'n3 inserts' (rules[0])",
 * "default"), the action in words (e.g. "keep n1"), and an outcome for every node of the context.
 * A non-null {@code problem} says why the action could not be computed for this key; every node
 * is then untouched.
 */
public record Decision(String rule, String action, Map<String, Outcome> perNode, String problem) {
}
