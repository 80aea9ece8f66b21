package cn.mingjie.web.config;

import cn.mingjie.web.support.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Reading is public; every write needs a signed-in user with the right role (checked on the
 * endpoint with {@code @PreAuthorize}). Browsers sign in with a form and send the CSRF cookie back as
 * a header; API clients use HTTP Basic, which is not exposed to CSRF.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityConfig.UsersProperties.class)
public class SecurityConfig {

    /** Roles used across the modules. */
    public static final List<String> ROLES =
            List.of("NAME_EDITOR", "NAME_APPROVER", "BOUNDARY_INSPECTOR", "PLANNER", "ADMIN");

    @ConfigurationProperties("mingjie.security")
    public record UsersProperties(List<UserEntry> users) {
        public record UserEntry(String username, String password, List<String> roles) {}
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemWriter problems) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET, "/api/v1/audit/**")
                        .authenticated()
                        .requestMatchers(HttpMethod.GET, "/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**")
                        .permitAll()
                        .requestMatchers("/login", "/logout")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(
                        (req, res, e) -> problems.write(req, res, HttpStatus.UNAUTHORIZED, "error.unauthorized")))
                .formLogin(form -> form.loginPage("/login.html")
                        .loginProcessingUrl("/login")
                        .defaultSuccessUrl("/", false)
                        .failureUrl("/login.html?error"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
                .requestCache(cache -> cache.requestCache(new SessionRequestCache()))
                .exceptionHandling(ex -> ex.authenticationEntryPoint((req, res, e) ->
                                problems.write(req, res, HttpStatus.UNAUTHORIZED, "error.unauthorized"))
                        .accessDeniedHandler((req, res, e) -> {
                            // A write without sign-in fails the CSRF check first; what it lacks is a sign-in.
                            boolean signedIn = req.getUserPrincipal() != null;
                            if (e instanceof CsrfException) {
                                problems.write(
                                        req,
                                        res,
                                        signedIn ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED,
                                        signedIn ? "error.csrf" : "error.unauthorized");
                            } else {
                                problems.write(req, res, HttpStatus.FORBIDDEN, "error.forbidden");
                            }
                        }))
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers(req -> req.getHeader("Authorization") != null));
        return http.build();
    }

    /**
     * The request saved before a sign-in lives in the session, so a request without a session has none to
     * match. The default looks for its {@code continue} parameter first, parsing the URL of every request
     * with a query string (~4 % of a search request's HTTP/Spring CPU samples).
     */
    static final class SessionRequestCache extends HttpSessionRequestCache {
        @Override
        public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
            return request.getSession(false) == null ? null : super.getMatchingRequest(request, response);
        }
    }

    /**
     * No Micrometer observations of the security filter chain: they wrapped each of its filters in an
     * observation on every request, read by no exposed endpoint (docs/search.md, "Spring HTTP path").
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Users come from configuration; the sample users are listed in README.md. */
    @Bean
    UserDetailsService users(UsersProperties properties, PasswordEncoder encoder) {
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
        for (UsersProperties.UserEntry u : properties.users()) {
            String password = u.password().startsWith("{") ? u.password() : encoder.encode(u.password());
            manager.createUser(User.withUsername(u.username())
                    .password(password)
                    .roles(u.roles().toArray(String[]::new))
                    .build());
        }
        return manager;
    }
}
