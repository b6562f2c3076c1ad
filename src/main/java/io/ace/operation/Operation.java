package io.ace.operation;

import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * One operation, declared once: everything the command line, the UI, the API, the scheduler,
 * {@code jobs restart} and the role check need to know of it. Built with {@link #named}.
 *
 * @param name          the job name, the API path and the subcommand ({@code table-diff}); in a group, the group's
 *                      name, a dash and the verb ({@code mtree-build})
 * @param group         the command it is a verb of ({@code mtree} for {@code ace mtree build}); empty for a command of its own
 * @param requestType   its request record
 * @param options       its picocli options, which build the request
 * @param codec         its own parameters as job parameters and back; the run's identity is {@link RunIdentity}'s
 * @param role          the role a web user needs to launch it
 * @param progressBar   whether the command line shows a progress bar of the work its steps report
 * @param followUp      how the UI offers it on a run that wrote a diff file, or null when it does not work on one
 * @param counts        what its run's differences count ({@code differing rows}), or null when it compares nothing
 * @param jobs          makes the job that runs it, on launch: the command line knows every operation before the
 *                      application (and what jobs are built from) has started
 */
public record Operation<R extends LaunchRequest>(String name, String group, Class<R> requestType,
                                                 Class<? extends RequestOptions<R>> options, ParameterCodec<R> codec, Role role,
                                                 boolean progressBar, FollowUp followUp, String counts, Supplier<OperationJob<R>> jobs) {

    /**
     * An operation that works on the diff file an earlier run wrote ({@code --from-execution}).
     *
     * @param label what the UI's button says ({@code Repair these rows…})
     */
    public record FollowUp(String label) {
    }

    public Operation {
        Objects.requireNonNull(codec, () -> name + " has no parameter codec");
        Objects.requireNonNull(role, () -> name + " has no role");
        Objects.requireNonNull(jobs, () -> name + " has no job");
        if (!group.isEmpty() && !name.startsWith(group + "-")) {
            throw new IllegalStateException("operation " + name + " of group " + group + " must be named " + group + "-VERB");
        }
    }

    /** Starts the declaration of an operation whose requests are of {@code requestType}. */
    public static <R extends LaunchRequest> Builder<R> named(String name, Class<R> requestType) {
        return new Builder<>(name, requestType);
    }

    /** The job that runs it, for one launch. */
    public OperationJob<R> job() {
        return jobs.get();
    }

    /** Its name within its group ({@code build} of {@code mtree-build}); its name when it has no group. */
    public String verb() {
        return group.isEmpty() ? name : name.substring(group.length() + 1);
    }

    /** This operation's view of a request that is one of its own. */
    public R cast(LaunchRequest request) {
        return requestType.cast(request);
    }

    /** A request of this operation as job parameters: the run's identity and the operation's own. */
    public JobParameters parameters(LaunchRequest request) {
        R own = cast(request);
        return RunIdentity.of(own).with(codec.encode(own), own instanceof TableRequest);
    }

    /** The request a run recorded, as a restart or a worker needs it. */
    public R request(JobParameters recorded) {
        return codec.decode(RunIdentity.of(recorded), recorded);
    }

    /** The declaration of an operation, by name; {@link #job} ends it. */
    public static final class Builder<R extends LaunchRequest> {

        private final String name;
        private final Class<R> requestType;
        private String group = "";
        private Class<? extends RequestOptions<R>> options;
        private ParameterCodec<R> codec;
        private Role role;
        private boolean progressBar;
        private FollowUp followUp;
        private String counts;

        private Builder(String name, Class<R> requestType) {
            this.name = name;
            this.requestType = requestType;
        }

        /** A verb of a group command: {@code ace GROUP VERB}. */
        public Builder<R> inGroup(String group) {
            this.group = group;
            return this;
        }

        public Builder<R> options(Class<? extends RequestOptions<R>> options) {
            this.options = options;
            return this;
        }

        public Builder<R> codec(ParameterCodec<R> codec) {
            this.codec = codec;
            return this;
        }

        /** The role a web user needs to launch it. */
        public Builder<R> role(Role role) {
            this.role = role;
            return this;
        }

        /** The command line shows a progress bar of the work its steps report. */
        public Builder<R> progressBar() {
            this.progressBar = true;
            return this;
        }

        /** The UI offers it, with this label, on every run that wrote a diff file. */
        public Builder<R> followsDiffFile(String label) {
            this.followUp = new FollowUp(label);
            return this;
        }

        /** Its runs' differences count these ({@code differing rows}); lists and totals say so and add only like with like. */
        public Builder<R> counts(String unit) {
            this.counts = unit;
            return this;
        }

        /** Ends the declaration with what makes its job, called on each launch once the application has started. */
        public Operation<R> job(Supplier<OperationJob<R>> job) {
            return new Operation<>(name, group, requestType, Objects.requireNonNull(options, () -> name + " has no options"), codec, role,
                    progressBar, followUp, counts, job);
        }
    }
}
