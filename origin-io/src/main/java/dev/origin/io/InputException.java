package dev.origin.io;

import java.util.List;

/** Thrown when an input file is invalid; carries every problem found, each located. */
public final class InputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public InputException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid input" : problems.get(0).format());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() { return problems; }
}
