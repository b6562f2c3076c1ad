package io.ace.difffile;

import io.ace.diff.KeyDifference;
import java.util.function.Consumer;

/** Streams stored differences in key order; may be read more than once. */
@FunctionalInterface
public interface DifferenceSource {
    void forEach(Consumer<KeyDifference> difference);
}
