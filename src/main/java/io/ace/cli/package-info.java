/**
 * The command line: the registered operations and the jobs, reports, serve and hash-password
 * commands, with a progress bar on terminals and the exit code contract.
 */
package io.ace.cli;
