package io.ace.web.ui;

import io.ace.web.ServeOnly;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@ServeOnly
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
