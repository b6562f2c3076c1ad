package io.ace.web.security;

import io.ace.audit.AuditLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts {@link LoginThrottle} in front of every login: a request that carries credentials (HTTP
 * basic or a bearer token on the API, the login form's POST) while its user or address is locked
 * out is answered at once, without looking at the password: 429 with {@code Retry-After} on the
 * API, the login page with a message in the UI. Every failed login is written to the audit log.
 */
public final class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottleFilter.class);

    /** Where the credentials come in. */
    public enum Door { API, FORM }

    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Door door;

    public LoginThrottleFilter(LoginThrottle throttle, AuditLog audit, Door door) {
        this.throttle = throttle;
        this.audit = audit;
        this.door = door;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Credentials attempt = door == Door.API ? fromHeader(request) : fromForm(request);
        if (attempt == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Duration> wait = throttle.refusal(attempt.user(), request.getRemoteAddr());
        if (wait.isPresent()) {
            refuse(request, response, wait.get());
            return;
        }
        chain.doFilter(request, response);
        if (door == Door.API) {
            if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
                failed(request, attempt);
            } else {
                throttle.succeeded(attempt.user());
            }
        }
    }

    /** The login form's failure: counted and audited, then the login page with its error. */
    public AuthenticationFailureHandler formFailure() {
        return (request, response, e) -> {
            failed(request, new Credentials(UserName.normalised(request.getParameter("username")), "form"));
            response.sendRedirect(request.getContextPath() + "/login?error");
        };
    }

    /** The login form's success: its user's failures are forgotten. */
    public void formSuccess(String user) {
        throttle.succeeded(user);
    }

    private void failed(HttpServletRequest request, Credentials attempt) {
        String address = request.getRemoteAddr();
        Optional<Duration> lockout = throttle.failed(attempt.user(), address);
        String outcome = "bad credentials" + lockout.map(d -> "; logins " + (attempt.user() == null ? "" : "for this user and ")
                + "from this address refused for " + d.toSeconds() + " s").orElse("");
        audit.record(attempt.user() == null ? "(token)" : attempt.user(), "login-failed", "from " + address + " by " + attempt.how(), null, outcome);
        lockout.ifPresent(d -> LOG.warn("too many failed logins for user {} or from address {}: refused for {} s",
                attempt.user() == null ? "(token)" : attempt.user(), address, d.toSeconds()));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (door == Door.FORM) {
            response.sendRedirect(request.getContextPath() + "/login?throttled");
            return;
        }
        response.setHeader("Retry-After", Long.toString(seconds));
        JsonRefusal.write(response, 429, "too_many_requests", "too many failed logins for this user or from this address; retry in "
                + seconds + " s");
    }

    /** Who a request claims to be ({@code user} normalised, null for a token) and how. */
    private record Credentials(String user, String how) {
    }

    private static Credentials fromHeader(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null) {
            return null;
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Credentials(null, "token");
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return new Credentials(UserName.normalised(colon < 0 ? decoded : decoded.substring(0, colon)), "basic");
            } catch (IllegalArgumentException e) {
                return new Credentials(null, "basic");
            }
        }
        return null;
    }

    private static Credentials fromForm(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || !request.getServletPath().equals("/login")) {
            return null;
        }
        return new Credentials(UserName.normalised(request.getParameter("username")), "form");
    }
}
