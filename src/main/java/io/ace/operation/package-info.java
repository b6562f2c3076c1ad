/**
 * What an operation is, declared once: its options, request, job parameters, required role and
 * job; and the registry every front end and the launcher read.
 */
package io.ace.operation;
