package dev.origin.io.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.origin.io.InputException;
import dev.origin.io.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetReaderTest {
    @Test
    void badFleetsGetLocatedErrorsAndNothingElse() {
        String yaml = """
                fleet: { id: bad }
                models:
                  - id: x
                    country: XX
                    class: passenger-vehicle
                    hs: "8703.23"
                    price: "10000.00"
                    assembly: { labour: "2000.00", overhead: "1000.00" }
                    volumes: { US: 10 }
                    parts:
                      - { id: engine, group: engine, hs: "8407.34", cost: "9000.00", country: JP,
                          alternatives: [ { country: MX, premium: -5 } ] }
                  - id: y
                    country: US
                    class: passenger-vehicle
                    hs: "8703.23"
                    price: "1000.00"
                    totalCost: "999.00"
                    assembly: { labour: "100.00", overhead: "100.00", period: "100.00" }
                    volumes: { US: 10 }
                    parts:
                      - { id: p, group: other, hs: "8708.99", cost: "1200.00", country: US }
                """;
        InputException e = catchThrowableOfType(InputException.class, () -> FleetReader.read(yaml, "bad.yaml", true));
        List<Problem> ps = e.problems();
        assertThat(ps).extracting(Problem::code).contains("UNKNOWN_COUNTRY", "MISSING_COST", "NEGATIVE_PREMIUM", "BOM_EXCEEDS_PRICE",
                "BOM_DOES_NOT_ADD_UP");
        Problem country = ps.stream().filter(p -> p.code().equals("UNKNOWN_COUNTRY")).findFirst().orElseThrow();
        assertThat(country.line()).isEqualTo(4);
        assertThat(country.message()).contains("`XX`");
        Problem premium = ps.stream().filter(p -> p.code().equals("NEGATIVE_PREMIUM")).findFirst().orElseThrow();
        assertThat(premium.path()).isEqualTo("models[0].parts[0].alternatives[0].premium");
    }

    static final String CSV = """
            model_id,maker,country,class,hs,price,labour,overhead,period,excluded,volumes,part_id,part_group,part_hs,part_cost,part_country,alt_countries,alt_premiums
            a,Test,MX,passenger-vehicle,8703.23,20000.00,2000.00,1000.00,1000.00,0.00,US:100000,engine,engine,8407.34,4000.00,JP,MX,5
            a,Test,MX,passenger-vehicle,8703.23,20000.00,2000.00,1000.00,1000.00,0.00,US:100000,body,body,8707.10,3000.00,MX,,
            """;

    @Test
    void theCsvFormReadsLikeTheYamlForm() throws Exception {
        var fleet = FleetReader.readCsv(CSV, "f.csv");
        assertThat(fleet.models()).hasSize(1);
        var m = fleet.models().get(0);
        assertThat(m.parts()).extracting(p -> p.id()).containsExactly("engine", "body");
        assertThat(m.parts().get(0).alternatives().get(0).country()).isEqualTo("MX");
        assertThat(m.volumes()).containsEntry("US", 100000L);
        assertThat(m.totalCost()).isEqualByComparingTo("11000.00");
    }

    @Test
    void csvProblemsPointAtTheCell() {
        InputException e = catchThrowableOfType(InputException.class,
                () -> FleetReader.readCsv(CSV.replace(",JP,MX,5", ",JQ,MX,-5"), "f.csv"));
        assertThat(e.problems()).extracting(Problem::code).contains("UNKNOWN_COUNTRY", "NEGATIVE_PREMIUM");
        Problem c = e.problems().stream().filter(p -> p.code().equals("UNKNOWN_COUNTRY")).findFirst().orElseThrow();
        assertThat(c.line()).isEqualTo(2);
        assertThat(c.column()).isEqualTo(16);
    }

    @Test
    void csvThatIsNotCsvIsReportedAtItsRowAndColumn() throws Exception {
        assertThat(FleetReader.readCsv("\uFEFF" + CSV, "f.csv").models()).as("a byte-order mark is dropped").hasSize(1);
        InputException e = catchThrowableOfType(InputException.class,
                () -> FleetReader.readCsv(CSV.replace(",JP,MX,5", ",\"JP,MX,5"), "f.csv"));
        assertThat(e.problems()).extracting(Problem::format)
                .containsExactly("f.csv:2:16: BAD_CSV: The quoted field opened here is never closed.");
    }
}
