package io.ace.web.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;

/** A refusal the security filters answer themselves, as the API's own errors look: {@code {"error", "message"}} in our words. */
final class JsonRefusal {

    private JsonRefusal() {
    }

    /** {@code error} and {@code message} are the filters' own constant text: nothing here needs escaping. */
    static void write(HttpServletResponse response, int status, String error, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}");
    }
}
