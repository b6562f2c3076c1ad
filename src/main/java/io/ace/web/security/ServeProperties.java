package io.ace.web.security;

import io.ace.operation.Role;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may use the server: users with bcrypt password hashes and API tokens (stored as their
 * sha256), each with one role.
 * <pre>
 * ace.serve.users.alice.password={bcrypt}$2a$10$...
 * ace.serve.users.alice.role=OPERATOR
 * ace.serve.tokens.nightly-ci.sha256=9f86d0...
 * ace.serve.tokens.nightly-ci.role=OPERATOR
 * ace.serve.login.max-failures=5
 * ace.serve.login.window=5m
 * ace.serve.login.lockout=1m
 * ace.serve.login.max-lockout=1h
 * </pre>
 */
@ConfigurationProperties("ace.serve")
public class ServeProperties {

    private Map<String, User> users = new LinkedHashMap<>();
    private Map<String, Token> tokens = new LinkedHashMap<>();
    private Login login = new Login();

    public Login getLogin() {
        return login;
    }

    public void setLogin(Login login) {
        this.login = login;
    }

    public Map<String, User> getUsers() {
        return users;
    }

    public void setUsers(Map<String, User> users) {
        this.users = users;
    }

    public Map<String, Token> getTokens() {
        return tokens;
    }

    public void setTokens(Map<String, Token> tokens) {
        this.tokens = tokens;
    }

    public static class User {
        private String password;
        private Role role = Role.VIEWER;

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public Role getRole() {
            return role;
        }

        public void setRole(Role role) {
            this.role = role;
        }
    }

    /** Throttling of failed logins ({@link LoginThrottle}): {@code ace.serve.login.*}. */
    public static class Login {
        private int maxFailures = 5;
        private Duration window = Duration.ofMinutes(5);
        private Duration lockout = Duration.ofMinutes(1);
        private Duration maxLockout = Duration.ofHours(1);

        public int getMaxFailures() {
            return maxFailures;
        }

        public void setMaxFailures(int maxFailures) {
            this.maxFailures = maxFailures;
        }

        public Duration getWindow() {
            return window;
        }

        public void setWindow(Duration window) {
            this.window = window;
        }

        public Duration getLockout() {
            return lockout;
        }

        public void setLockout(Duration lockout) {
            this.lockout = lockout;
        }

        public Duration getMaxLockout() {
            return maxLockout;
        }

        public void setMaxLockout(Duration maxLockout) {
            this.maxLockout = maxLockout;
        }
    }

    public static class Token {
        private String sha256;
        private Role role = Role.VIEWER;

        public String getSha256() {
            return sha256;
        }

        public void setSha256(String sha256) {
            this.sha256 = sha256;
        }

        public Role getRole() {
            return role;
        }

        public void setRole(Role role) {
            this.role = role;
        }
    }
}
