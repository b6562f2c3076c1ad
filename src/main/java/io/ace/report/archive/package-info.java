/**
 * The audit archive: every run's reports copied under a dated directory with a sha256 manifest,
 * verified and pruned on request.
 */
package io.ace.report.archive;
