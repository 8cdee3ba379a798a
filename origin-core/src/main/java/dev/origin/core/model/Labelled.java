package dev.origin.core.model;

import java.util.Arrays;
import java.util.List;

/** Vocabulary named by a word in case files and rule packs ({@code heavy-truck}, {@code panel-2023}). */
public interface Labelled {
    /** The word, e.g. {@code heavy-truck}. */
    String label();

    /** The constant of {@code type} named by {@code word}, or null when none is. */
    static <E extends Enum<E> & Labelled> E parse(Class<E> type, String word) {
        for (E v : type.getEnumConstants()) if (v.label().equals(word)) return v;
        return null;
    }

    /** Every word of {@code type}, in declaration order. */
    static <E extends Enum<E> & Labelled> List<String> labels(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Labelled::label).toList();
    }
}
