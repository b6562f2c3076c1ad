/**
 * Where the partitions of a partitioned step run: on this process's threads, or, for a run that
 * asks for workers, in worker processes that share the job repository. Requests travel on a
 * Spring Integration channel kept in the repository's database; claims make sure a partition
 * runs on one worker at a time, heartbeats let the manager send a lost worker's partition again.
 */
package io.ace.batch.partition;
