package cn.mingjie.web.support;

import java.security.Principal;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in; also hands the page its CSRF cookie before it writes. */
@RestController
public class MeController {

    public record Me(String username, List<String> roles, boolean signedIn) {}

    @GetMapping("/api/v1/me")
    public Me me(Principal principal, Authentication authentication, CsrfToken csrf) {
        csrf.getToken(); // touching the deferred token makes Spring Security send the XSRF-TOKEN cookie
        if (principal == null || authentication == null) {
            return new Me(null, List.of(), false);
        }
        List<String> roles = authentication.getAuthorities().stream()
                .map(a -> a.getAuthority().replaceFirst("^ROLE_", ""))
                .toList();
        return new Me(principal.getName(), roles, true);
    }
}
