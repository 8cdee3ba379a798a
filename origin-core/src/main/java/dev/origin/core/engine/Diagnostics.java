package dev.origin.core.engine;

import java.util.ArrayList;
import java.util.List;

/** The problems found while evaluating one good, collected as data in order, without duplicates. */
final class Diagnostics {
    private final String good;
    private final List<Diagnostic> list = new ArrayList<>();

    Diagnostics(String good) { this.good = good; }

    void report(ErrorTemplate template, String path, Object... args) {
        add(Diagnostic.of(template, good, path, args));
    }

    private void add(Diagnostic d) {
        if (!list.contains(d)) list.add(d);
    }

    List<Diagnostic> all() { return List.copyOf(list); }
}
