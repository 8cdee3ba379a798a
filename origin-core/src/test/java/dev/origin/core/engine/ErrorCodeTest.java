package dev.origin.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The error catalogue: well-formed templates, and arguments that must match their placeholders. */
class ErrorCodeTest {

    static Stream<ErrorTemplate> templates() {
        List<ErrorTemplate> all = new ArrayList<>(List.of(ErrorCode.values()));
        all.addAll(List.of(ErrorCode.Variant.values()));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyTemplateIsOneSentenceWithWellFormedPlaceholders(ErrorTemplate t) {
        String withoutPlaceholders = ErrorTemplate.PLACEHOLDER.matcher(t.template()).replaceAll("x");
        assertThat(withoutPlaceholders).as("braces outside {name} placeholders").doesNotContain("{", "}");
        assertThat(t.template()).as("no Java type names").doesNotContainPattern("\\b(Exception|BigDecimal|String|null)\\b");
        if (t != ErrorCode.RULE_SYNTAX) assertThat(t.template()).as("a sentence").matches("[A-Z`{].*[.?]");
        Object[] args = t.placeholders().stream().map(n -> "<" + n + ">").toArray();
        String filled = t.message(args);
        assertThat(filled).doesNotContain("{");
        for (String n : t.placeholders()) assertThat(filled).contains("<" + n + ">");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void aMissingOrExtraArgumentIsAProgrammingError(ErrorTemplate t) {
        int n = t.placeholders().size();
        assertThatThrownBy(() -> t.message(new Object[n + 1])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(t.toString()).hasMessageContaining("takes " + n);
        if (n > 0) {
            assertThatThrownBy(() -> t.message(new Object[n - 1])).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void placeholdersAreFilledInOrderOfFirstAppearanceAndAmountsInPlainNotation() {
        assertThat(ErrorCode.SHIPPING_EXCEEDS_VALUE.placeholders()).containsExactly("shipping", "value");
        assertThat(ErrorCode.SHIPPING_EXCEEDS_VALUE.message(new BigDecimal("1E+2"), new BigDecimal("3.15")))
                .isEqualTo("International shipping `100` exceeds the transaction value `3.15`.");
        assertThat(ErrorCode.MISSING_VALUE.message("m1/$sub\\x")).isEqualTo("Material `m1/$sub\\x` has no value.");
    }

    @Test
    void aDiagnosticOfTheCatalogueCarriesTheCodeNameAndTheTemplatesSeverity() {
        Diagnostic d = Diagnostic.of(ErrorCode.MISSING_VALUE, "A-1", "m1", "m1");
        assertThat(d).isEqualTo(new Diagnostic(Diagnostic.Severity.ERROR, "MISSING_VALUE", "Material `m1` has no value.", "A-1", "m1"));
        Diagnostic w = Diagnostic.of(ErrorCode.Variant.INTERMEDIATE_WITHOUT_RULE, "A-1", "m1", "m1", "8708.40", "usmca");
        assertThat(w.code()).isEqualTo("NO_RULE");
        assertThat(w.severity()).isEqualTo(Diagnostic.Severity.WARNING);
        assertThat(Diagnostic.of(ErrorCode.MISSING_COST, "A-1", "costs", "A-1", "cost sheet (net cost)", "psr.rvc").severity())
                .isEqualTo(Diagnostic.Severity.WARNING);
        assertThat(d.withSeverity(Diagnostic.Severity.WARNING).isError()).isFalse();
    }

    @Test
    void theCodesTheEngineRewriteNeedsAreThere() {
        assertThat(ErrorCode.MISSING_FACTS.placeholders()).containsExactly("requirement", "facts");
        assertThat(ErrorCode.MISSING_FACTS.severity()).isEqualTo(Diagnostic.Severity.WARNING);
        assertThat(ErrorCode.HEAVY_DUTY_ROLE_DESIGNATION.severity()).isEqualTo(Diagnostic.Severity.WARNING);
        assertThat(ErrorCode.PARTS_RULE_NOT_APPLICABLE.severity()).isEqualTo(Diagnostic.Severity.INFO);
        for (ErrorCode c : List.of(ErrorCode.MISSING_COST, ErrorCode.MISSING_TRANSACTION_VALUE, ErrorCode.MISSING_CORE_PARTS,
                ErrorCode.MISSING_LABOUR_DATA, ErrorCode.MISSING_PURCHASES)) {
            assertThat(c.severity()).as(c.name()).isEqualTo(Diagnostic.Severity.WARNING);
        }
    }
}
