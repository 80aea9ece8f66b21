package cn.mingjie.web.layers;

import cn.mingjie.web.support.ProblemWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, on the map endpoints, the parameters through which map servers have been attacked:
 * JSONP callbacks (script injection and cross-site data theft) and remote or inline SLD (server-side
 * requests, XXE). A 400 problem document names the parameter.
 */
@Component
public class LayerRequestGuard extends OncePerRequestFilter {

    private static final List<String> GUARDED = List.of("/tiles/", "/ogc", "/api/v1/layers");
    private static final Set<String> JSONP = Set.of("callback", "jsonp", "jsonpcallback", "format_options");
    private static final Set<String> REMOTE_STYLE = Set.of("sld", "sld_body", "style_url", "styleurl");

    private final ProblemWriter problems;
    private final ObjectMapper json;

    public LayerRequestGuard(ProblemWriter problems, ObjectMapper json) {
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return GUARDED.stream().noneMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String name : request.getParameterMap().keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (JSONP.contains(lower)) {
                refuse(request, response, name, "error.parameter.jsonp");
                return;
            }
            if (REMOTE_STYLE.contains(lower)) {
                refuse(request, response, name, "error.parameter.remote-sld");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String parameter, String key)
            throws IOException {
        ProblemDetail problem = problems.problem(request, HttpStatus.BAD_REQUEST, key, parameter);
        problem.setProperty("errors", List.of(Map.of("field", parameter, "message", problem.getDetail())));
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
