package news.moderation.service.rulesets;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.List;
import java.util.Map;

/** A request field out of place; rendered as problem+json naming the field. */
final class InvalidRequest extends ErrorResponseException {

    InvalidRequest(String field, String reason) {
        super(HttpStatus.BAD_REQUEST, problem(field, reason), null);
    }

    private static ProblemDetail problem(String field, String reason) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " " + reason);
        problem.setProperty("errors", List.of(Map.of("field", field, "reason", reason)));
        return problem;
    }
}
