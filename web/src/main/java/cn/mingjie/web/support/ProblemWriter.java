package cn.mingjie.web.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/** Builds localized RFC 9457 problem documents, for the MVC layer and for security filters alike. */
@Component
public class ProblemWriter {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectMapper json;

    public ProblemWriter(MessageSource messages, LocaleResolver locales, ObjectMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    public ProblemDetail problem(HttpServletRequest request, HttpStatus status, String key, Object... args) {
        Locale locale = locales.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message(locale, key, args));
        problem.setType(URI.create("/problems/" + key.replaceFirst("^error\\.", "")));
        problem.setTitle(message(locale, key + ".title", status.getReasonPhrase()));
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    public String message(HttpServletRequest request, String key, Object... args) {
        return message(locales.resolveLocale(request), key, args);
    }

    private String message(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** For filters that answer before the MVC layer (401, 403). */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (status == HttpStatus.UNAUTHORIZED && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            // The challenge tells API clients to use Basic. The pages' scripts (X-Requested-With) get none: on a
            // Basic challenge the browser holds their request for its sign-in prompt, which a page never sees.
            response.setHeader("WWW-Authenticate", "Basic realm=\"mingjie\"");
        }
        json.writeValue(response.getOutputStream(), problem(request, status, key));
    }
}
