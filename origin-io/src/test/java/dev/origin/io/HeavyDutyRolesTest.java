package dev.origin.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Diagnostic;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.model.HeavyDutyRole;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Heavy-duty roles (SOR/94-14 s.7(4), s.10(9)(a), s.10(1)): a self-produced sub-component, component or
 * component assembly of a heavy-duty good cannot be designated an intermediate material; a listed material can
 * (s.10(10) Example 5). Figures as in conformance/nafta/s10-10-ex08-self-produced-sub-component.json.
 */
class HeavyDutyRolesTest {
    private static final LocalDate DATE = LocalDate.of(2003, 6, 30);

    private static String engine(String role) {
        return """
                {"goods": [{"id": "engine", "hs": "8408.20", "producer": {"country": "US"}, "vehicle": "heavy-truck",
                  "fiscalYearStart": "01-01", "costs": {"originatingMaterials": "1400.00", "otherProductCosts": "2000.00"},
                  "materials": [{"id": "assembly", "hs": "8409.99", "selfProduced": true, "intermediate": true ROLE, "costs": {},
                    "materials": [{"id": "cast-head", "hs": "8409.91", "value": "100.00", "origin": "originating", "country": "US"},
                                  {"id": "valve-train", "hs": "8481.80", "value": "500.00", "origin": "non-originating", "country": "JP"}],
                    "rule": "CTH"}]}]}
                """.replace("ROLE", role == null ? "" : ", \"heavyDuty\": \"" + role + "\"");
    }

    private static Determination evaluate(String json) throws InputException {
        var good = CaseFileReader.read(json, "engine.json", false).get(0);
        return Evaluator.of(RulePackReader.load("nafta", Map.of())).evaluate(good, DATE);
    }

    @Test
    void aSubComponentOrComponentAssemblyCannotBeDesignatedAndItsOwnMaterialsCount() throws InputException {
        for (HeavyDutyRole role : new HeavyDutyRole[] {HeavyDutyRole.SUB_COMPONENT, HeavyDutyRole.COMPONENT_ASSEMBLY, HeavyDutyRole.COMPONENT}) {
            Determination d = evaluate(engine(role.label()));
            assertThat(d.vnm()).as(role.label()).isEqualByComparingTo("500.00"); // the imported valve train, s.10(1)(c)
            assertThat(d.rvc().value()).isEqualByComparingTo("87.5");
            assertThat(d.diagnostics()).extracting(Diagnostic::code).contains("HEAVY_DUTY_ROLE_DESIGNATION");
            assertThat(d.diagnostics()).filteredOn(x -> x.code().equals("HEAVY_DUTY_ROLE_DESIGNATION"))
                    .allMatch(x -> !x.isError() && x.message().contains("s.7(4)") && x.path().equals("assembly"));
        }
    }

    @Test
    void aListedMaterialOrALineWithoutARoleMayBeDesignated() throws InputException {
        for (String role : new String[] {"listed-material", null}) {
            Determination d = evaluate(engine(role));
            assertThat(d.vnm()).as(String.valueOf(role)).isEqualByComparingTo("0"); // designated and originating (CTH)
            assertThat(d.diagnostics()).extracting(Diagnostic::code).doesNotContain("HEAVY_DUTY_ROLE_DESIGNATION");
        }
    }

    @Test
    void aBadRoleIsALocatedError() {
        try {
            evaluate(engine("gearbox"));
            throw new AssertionError("expected an input error");
        } catch (InputException e) {
            assertThat(e.problems()).anySatisfy(p -> {
                assertThat(p.code()).isEqualTo("BAD_VALUE");
                assertThat(p.path()).endsWith("heavyDuty");
                assertThat(p.line()).isGreaterThan(0);
            });
        }
    }
}
