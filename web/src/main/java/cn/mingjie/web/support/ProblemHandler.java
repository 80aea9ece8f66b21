package cn.mingjie.web.support;

import cn.mingjie.geocore.edit.FieldProblem;
import cn.mingjie.geocore.edit.NotFoundException;
import cn.mingjie.geocore.edit.ValidationException;
import cn.mingjie.geocore.edit.VersionConflictException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** The one place where domain exceptions become HTTP answers (problem+json, localized). */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private final ProblemWriter problems;

    public ProblemHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e, HttpServletRequest request) {
        Object[] args = e.args();
        args[0] = problems.message(request, "entity." + args[0]);
        return problems.problem(request, HttpStatus.NOT_FOUND, e.messageKey(), args);
    }

    @ExceptionHandler(ValidationException.class)
    ProblemDetail invalid(ValidationException e, HttpServletRequest request) {
        ProblemDetail problem = problems.problem(request, HttpStatus.BAD_REQUEST, e.messageKey(), e.args());
        List<Map<String, String>> errors = fieldErrors(e.problems(), request);
        problem.setDetail(problem.getDetail() + "："
                + String.join(
                        "；",
                        errors.stream()
                                .map(x -> x.get("field") + " — " + x.get("message"))
                                .toList()));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(VersionConflictException.class)
    ResponseEntity<ProblemDetail> conflict(VersionConflictException e, HttpServletRequest request) {
        Object[] args = e.args();
        args[0] = problems.message(request, "entity." + args[0]);
        ProblemDetail problem = problems.problem(request, HttpStatus.PRECONDITION_FAILED, e.messageKey(), args);
        problem.setProperty("currentVersion", e.currentVersion());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .header(HttpHeaders.ETAG, ETags.quote(e.currentVersion()))
                .body(problem);
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ProblemDetail preconditionRequired(PreconditionRequiredException e, HttpServletRequest request) {
        return problems.problem(request, HttpStatus.PRECONDITION_REQUIRED, "error.if-match.required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        ProblemDetail problem =
                problems.problem(request, HttpStatus.BAD_REQUEST, "error.parameter.invalid", e.getName(), e.getValue());
        problem.setProperty(
                "errors",
                List.of(Map.of(
                        "field", e.getName(),
                        "message", problems.message(request, "error.parameter.invalid", e.getName(), e.getValue()))));
        return problem;
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ProblemDetail missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return problems.problem(request, HttpStatus.BAD_REQUEST, "error.header.required", e.getHeaderName());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servlet = ((ServletWebRequest) request).getRequest();
        String detail = ex.getMostSpecificCause().getMessage();
        ProblemDetail problem =
                problems.problem(servlet, HttpStatus.BAD_REQUEST, "error.body.unreadable", firstLine(detail));
        return ResponseEntity.badRequest().body(problem);
    }

    private List<Map<String, String>> fieldErrors(List<FieldProblem> list, HttpServletRequest request) {
        return list.stream()
                .map(p -> Map.of("field", p.field(), "message", problems.message(request, p.messageKey(), p.args())))
                .toList();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
