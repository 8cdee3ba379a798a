package dev.origin.store.cert;

import java.util.List;

/** One numbered element or field of a certificate, as printed: its number, title and lines of content. */
public record DataElement(String number, String title, List<String> lines) {
    public DataElement {
        lines = List.copyOf(lines);
    }
}
