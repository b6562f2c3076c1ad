package io.ace.operation;

import java.nio.file.Path;

/**
 * One launch of an operation, however it was asked for (command line, UI, API, scheduler,
 * restart): what identifies the run and where its reports go. Each operation's request is a
 * record of its own, turned into job parameters and back by the operation's {@link ParameterCodec}.
 */
public interface LaunchRequest {

    /** The operation's name, which is also its job's name ({@code table-diff}, ...). */
    String operation();

    /** The cluster: as given, or the default one (ace.default-cluster, or the only one defined) when none was given. */
    String cluster();

    /** What the run works on, as an operator names it ({@code public.customers}, a replication set, ...). */
    String target();

    String runKey();

    Path outputDir();
}
