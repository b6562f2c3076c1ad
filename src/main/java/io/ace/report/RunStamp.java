package io.ace.report;

/**
 * The fields every summary of a run on many tables (or on the replication configuration) ends
 * with: its verdict, when it started and how long it took, which execution and run key, which version.
 *
 * @param startTime when the run started, local time as the job repository records it
 * @param timeTaken how long it took until the summary was written ({@code 2.0s})
 */
public record RunStamp(String verdict, String startTime, String timeTaken, long jobExecutionId, String runKey, String toolVersion) {
}
