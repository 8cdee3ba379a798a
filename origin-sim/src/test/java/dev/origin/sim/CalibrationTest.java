package dev.origin.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.io.TariffReader;
import dev.origin.io.fleet.FleetReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The calibration is re-run here (bisection of each documentation cost on its calibration target, price-volume
 * feedback on, as {@code origin backtest} runs): the values the backtest uses are the fit's, inside their admitted
 * range, fitted on calibration targets only.
 */
class CalibrationTest {
    static List<Calibration.Fit> fits;

    @BeforeAll
    static void fit() {
        fits = Calibration.fit(FleetReader.sample(), Simulator.Settings.defaults(LocalDate.of(2023, 7, 1), TariffReader.builtIn()));
    }

    @Test
    void theBacktestUsesTheFittedValues() {
        Backtest.Assumptions fitted = Calibration.assumptions(fits);
        Backtest.Assumptions used = Backtest.Assumptions.calibrated();
        assertThat(used.documentationNafta()).as("NAFTA").isEqualByComparingTo(fitted.documentationNafta());
        assertThat(used.documentationUsmca()).as("USMCA").isEqualByComparingTo(fitted.documentationUsmca());
    }

    @Test
    void onlyCalibrationTargetsAreFittedAndEachValueIsInItsRange() {
        assertThat(fits).hasSize(2);
        for (Calibration.Fit f : fits) {
            assertThat(f.target().heldOut()).as(f.parameter()).isFalse();
            assertThat(f.value()).isBetween(Calibration.LOW, Calibration.HIGH);
            // the range could reach the observed figure, and the fit reproduces it to within 0.05 point
            assertThat(new BigDecimal(f.target().observed())).isBetween(f.atLow(), f.atHigh());
            assertThat(f.predicted().subtract(new BigDecimal(f.target().observed())).abs()).isLessThanOrEqualTo(new BigDecimal("0.05"));
        }
        assertThat(fits.get(0).target().year()).isEqualTo(2019);
        assertThat(fits.get(1).target().year()).isEqualTo(2023);
    }
}
