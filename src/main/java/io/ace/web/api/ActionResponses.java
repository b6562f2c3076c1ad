package io.ace.web.api;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The answers of a launch or a control as the OpenAPI description lists them: 202 with the
 * execution to follow, or 200 when the run key had already completed and nothing ran.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "202", description = "Accepted: the execution to follow")
@ApiResponse(responseCode = "200", description = "Nothing to do: the run key had already completed (exit code 4), its execution")
@interface ActionResponses {
}
