package io.ace.operation;

/**
 * One operation, declared once: everything the command line, the UI, the API, the scheduler,
 * {@code jobs restart} and the role check need to know of it.
 *
 * @param name          the subcommand, the API path and the job name ({@code table-diff})
 * @param requestType   its request record
 * @param options       its picocli options, which build the request
 * @param codec         the request as job parameters and back
 * @param role          the role a web user needs to launch it
 * @param blockProgress whether the command line shows a progress bar of the work its steps report
 * @param job           the job that runs it
 */
public record Operation<R extends LaunchRequest>(String name, Class<R> requestType, Class<? extends RequestOptions<R>> options,
                                                 ParameterCodec<R> codec, Role role, boolean blockProgress, OperationJob<R> job) {

    /** This operation's view of a request that is one of its own. */
    public R cast(LaunchRequest request) {
        return requestType.cast(request);
    }
}
