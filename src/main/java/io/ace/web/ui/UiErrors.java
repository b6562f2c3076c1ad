package io.ace.web.ui;

import io.ace.exit.AceException;
import io.ace.web.RunActions;
import io.ace.web.ServeOnly;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refused page request answers with the status its exit code means (400 for bad usage, 422
 * for configuration, 503 for a node out of reach) and the reason as this user may read it.
 */
@ServeOnly
@ControllerAdvice(basePackageClasses = UiErrors.class)
class UiErrors {

    private final RunActions actions;

    UiErrors(RunActions actions) {
        this.actions = actions;
    }

    @ExceptionHandler(AceException.class)
    ModelAndView refused(AceException e, Authentication who) {
        HttpStatus status = switch (e.exitCode()) {
            case USAGE -> HttpStatus.BAD_REQUEST;
            case CONFIG -> HttpStatus.UNPROCESSABLE_CONTENT;
            case UNREACHABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
        return page(status, actions.toCaller(e, who));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badParameter(MethodArgumentTypeMismatchException e) {
        return page(HttpStatus.BAD_REQUEST, "'" + e.getName() + "' must be " + (e.getRequiredType() == null ? "another value"
                : "a " + e.getRequiredType().getSimpleName().toLowerCase()));
    }

    private static ModelAndView page(HttpStatus status, String message) {
        ModelAndView page = new ModelAndView("refused");
        page.setStatus(status);
        page.addObject("status", status.value() + " " + status.getReasonPhrase());
        page.addObject("message", message);
        return page;
    }
}
