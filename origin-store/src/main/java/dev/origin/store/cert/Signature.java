package dev.origin.store.cert;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The signature block: USMCA Annex 5-A element 9 (authorized signature and date, with the certifier's
 * statement); CBP Form 434 field 11 (a-g: signature, company, name, title, date, telephone, e-mail).
 * Origin records who signs and when; the handwritten or electronic signature itself is applied to the document.
 */
public record Signature(String name, String title, String company, LocalDate date, String telephone, String email) {
    public Signature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(date, "date");
        title = title == null ? "" : title;
        company = company == null ? "" : company;
        telephone = telephone == null ? "" : telephone;
        email = email == null ? "" : email;
    }
}
