package dev.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.origin.core.model.Good;
import dev.origin.io.CaseFileReader;
import dev.origin.io.catalog.CatalogCsv;
import dev.origin.io.catalog.CatalogParquet;
import dev.origin.io.catalog.CatalogTables;
import dev.origin.store.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code origin generate} and {@code origin bench} on tiny catalogs (bench: results and consistency only, never times). */
class GenerateBenchCommandTest {
    @TempDir Path dir;

    @Test
    void generateWritesTheSameCatalogInEveryFormat() throws Exception {
        String[] common = {"generate", "--goods", "25", "--fan-out", "4", "--depth", "2", "--unknown", "0.2", "--seed", "9"};
        CliTest.Result json = CliTest.run(concat(common, "--format", "json"));
        assertThat(json.exit()).isZero();
        List<Good> goods = CaseFileReader.read(json.out(), "gen.json", false);
        assertThat(goods).hasSize(25);
        assertThat(goods.get(0).materials()).hasSize(4);

        assertThat(CliTest.run(concat(common, "--format", "ndjson", "--out", dir.resolve("gen.ndjson").toString())).exit()).isZero();
        assertThat(Files.readAllLines(dir.resolve("gen.ndjson"))).hasSize(25);
        assertThat(CliTest.run(concat(common, "--format", "csv", "--out", dir.resolve("csv").toString())).err()).contains("25 goods, 300 lines");
        var fromCsv = CatalogTables.toGoods(CatalogCsv.read(dir.resolve("csv")), "goods.csv", "lines.csv");
        assertThat(fromCsv.problems()).isEmpty();
        assertThat(fromCsv.goods()).isEqualTo(goods);
        assertThat(CliTest.run(concat(common, "--format", "parquet", "--out", dir.resolve("pq").toString())).exit()).isZero();
        assertThat(CatalogTables.toGoods(CatalogParquet.read(dir.resolve("pq")), "goods", "lines").goods()).isEqualTo(goods);
    }

    @Test
    void generateRefusesBadSettingsWithACode() {
        CliTest.Result r = CliTest.run("generate", "--format", "xml");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("BAD_VALUE").contains("`xml`");
        r = CliTest.run("generate", "--hs-mix", "tyres=1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("`tyres` is not a product family");
        r = CliTest.run("generate", "--format", "csv");
        assertThat(r.err()).contains("MISSING_FIELD").contains("--out");
    }

    @Test
    void benchMatchesDuckDbAndPostgresOnATinyCatalog() throws Exception {
        boolean pg = LocalPostgres.unavailableReason().isEmpty();
        CliTest.Result r = pg ? CliTest.run("bench", "--lines", "3000", "--repeats", "1", "--quiet")
                : CliTest.run("bench", "--lines", "3000", "--repeats", "1", "--quiet", "--no-postgres");
        JsonNode j = CliTest.JSON.readTree(r.out());
        assertThat(j.get("matched").asBoolean()).as(r.err()).isTrue();
        assertThat(r.exit()).isZero();
        assertThat(j.get("lines").asLong()).isEqualTo(3000);
        assertThat(j.get("goods").asLong()).isEqualTo(150);
        assertThat(j.get("duckdbMatched").asBoolean()).isTrue();
        assertThat(j.get("incrementalMatchesFull").asBoolean()).isTrue();
        if (pg) assertThat(j.get("postgresMatched").asBoolean()).isTrue();
        else assertThat(j.get("postgresNote").asText()).isNotBlank();
        assertThat(j.get("originating").asLong() + j.get("nonOriginating").asLong() + j.get("undetermined").asLong() + j.get("errors").asLong())
                .isEqualTo(150);
        for (String k : List.of("originLinesPerSecond", "duckdbLinesPerSecond", "postgresLinesPerSecond", "incrementalMillis", "fullMillis", "heapBytes",
                "incrementalP99Millis", "incrementalMaxMillis", "incrementalCpuMaxMillis", "incrementalMaxBytesAllocated", "incrementalCollections"))
            assertThat(j.has(k)).as(k).isTrue();
        // the incremental figures are quantiles of the same 1,000 changes
        assertThat(j.get("incrementalChanges").asInt()).isEqualTo(1000);
        assertThat(j.get("incrementalMillis").asDouble()).isLessThanOrEqualTo(j.get("incrementalP99Millis").asDouble());
        assertThat(j.get("incrementalP99Millis").asDouble()).isLessThanOrEqualTo(j.get("incrementalMaxMillis").asDouble());
    }

    @Test
    void benchRefusesAnUnknownWorkload() {
        CliTest.Result r = CliTest.run("bench", "--workload", "huge");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("BAD_VALUE").contains("`huge`");
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
