package dev.origin.server;

import dev.origin.core.engine.ErrorCode;
import dev.origin.core.engine.ErrorTemplate;
import dev.origin.io.Problem;
import java.util.List;

/**
 * A request that cannot be served, with its HTTP status and every problem found, each with a stable code
 * of the catalogue ({@link ErrorCode}) and, for a problem of an uploaded file, its location. Rendered as
 * {@code {"errors": [...]}} in the shape of the command line's JSON output, never with a stack trace.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final transient List<Problem> problems;

    public ApiException(int status, List<Problem> problems) {
        super(problems.isEmpty() ? "status " + status : problems.get(0).format(), null, false, false);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    /** One problem of the request itself (not of a file): {@code where} is the parameter, field or path it concerns. */
    public static ApiException of(int status, String where, ErrorTemplate template, Object... args) {
        return new ApiException(status, List.of(new Problem(null, 0, 0, where, template.code().name(), template.message(args))));
    }

    public int status() { return status; }

    public List<Problem> problems() { return problems; }
}
