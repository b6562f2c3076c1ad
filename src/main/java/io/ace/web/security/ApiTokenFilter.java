package io.ace.web.security;

import io.ace.config.AceProperties;
import io.ace.difffile.Sha256;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer TOKEN} for schedulers and scripts: the token's sha256 is looked up
 * among the configured ones, so the configuration never holds a usable secret.
 */
public final class ApiTokenFilter extends OncePerRequestFilter {

    private final Map<String, AceProperties.Token> tokens;

    public ApiTokenFilter(Map<String, AceProperties.Token> tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            byte[] given = Sha256.ofText(header.substring(7).strip()).getBytes(StandardCharsets.US_ASCII);
            for (Map.Entry<String, AceProperties.Token> t : tokens.entrySet()) {
                String expected = t.getValue().sha256();
                if (expected != null && MessageDigest.isEqual(given, expected.toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
                    var auth = new UsernamePasswordAuthenticationToken("token:" + t.getKey(), null,
                            List.of(new SimpleGrantedAuthority(t.getValue().role().authority())));
                    SecurityContextHolder.getContext().setAuthentication(auth);
                    break;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
