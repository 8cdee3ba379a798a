package dev.origin.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.origin.core.model.Origin;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The columns: structure checks, changes and their dependent goods, and the kernel's exact percentage. */
class ColumnarCatalogTest {
    static ColumnarCatalog.Builder twoGoods() {
        return ColumnarCatalog.builder()
                .good("A", "870840", "MX", null, 10_000, 1_000, 0, null, null)
                .line("m1", -1, "848340", -1, null, null, true, false, 500, 0, -1)
                .line("m2", 0, "870899", 2_000, Origin.NON_ORIGINATING, "CN", false, false, -1, -1, 7)
                .line("m3", -1, "848310", 3_000, Origin.ORIGINATING, "US", false, false, -1, -1, 8)
                .good("B", "854430", "US", null, -1, 100, -1, null, null)
                .line("m1", -1, "740811", 4_000, Origin.UNKNOWN, "CA", false, false, -1, -1, 7);
    }

    @Test
    void goodsAreBuiltNestedAndChangesNameTheGoodsTheyTouch() {
        ColumnarCatalog c = twoGoods().build();
        assertThat(c.goods()).isEqualTo(2);
        assertThat(c.lines()).isEqualTo(4);
        var a = c.good(0);
        assertThat(a.materials()).extracting(m -> m.id()).containsExactly("m1", "m3");
        assertThat(a.materials().get(0).production().materials()).extracting(m -> m.value()).containsExactly(new BigDecimal("20.00"));
        assertThat(a.costs().nonMaterialCosts()).isEqualByComparingTo("10.00");
        assertThat(c.good(1).costs().nonMaterialCosts()).isEqualByComparingTo("1.00");
        assertThat(c.goodsOfDeclaration(7)).containsExactly(0, 1);
        assertThat(c.goodsOfDeclaration(8)).containsExactly(0);
        assertThat(c.setDeclarationOrigin(7, Origin.ORIGINATING)).containsExactly(0, 1);
        assertThat(c.origin(1)).isEqualTo(Origin.ORIGINATING);
        assertThat(c.origin(3)).isEqualTo(Origin.ORIGINATING);
        assertThat(c.setLineValue(3, 5)).containsExactly(1);
        assertThat(c.goodOfLine(2)).isZero();
        assertThat(c.goodOfLine(3)).isEqualTo(1);
    }

    @Test
    void aParentMustBeASelfProducedLineOfTheGoodWithoutCycles() {
        assertThatThrownBy(() -> ColumnarCatalog.builder().good("A", "870840", "MX", null, -1, 0, 0, null, null)
                .line("m1", -1, "848310", 100, Origin.ORIGINATING, null, false, false, -1, -1, -1)
                .line("m2", 0, "848310", 100, Origin.ORIGINATING, null, false, false, -1, -1, -1).build())
                .hasMessageContaining("`m2`");
        assertThatThrownBy(() -> ColumnarCatalog.builder().good("A", "870840", "MX", null, -1, 0, 0, null, null)
                .line("m1", 1, "848310", -1, null, null, true, false, 1, -1, -1)
                .line("m2", 0, "848310", -1, null, null, true, false, 1, -1, -1).build())
                .hasMessageContaining("own ancestor");
    }

    @Test
    void theKernelsPercentageIsTheEnginesTruncatedTenDecimals() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            long den = 1 + r.nextLong(900_000_000_000L);
            long num = (r.nextLong(2 * den) - den / 2) * 100;
            BigDecimal engine = BigDecimal.valueOf(num).divide(BigDecimal.valueOf(den), 10, RoundingMode.DOWN);
            assertThat(FastPath.percent(num, den)).as(num + " / " + den).isEqualTo(engine.movePointRight(10).longValueExact());
        }
    }
}
