/**
 * ACE's settings: the {@code ace.*} properties bound into one checked record tree, the report of a
 * value out of range, the other names some of them answer to, and the line that logs what a
 * process runs with, secrets masked. Every layer that is wired by Spring reads its settings from
 * here; this package reads from none of them.
 */
package io.ace.config;
