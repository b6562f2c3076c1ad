/**
 * The HTML audit reports, rendered from typed models with templates an operator may edit, and
 * report file names.
 */
package io.ace.report;
