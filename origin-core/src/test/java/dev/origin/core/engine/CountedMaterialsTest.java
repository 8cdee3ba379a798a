package dev.origin.core.engine;

import static dev.origin.core.engine.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.core.model.Material;
import dev.origin.core.model.Origin;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "A change to subheading 8458.11 from any other heading, except from more than one of the following: — subheadings
 * 8413.50 through 8413.60, — tariff item No. 8466.93.10, — subheading 8501.32 or 8501.52, — subheading 8537.10"
 * (SOR/94-14 Sch. I): non-originating materials of the listed provisions may be used as long as they come from no
 * more than one of the entries; an entry naming a range or several provisions counts once.
 */
class CountedMaterialsTest {
    static final String LATHE = "CTH except from more than one of [8413.50, 8413.60], [8466.93.10], [8501.32, 8501.52], [8537.10]";

    final Evaluator nafta = Evaluator.of(naftaLike());

    static Material non(String id, String hs, String value) {
        return mat(id, hs, value, Origin.NON_ORIGINATING);
    }

    static Finding shift(Determination det) {
        return det.findings().stream().filter(r -> r.kind().label().equals("tariff-shift")).findFirst().orElseThrow();
    }

    static List<String> labels(TraceNode t) {
        List<String> out = new ArrayList<>();
        if (t == null) return out;
        out.add(t.label());
        for (TraceNode c : t.children()) out.addAll(labels(c));
        return out;
    }

    @Test
    void materialsOfOneEntryPass() {
        // two pumps of the entry "subheadings 8413.50 through 8413.60" count as one entry
        var g = good("8458.11", "1000.00", null, List.of(non("pump", "8413.50", "100.00"), non("coolant pump", "8413.60", "50.00"),
                non("bed", "7325.99", "200.00")), LATHE);
        Determination det = nafta.evaluate(g, DATE, true);
        assertThat(det.status()).isEqualTo(Status.ORIGINATING);
        assertThat(shift(det).met()).isTrue();
        assertThat(labels(det.trace())).anyMatch(l -> l.startsWith("Non-originating materials of only one of the entries"));
        // so do the two subheadings of "subheading 8501.32 or 8501.52"
        var motors = good("8458.11", "1000.00", null, List.of(non("dc motor", "8501.32", "100.00"), non("ac motor", "8501.52", "100.00")), LATHE);
        assertThat(nafta.evaluate(motors, DATE).status()).isEqualTo(Status.ORIGINATING);
        // materials under no entry are not counted
        var other = good("8458.11", "1000.00", null, List.of(non("controller", "8537.10", "100.00"), non("bearing", "8482.10", "100.00")), LATHE);
        assertThat(nafta.evaluate(other, DATE).status()).isEqualTo(Status.ORIGINATING);
    }

    @Test
    void materialsOfTwoEntriesFailTheShift() {
        var g = good("8458.11", "1000.00", null, List.of(non("pump", "8413.50", "100.00"), non("controller", "8537.10", "150.00"),
                non("bed", "7325.99", "200.00")), LATHE);
        Determination det = nafta.evaluate(g, DATE, true);
        assertThat(det.status()).isEqualTo(Status.NON_ORIGINATING);
        // every counted material fails (25 % of the transaction value, beyond de minimis); the bed still changes heading
        assertThat(shift(det).met()).isFalse();
        assertThat(shift(det).note()).isEqualTo("not met by materials worth 250.00");
        assertThat(labels(det.trace())).anyMatch(l -> l.startsWith("Non-originating materials of more than one of the entries"
                + " [8413.50, 8413.60], [8466.93.10], [8501.32, 8501.52], [8537.10]: `"));
        // originating materials of a second entry are not counted
        var originating = good("8458.11", "1000.00", null, List.of(non("pump", "8413.50", "100.00"),
                mat("controller", "8537.10", "150.00", Origin.ORIGINATING)), LATHE);
        assertThat(nafta.evaluate(originating, DATE).status()).isEqualTo(Status.ORIGINATING);
    }

    @Test
    void deMinimisRescuesCountedMaterialsWithinTheLimit() {
        // 30 + 40 = 70 = 7 % of the transaction value: within the NAFTA de minimis of 7 %
        var g = good("8458.11", "1000.00", null, List.of(non("pump", "8413.50", "30.00"), non("controller", "8537.10", "40.00"),
                non("bed", "7325.99", "200.00")), LATHE);
        Determination det = nafta.evaluate(g, DATE);
        assertThat(det.status()).isEqualTo(Status.ORIGINATING);
        assertThat(shift(det).met()).isFalse();
        assertThat(det.findings()).filteredOn(r -> r.kind().label().equals("de-minimis")).extracting(Finding::met).containsExactly(true);
        // 30 + 41 = 7.1 %: beyond it
        var over = good("8458.11", "1000.00", null, List.of(non("pump", "8413.50", "30.00"), non("controller", "8537.10", "41.00")), LATHE);
        assertThat(nafta.evaluate(over, DATE).status()).isEqualTo(Status.NON_ORIGINATING);
    }

    @Test
    void countedMaterialsMustStillChangeAsRequiredAndOtherExceptionsStillBar() {
        // 84.57: "from any other heading, except from heading 84.59 or more than one of the following: ..."
        String rule = "CTH except from 84.59 or more than one of [8413.50, 8413.60], [8466.93.10], [8501.32, 8501.52], [8537.10]";
        var g = good("8457.10", "1000.00", null, List.of(non("pump", "8413.50", "100.00"), non("head", "8459.10", "200.00")), rule);
        Determination det = nafta.evaluate(g, DATE);
        assertThat(det.status()).isEqualTo(Status.NON_ORIGINATING);
        assertThat(shift(det).note()).isEqualTo("not met by materials worth 200.00");
        // a material of the only entry used that does not change heading fails the level as before
        var same = good("8458.11", "1000.00", null, List.of(non("part", "8458.91", "300.00")),
                "CTH except from more than one of [8458.91], [8537.10]");
        assertThat(shift(nafta.evaluate(same, DATE)).note()).isEqualTo("not met by materials worth 300.00");
        // ... and still counts as an entry used: with a controller, both fail
        var both = good("8458.11", "1000.00", null, List.of(non("part", "8458.91", "300.00"), non("controller", "8537.10", "100.00")),
                "CTH except from more than one of [8458.91], [8537.10]");
        assertThat(shift(nafta.evaluate(both, DATE)).note()).isEqualTo("not met by materials worth 400.00");
    }
}
