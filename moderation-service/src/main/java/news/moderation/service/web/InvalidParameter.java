package news.moderation.service.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.List;
import java.util.Map;

/**
 * A request parameter or body field out of range; rendered as problem+json naming the field.
 *
 * <pre>{@code
 * throw new InvalidParameter("limit", "must be from 1 to 200");
 * // 400 {"detail":"limit must be from 1 to 200","errors":[{"field":"limit","reason":"must be from 1 to 200"}]}
 * }</pre>
 */
public final class InvalidParameter extends ErrorResponseException {

    public InvalidParameter(String field, String reason) {
        super(HttpStatus.BAD_REQUEST, problem(field, reason), null);
    }

    private static ProblemDetail problem(String field, String reason) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " " + reason);
        problem.setProperty("errors", List.of(Map.of("field", field, "reason", reason)));
        return problem;
    }
}
