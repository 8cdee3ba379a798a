package dev.origin.store.cert;

import java.util.Objects;

/**
 * A person named on a certification of origin: the certifier, exporter, producer or importer.
 * USMCA Annex 5-A asks for the name, address (including country), telephone number and e-mail address;
 * CBP Form 434 also asked for a tax identification number (fields 1, 3 and 4).
 *
 * @param taxId the tax identification number (NAFTA Form 434 only), or null
 */
public record Party(String name, String address, String country, String telephone, String email, String taxId) {
    public Party {
        Objects.requireNonNull(name, "name");
        address = address == null ? "" : address;
        country = country == null ? "" : country;
        telephone = telephone == null ? "" : telephone;
        email = email == null ? "" : email;
    }

    /** A party without a tax identification number. */
    public static Party of(String name, String address, String country, String telephone, String email) {
        return new Party(name, address, country, telephone, email, null);
    }

    /** Name, address, country, telephone and e-mail on one line, the empty ones left out. */
    public String oneLine() {
        StringBuilder b = new StringBuilder(name);
        for (String s : new String[] {address, country, telephone, email}) {
            if (!s.isBlank()) b.append("; ").append(s);
        }
        return b.toString();
    }
}
