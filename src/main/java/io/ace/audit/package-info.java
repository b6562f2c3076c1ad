/**
 * The audit log: who launched, stopped, restarted or abandoned what from the web, refusals
 * included.
 */
package io.ace.audit;
