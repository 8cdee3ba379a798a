package dev.origin.store.cert;

/** Who certifies the origin (USMCA Art. 5.2.1; Annex 5-A, element 1: "Importer, Exporter, or Producer Certification"). */
public enum CertifierRole {
    IMPORTER, EXPORTER, PRODUCER;

    /** The word used on the certification, e.g. {@code producer}. */
    public String word() { return name().toLowerCase(java.util.Locale.ROOT); }

    /** Parses {@code importer}, {@code exporter} or {@code producer} (any case); null when not one of them. */
    public static CertifierRole parse(String s) {
        if (s == null) return null;
        for (CertifierRole r : values()) if (r.name().equalsIgnoreCase(s.strip())) return r;
        return null;
    }
}
