package io.ace.diff;

/** Hears what a partition scan does for production courtesy: throttle pauses and hashing statements. */
public interface ScanListener {

    /** Hashing waits; {@code reason} names the node and the limit. */
    void pausing(String reason);

    /** Hashing goes on after waiting {@code millis} (0 when it did not wait). */
    void resumed(long millis);

    /** One hashing statement ran on every node. */
    void hashStatement();
}
