package io.ace.diff;

/** Hears what a partition scan does for production courtesy: its hashing statements. */
public interface ScanListener {

    /** One hashing statement ran on every node. */
    void hashStatement();
}
