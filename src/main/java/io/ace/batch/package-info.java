/**
 * Runs operations as Spring Batch jobs with the run-key contract (resume, answer, refuse,
 * recover), and shows runs to the front ends through read models of its own (run views, outcomes,
 * queries, context, progress: what each step reports of its work, summed per unit).
 */
package io.ace.batch;
