package dev.origin.store;

import dev.origin.core.engine.ErrorTemplate;

/**
 * A workflow of the workspace (certify, requalify, chase, expiring) refused its input: a stable code of the
 * catalogue ({@code ErrorCode}) and one sentence naming the value at fault. Nothing was written.
 */
public final class WorkflowException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    public WorkflowException(ErrorTemplate template, Object... args) {
        super(template.message(args));
        this.code = template.code().name();
    }

    /** The stable code, e.g. {@code NOT_ORIGINATING}. */
    public String code() { return code; }
}
