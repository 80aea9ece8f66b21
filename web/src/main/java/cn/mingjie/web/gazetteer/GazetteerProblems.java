package cn.mingjie.web.gazetteer;

import cn.mingjie.gazetteer.InvalidTransitionException;
import cn.mingjie.web.support.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A workflow step the case's state does not allow is a conflict with that state: 409 problem+json. */
@RestControllerAdvice
public class GazetteerProblems {

    private final ProblemWriter problems;

    public GazetteerProblems(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler(InvalidTransitionException.class)
    ProblemDetail invalidTransition(InvalidTransitionException e, HttpServletRequest request) {
        return problems.problem(request, HttpStatus.CONFLICT, e.messageKey(), e.args());
    }
}
