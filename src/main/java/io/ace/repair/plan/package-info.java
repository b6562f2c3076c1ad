/**
 * Repair plans: a YAML or JSON file that says, per differing key of a diff file, what a repair
 * does on each node, checked against the diff file's nodes and the table's columns when read.
 */
package io.ace.repair.plan;
