package io.ace.web.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What a browser may do with each answer: the UI runs only its own scripts and styles; a report
 * (whose text comes from the nodes' rows) runs nothing and loads nothing; an API answer is data.
 * None may be framed, sniffed as another type, or tell another site where it was opened from.
 */
final class SecurityHeaders {

    static final String UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    /** A report is one self-contained file with its style sheet inline; it has no script, and loads nothing a style could leak to. */
    static final String REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
            + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'; sandbox";
    static final String API_POLICY = "default-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

    private SecurityHeaders() {
    }

    static Customizer<HeadersConfigurer<HttpSecurity>> api() {
        return h -> common(h).contentSecurityPolicy(c -> c.policyDirectives(API_POLICY));
    }

    /** The UI's pages, and the reports it serves ({@code /reports/execution/ID/KIND}, {@code /reports/file}) with their own policy. */
    static Customizer<HeadersConfigurer<HttpSecurity>> ui() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher reports = new OrRequestMatcher(paths.matcher("/reports/execution/*/*"), paths.matcher("/reports/file"));
        return h -> common(h)
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(reports, new ContentSecurityPolicyHeaderWriter(REPORT_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(reports),
                        new ContentSecurityPolicyHeaderWriter(UI_POLICY)));
    }

    private static HeadersConfigurer<HttpSecurity> common(HeadersConfigurer<HttpSecurity> headers) {
        return headers.contentTypeOptions(Customizer.withDefaults())
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER));
    }
}
