package io.ace.batch.partition;

/**
 * What the manager tells a worker about one partition, and all it tells: plain values a worker
 * checks against the partition's claim before running anything.
 *
 * @param jobExecutionId  the run's execution
 * @param stepExecutionId the partition
 * @param stepName        the worker step that runs it
 * @param region          the region of its nodes, or null for none
 */
public record PartitionRequest(long jobExecutionId, long stepExecutionId, String stepName, String region) {

    /** The longest step name or region, as the claims table holds them. */
    static final int NAME_LENGTH = 100;

    public PartitionRequest {
        if (jobExecutionId <= 0 || stepExecutionId <= 0) {
            throw new IllegalArgumentException("execution ids must be positive");
        }
        if (stepName == null || stepName.isBlank() || stepName.length() > NAME_LENGTH) {
            throw new IllegalArgumentException("the step name must have 1 to " + NAME_LENGTH + " characters");
        }
        if (region != null && (region.isBlank() || region.length() > NAME_LENGTH)) {
            throw new IllegalArgumentException("a region must have 1 to " + NAME_LENGTH + " characters");
        }
    }
}
