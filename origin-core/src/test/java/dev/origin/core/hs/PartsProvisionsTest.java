package dev.origin.core.hs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The table of HS provisions that provide for both a good and its parts (criterion (d)), and the edition in force. */
class PartsProvisionsTest {

    static Optional<PartsProvisions.Provision> of(String code, HsEdition edition) {
        return PartsProvisions.forGood(HsCode.parse(code), edition);
    }

    @Test
    void aSubheadingForGoodAndPartsIsFound() {
        // the barbers' chairs of the worked example (SOR/94-14 s.5(13) and SOR/2020-155 s.5(15), Example 5)
        for (HsEdition e : HsEdition.values()) {
            assertThat(of("9402.10", e)).hasValueSatisfying(p -> {
                assertThat(p.code()).isEqualTo("940210");
                assertThat(p.description()).contains("barbers'").endsWith("and parts thereof").doesNotContain("[");
            });
            assertThat(of("9402.10.00.10", e)).as("national digits are ignored").map(PartsProvisions.Provision::code).contains("940210");
            assertThat(of("7320.10", e)).as("leaf-springs and leaves therefor (hand decision)").isPresent();
        }
    }

    @Test
    void goodsWithoutPartsAndPartsOnlyProvisionsAreNotFound() {
        for (HsEdition e : HsEdition.values()) {
            assertThat(of("9403.20", e)).as("other metal furniture: no parts named").isEmpty();
            assertThat(of("8708.29", e)).as("parts of bodies: parts only").isEmpty();
            assertThat(of("8708.10", e)).as("bumpers and parts thereof: a part and its parts (SOR/94-14 s.4(4)(b)(iii))").isEmpty();
            assertThat(of("8708.30", e)).isEmpty();
            assertThat(of("8409.91", e)).isEmpty();
            assertThat(of("8503.00", e)).as("undivided heading of parts only").isEmpty();
            assertThat(of("8703.23", e)).isEmpty();
            assertThat(of("9111.90", e)).as("parts of watch cases (hand decision)").isEmpty();
        }
        assertThat(of("9403.90", HsEdition.HS2017)).isEmpty();
        assertThat(of("9403.91", HsEdition.HS2022)).isEmpty();
    }

    @Test
    void anUndividedHeadingIsFoundByItsHeading() {
        for (HsEdition e : HsEdition.values()) {
            assertThat(of("8715.00", e)).hasValueSatisfying(p -> {
                assertThat(p.code()).isEqualTo("8715");
                assertThat(p.description()).isEqualTo("baby carriages, and parts thereof");
            });
            assertThat(of("8710.00.10", e)).map(PartsProvisions.Provision::code).contains("8710");
            assertThat(of("8213.00", e)).map(PartsProvisions.Provision::code).contains("8213");
            assertThat(PartsProvisions.all(e)).doesNotContainKeys("871500", "871000");
        }
    }

    @Test
    void editionsDiffer() {
        // HS 2022 folded copper chain (7419.10, "chain and parts thereof") into 7419.80 "articles n.e.c."
        assertThat(of("7419.10", HsEdition.HS2017)).map(PartsProvisions.Provision::description).contains("chain of copper, and parts thereof");
        assertThat(of("7419.10", HsEdition.HS2022)).isEmpty();
        assertThat(of("7419.80", HsEdition.HS2022)).isEmpty();
        assertThat(PartsProvisions.all(HsEdition.HS2017)).hasSize(74);
        assertThat(PartsProvisions.all(HsEdition.HS2022)).hasSize(73);
        assertThat(PartsProvisions.all(HsEdition.HS2017).keySet()).containsAll(PartsProvisions.all(HsEdition.HS2022).keySet());
    }

    @Test
    void theEditionInForceChangesOnTheFirstOfJanuary2022() {
        assertThat(HsEdition.inForce(LocalDate.of(2021, 12, 31))).isEqualTo(HsEdition.HS2017);
        assertThat(HsEdition.inForce(LocalDate.of(2022, 1, 1))).isEqualTo(HsEdition.HS2022);
        assertThat(HsEdition.inForce(LocalDate.of(2020, 7, 1))).isEqualTo(HsEdition.HS2017);
        assertThat(HsEdition.inForce(LocalDate.of(1994, 1, 1))).as("earlier editions are not modelled").isEqualTo(HsEdition.HS2017);
        assertThatThrownBy(() -> HsEdition.inForce(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void argumentsAndProvisionsAreChecked() {
        assertThatThrownBy(() -> PartsProvisions.forGood(null, HsEdition.HS2022)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> PartsProvisions.forGood(HsCode.parse("9402.10"), null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PartsProvisions.Provision("94021", "x")).hasMessageContaining("`94021`");
        assertThatThrownBy(() -> PartsProvisions.all(HsEdition.HS2022).put("1234", new PartsProvisions.Provision("1234", "x")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    static Map<HsEdition, Map<String, PartsProvisions.Provision>> parse(String text) throws Exception {
        return PartsProvisions.parse(new BufferedReader(new StringReader(text)));
    }

    @Test
    void theResourceFormatIsParsedStrictly() throws Exception {
        Map<HsEdition, Map<String, PartsProvisions.Provision>> t = parse("# comment\n\n940210\tHS2017,HS2022\tchairs, and parts thereof [text]\n"
                + "741910\tHS2017\tchain of copper, and parts thereof\n");
        assertThat(t.get(HsEdition.HS2022)).containsOnlyKeys("940210");
        assertThat(t.get(HsEdition.HS2017).get("940210").description()).isEqualTo("chairs, and parts thereof");
        assertThat(t.get(HsEdition.HS2017).get("741910").description()).isEqualTo("chain of copper, and parts thereof");
        assertThatThrownBy(() -> parse("940210 HS2017 chairs\n")).hasMessage("parts-provisions.txt:1: expected 3 tab-separated fields, found 1");
        assertThatThrownBy(() -> parse("#\n940210\tHS2012\tchairs\n")).hasMessage("parts-provisions.txt:2: `HS2012` is not an HS edition");
        assertThatThrownBy(() -> parse("94021\tHS2017\tchairs\n")).hasMessageContaining("parts-provisions.txt:1: `94021`");
        assertThatThrownBy(() -> parse("940210\tHS2017\ta\n940210\tHS2017\tb\n")).hasMessage("parts-provisions.txt:2: `940210` is listed twice for HS2017");
    }

    @Test
    void concurrentFirstUseSeesOneTable() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Optional<PartsProvisions.Provision>> task = () -> of("9617.00", HsEdition.HS2022);
            List<Future<Optional<PartsProvisions.Provision>>> fs = pool.invokeAll(List.of(task, task, task, task));
            for (Future<Optional<PartsProvisions.Provision>> f : fs) assertThat(f.get()).map(PartsProvisions.Provision::code).contains("9617");
        } finally {
            pool.shutdownNow();
        }
    }
}
