package io.ace.diff;

import java.util.List;

/** Receives the differing keys of a block in key order, a compare unit at a time. */
@FunctionalInterface
public interface DifferenceSink {
    void accept(List<KeyDifference> differences) throws Exception;
}
