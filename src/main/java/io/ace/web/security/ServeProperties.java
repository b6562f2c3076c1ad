package io.ace.web.security;

import io.ace.operation.Role;
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
 * </pre>
 */
@ConfigurationProperties("ace.serve")
public class ServeProperties {

    private Map<String, User> users = new LinkedHashMap<>();
    private Map<String, Token> tokens = new LinkedHashMap<>();

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
