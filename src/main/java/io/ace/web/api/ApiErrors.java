package io.ace.web.api;

import io.ace.web.ServeOnly;
import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import io.ace.batch.RunInProgressException;
import io.ace.batch.RunsBusyException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.ServletException;
import java.util.Locale;
import io.ace.web.RunActions;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * API errors as JSON carrying the command line's exit code and its meaning, so a script reads the
 * same answer over HTTP as from {@code scripts/ace}.
 */
@ServeOnly
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
public class ApiErrors {

    private final RunActions actions;

    public ApiErrors(RunActions actions) {
        this.actions = actions;
    }

    @ExceptionHandler(AceException.class)
    @ApiResponse(responseCode = "400", description = "Bad usage: an unknown field, a bad value (exit code 64)")
    @ApiResponse(responseCode = "409", description = "The run key is running right now, or has already completed")
    @ApiResponse(responseCode = "422", description = "Configuration error: an unknown cluster or node, a missing table, ... (exit code 78)")
    @ApiResponse(responseCode = "429", description = "As many runs as the server runs at once: retry after Retry-After seconds")
    @ApiResponse(responseCode = "500", description = "The run could not be carried out (exit code 2)")
    @ApiResponse(responseCode = "503", description = "Temporary, retry later: a node could not be reached or had no session free"
            + " (exit code 75)")
    ResponseEntity<ApiError> ace(AceException e, Authentication who) {
        HttpStatus status = switch (e.exitCode()) {
            case USAGE -> HttpStatus.BAD_REQUEST;
            case CONFIG -> HttpStatus.UNPROCESSABLE_CONTENT;
            case UNREACHABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case ALREADY_COMPLETED -> HttpStatus.CONFLICT;
            default -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
        if (e instanceof RunInProgressException) {
            // the run is going on already: follow it rather than start it again
            return body(HttpStatus.CONFLICT, e.exitCode(), e.getMessage());
        }
        if (e instanceof RunsBusyException) {
            // the most runs this server runs at once: come back once one has ended
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "30")
                    .body(body(HttpStatus.TOO_MANY_REQUESTS, e.exitCode(), e.getMessage()).getBody());
        }
        return body(status, e.exitCode(), actions.toCaller(e, who));
    }

    /** A body that is no JSON object of fields (malformed, an array, a name or number beyond the parser's limits). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return body(HttpStatus.BAD_REQUEST, ExitCode.USAGE, "the body must be one JSON object of fields, e.g. {\"cluster_name\": \"local\","
                + " \"table_name\": \"public.t\"}");
    }

    /** A path or query value of the wrong type: named by its parameter, the value not quoted. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e) {
        String type = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName().toLowerCase(Locale.ROOT);
        return body(HttpStatus.BAD_REQUEST, ExitCode.USAGE, "'" + e.getName() + "' must be a " + type);
    }

    /** What the web layer refuses before any of ours runs (method, media type, missing parameter, no such path), in its status. */
    @ExceptionHandler(ServletException.class)
    ResponseEntity<ApiError> refusedByTheWebLayer(ServletException e) {
        HttpStatus status = e instanceof ErrorResponse r ? HttpStatus.valueOf(r.getStatusCode().value()) : HttpStatus.BAD_REQUEST;
        return body(status, null, "the request does not fit this API (" + status.getReasonPhrase().toLowerCase(Locale.ROOT)
                + "); see /v3/api-docs");
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ApiResponse(responseCode = "403", description = "The caller's role does not allow this")
    ResponseEntity<ApiError> denied(AccessDeniedException e) {
        return body(HttpStatus.FORBIDDEN, null, e.getMessage());
    }

    static ResponseEntity<ApiError> body(HttpStatus status, ExitCode code, String message) {
        return ResponseEntity.status(status).body(ApiError.of(status, code, message));
    }
}
