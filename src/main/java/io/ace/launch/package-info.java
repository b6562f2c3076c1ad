/**
 * The launch grammar the front ends share: every operation's command line with the options all
 * launches take, parsed into requests, listed as form fields, printed as shell commands.
 */
package io.ace.launch;
