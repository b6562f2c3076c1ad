package io.ace.web.security;

import io.ace.audit.AuditLog;
import io.ace.config.AceProperties;
import io.ace.operation.Role;
import io.ace.web.ServeOnly;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Two doors: the API (and metrics), stateless, by HTTP basic or bearer token sent unasked,
 * answering 401/403 in JSON and refusing state changes other web sites ask for
 * ({@link CrossSiteRequestFilter}); and the UI, by form login with a session and CSRF tokens on
 * every form. Health's status is open; everything else needs at least VIEWER, and launches check
 * their operation's role. Both doors throttle failed logins ({@link LoginThrottle}) and audit
 * each one.
 */
@Configuration(proxyBeanMethods = false)
@ServeOnly
@EnableWebSecurity
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        DelegatingPasswordEncoder encoder = (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        // a bare $2a$ hash, as htpasswd and most tools print it, is bcrypt too
        encoder.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder());
        return encoder;
    }

    @Bean
    ServeUsers serveUsers(AceProperties properties, PasswordEncoder encoder) {
        return new ServeUsers(properties.serve().users(), encoder, properties.home());
    }

    @Bean
    ServeAnnouncement serveAnnouncement(ServeUsers users, Environment environment) {
        return new ServeAnnouncement(users, environment);
    }

    @Bean
    UserDetailsService userDetailsService(ServeUsers users) {
        return users.details();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.OPERATOR.name())
                .role(Role.OPERATOR.name()).implies(Role.VIEWER.name())
                .build();
    }

    @Bean
    LoginThrottle loginThrottle(AceProperties properties) {
        AceProperties.Login login = properties.serve().login();
        return new LoginThrottle(login.maxFailures(), login.window(), login.lockout(), login.maxLockout(), Clock.systemUTC());
    }

    /** An address the firewall refuses (a {@code ;}, an encoded slash, ...): 400 in the API's words, the address not quoted. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> JsonRefusal.write(response, HttpServletResponse.SC_BAD_REQUEST, "bad_request",
                "this address is not accepted");
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AceProperties properties, LoginThrottle throttle, AuditLog audit) throws Exception {
        LoginThrottleFilter logins = new LoginThrottleFilter(throttle, audit, LoginThrottleFilter.Door.API);
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/**").hasRole(Role.VIEWER.name())
                        .anyRequest().hasRole(Role.OPERATOR.name()))
                .httpBasic(b -> b.authenticationEntryPoint(jsonUnauthorized()))
                .addFilterBefore(new CrossSiteRequestFilter(), BasicAuthenticationFilter.class)
                .addFilterBefore(logins, BasicAuthenticationFilter.class)
                .addFilterBefore(new ApiTokenFilter(properties.serve().tokens()), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // no session cookie authenticates these requests and no browser is asked for a password it
                // would remember, so there is no token to check: CrossSiteRequestFilter refuses other sites
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(jsonUnauthorized()).accessDeniedHandler(jsonForbidden()))
                .headers(SecurityHeaders.api());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain ui(HttpSecurity http, LoginThrottle throttle, AuditLog audit) throws Exception {
        LoginThrottleFilter logins = new LoginThrottleFilter(throttle, audit, LoginThrottleFilter.Door.FORM);
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
        success.setDefaultTargetUrl("/");
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .anyRequest().hasRole(Role.VIEWER.name()))
                .addFilterBefore(logins, UsernamePasswordAuthenticationFilter.class)
                .formLogin(f -> f.loginPage("/login").permitAll()
                        .failureHandler(logins.formFailure())
                        .successHandler((request, response, authentication) -> {
                            logins.formSuccess(authentication.getName());
                            success.onAuthenticationSuccess(request, response, authentication);
                        }))
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .headers(SecurityHeaders.ui());
        return http.build();
    }

    /**
     * 401 without a basic challenge: a browser that saw one would remember the password and send it
     * with any request another site makes it send. Scripts send basic credentials unasked.
     */
    private static AuthenticationEntryPoint jsonUnauthorized() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"ace\"");
            JsonRefusal.write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized",
                    "log in with HTTP basic or an 'Authorization: Bearer' token");
        };
    }

    private static AccessDeniedHandler jsonForbidden() {
        return (request, response, e) -> JsonRefusal.write(response, HttpServletResponse.SC_FORBIDDEN, "forbidden",
                "your role does not allow this");
    }
}
