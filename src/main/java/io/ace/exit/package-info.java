/**
 * The exit code contract and the error that carries an exit code from wherever a check fails to
 * the process, the API or the scheduler.
 */
package io.ace.exit;
