package dev.origin.core.engine;

import dev.origin.core.engine.Diagnostic.Severity;
import java.util.ArrayList;
import java.util.List;

/** The problems found while evaluating one good, collected as data in order, without duplicates. */
final class Diagnostics {
    private final String good;
    private final List<Diagnostic> list = new ArrayList<>();

    Diagnostics(String good) { this.good = good; }

    void error(String code, String message, String path) {
        add(new Diagnostic(Severity.ERROR, code, message, good, path));
    }

    void warn(String code, String message, String path) {
        add(new Diagnostic(Severity.WARNING, code, message, good, path));
    }

    private void add(Diagnostic d) {
        if (!list.contains(d)) list.add(d);
    }

    List<Diagnostic> all() { return List.copyOf(list); }
}
