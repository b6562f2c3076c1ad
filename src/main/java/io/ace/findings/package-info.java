/**
 * What a job's steps hand each other: blocks compared and differences found, stored in the job
 * repository's database and committed with each step's progress.
 */
package io.ace.findings;
