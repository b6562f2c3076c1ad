package io.ace.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ace.exit.ExitCode;
import io.ace.web.RunActions;

/**
 * What the API answers to a launch or a control: the execution to follow, and, when the run key
 * had already completed and nothing ran, exit code 4 and its meaning.
 *
 * @param command the launch as a shell command, when it launched
 */
record ActionAnswer(@JsonProperty("execution_id") long executionId, @JsonProperty("status_url") String statusUrl,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String command, String message,
                    @JsonProperty("exit_code") @JsonInclude(JsonInclude.Include.NON_NULL) Integer exitCode,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String meaning) {

    static ActionAnswer of(RunActions.Answer answer) {
        Integer code = answer.alreadyCompleted() ? ExitCode.ALREADY_COMPLETED.code() : null;
        return new ActionAnswer(answer.executionId(), "/api/v1/executions/" + answer.executionId(), answer.command(), answer.message(),
                code, code == null ? null : ExitCode.meaning(code));
    }
}
