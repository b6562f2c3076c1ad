package io.ace.mtree;

/**
 * Called when change capture has read changes and is about to commit their marks, before the
 * slot's position moves past them; tests fail here to prove that a capture dying at that moment
 * loses nothing.
 */
@FunctionalInterface
public interface CaptureHook {

    CaptureHook NONE = node -> { };

    void beforeMarksCommit(String node) throws Exception;
}
