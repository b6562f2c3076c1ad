/**
 * What an operation is, declared once: its options, request, job parameters, required role and
 * job; the registry every front end and the launcher read; and the flags and job parameters
 * several operations share.
 */
package io.ace.operation;
