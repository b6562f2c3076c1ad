package io.ace.web.ui;

import io.ace.web.ServeOnly;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Who is logged in, for the header of every page. */
@ServeOnly
@ControllerAdvice(basePackageClasses = CurrentUser.class)
class CurrentUser {

    record User(String name, String roles) {
    }

    @ModelAttribute("user")
    User user(Authentication who) {
        if (who == null) {
            return null;
        }
        // roles only: other authorities (such as the factor a login proved, FACTOR_PASSWORD) mean nothing to the reader
        List<String> roles = who.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length())).toList();
        return new User(who.getName(), String.join(", ", roles));
    }
}
