package io.ace.web.api;

import io.ace.web.ServeOnly;
import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import io.ace.batch.RunInProgressException;
import io.ace.batch.RunsBusyException;
import jakarta.servlet.ServletException;
import java.util.Locale;
import io.ace.web.RunActions;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import java.util.LinkedHashMap;
import java.util.Map;
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
    ResponseEntity<Map<String, Object>> ace(AceException e, Authentication who) {
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
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return body(HttpStatus.BAD_REQUEST, ExitCode.USAGE, "the body must be one JSON object of fields, e.g. {\"cluster_name\": \"local\","
                + " \"table_name\": \"public.t\"}");
    }

    /** A path or query value of the wrong type: named by its parameter, the value not quoted. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        String type = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName().toLowerCase(Locale.ROOT);
        return body(HttpStatus.BAD_REQUEST, ExitCode.USAGE, "'" + e.getName() + "' must be a " + type);
    }

    /** What the web layer refuses before any of ours runs (method, media type, missing parameter, no such path), in its status. */
    @ExceptionHandler(ServletException.class)
    ResponseEntity<Map<String, Object>> refusedByTheWebLayer(ServletException e) {
        HttpStatus status = e instanceof ErrorResponse r ? HttpStatus.valueOf(r.getStatusCode().value()) : HttpStatus.BAD_REQUEST;
        return body(status, null, "the request does not fit this API (" + status.getReasonPhrase().toLowerCase(Locale.ROOT)
                + "); see /v3/api-docs");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> denied(AccessDeniedException e) {
        return body(HttpStatus.FORBIDDEN, null, e.getMessage());
    }

    static ResponseEntity<Map<String, Object>> body(HttpStatus status, ExitCode code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", status.getReasonPhrase().toLowerCase().replace(' ', '_'));
        if (code != null) {
            body.put("exit_code", code.code());
            body.put("meaning", ExitCode.meaning(code.code()));
        }
        body.put("message", message);
        return ResponseEntity.status(status).body(body);
    }
}
