package io.ace.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ace.exit.ExitCode;
import org.springframework.http.HttpStatus;

/**
 * An error as the API answers it: the HTTP status in words and, when the command line would have
 * ended with one, its exit code and meaning.
 *
 * @param error the status's reason phrase in snake_case ({@code bad_request})
 */
record ApiError(String error, @JsonProperty("exit_code") @JsonInclude(JsonInclude.Include.NON_NULL) Integer exitCode,
                @JsonInclude(JsonInclude.Include.NON_NULL) String meaning, String message) {

    static ApiError of(HttpStatus status, ExitCode code, String message) {
        return new ApiError(status.getReasonPhrase().toLowerCase().replace(' ', '_'), code == null ? null : code.code(),
                code == null ? null : ExitCode.meaning(code.code()), message);
    }
}
