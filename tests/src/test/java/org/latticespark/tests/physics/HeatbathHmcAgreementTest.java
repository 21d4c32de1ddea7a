package org.latticespark.tests.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latticespark.analysis.GammaResult;
import org.latticespark.generation.ChainConfig;
import org.latticespark.generation.hmc.Integrator;

/** Two independent exact algorithms sample the same distribution: their plaquettes agree within errors. */
class HeatbathHmcAgreementTest {
    private static ChainConfig.Builder su3() {
        return ChainConfig.builder().ensemble("su3").group("SU3").extents(4, 4, 4, 4).beta(5.7).start(ChainConfig.Start.HOT)
                .seed(31).chains(2).thermalization(30).saveEvery(10).configurations(20);
    }

    @Test
    void su3PlaquetteAgreesBetweenHeatbathAndHmc() {
        GammaResult hb = new ChainSeries(su3().algorithm(ChainConfig.Algorithm.HEATBATH).overrelaxation(3).build()).plaquette();
        ChainSeries hmcSeries = new ChainSeries(su3().algorithm(ChainConfig.Algorithm.HMC).integrator(Integrator.OMELYAN)
                .steps(8).trajectoryLength(1.0).build());
        GammaResult hmc = hmcSeries.plaquette();
        ChainSeries.report("SU3 4^4 beta=5.7 heatbath plaquette", hb, hmc.value());
        ChainSeries.report("SU3 4^4 beta=5.7 HMC plaquette", hmc, hb.value());
        ChainSeries.report("SU3 4^4 beta=5.7 HMC acceptance", hmcSeries.acceptance(), Double.NaN);
        double pull = ChainSeries.pull(hb.value(), hb.error(), hmc.value(), hmc.error());
        assertTrue(pull < 4, "heatbath " + hb.value() + " ± " + hb.error() + " vs HMC " + hmc.value() + " ± " + hmc.error());
        assertTrue(hb.error() < 3e-3 && hmc.error() < 3e-3, "errors small enough for a meaningful test");
        assertTrue(hmcSeries.acceptance().value() > 0.7, "acceptance " + hmcSeries.acceptance().value());
    }

    /** Creutz's relation ⟨e^{−ΔH}⟩ = 1, tested where ΔH is large enough to matter (acceptance ~80 %). */
    @Test
    void expMinusDeltaHAveragesToOne() {
        ChainSeries s = new ChainSeries(ChainConfig.builder().ensemble("su2").group("SU2").extents(4, 4, 4, 4).beta(2.3)
                .algorithm(ChainConfig.Algorithm.HMC).integrator(Integrator.LEAPFROG).steps(8).trajectoryLength(1.0)
                .start(ChainConfig.Start.HOT).seed(5).chains(2).thermalization(50).saveEvery(50).configurations(16).build());
        GammaResult e = s.expMinusDeltaH();
        GammaResult acc = s.acceptance();
        ChainSeries.report("SU2 4^4 beta=2.3 leapfrog <exp(-dH)>", e, 1.0);
        ChainSeries.report("SU2 4^4 beta=2.3 leapfrog acceptance", acc, Double.NaN);
        assertTrue(acc.value() < 0.9, "the test needs sizeable ΔH, acceptance " + acc.value());
        assertEquals(1.0, e.value(), 4 * e.error(), "<exp(-dH)> = " + e.value() + " ± " + e.error());
        assertTrue(e.error() < 0.03, "error " + e.error());
    }

    /**
     * Strong coupling: for one plaquette ⟨(1/N) Re tr U⟩ = β/(2N²) + β²/(8N³) + O(β⁴) in SU(3) (the third
     * cumulant ⟨(Re tr U)³⟩ = 1/4, the fourth vanishes); in 4d, corrections from closed surfaces start
     * far beyond the precision reached here.
     */
    @Test
    void su3StrongCouplingPlaquette() {
        double beta = 0.5;
        double expected = beta / 18 + beta * beta / 216;
        GammaResult hb = new ChainSeries(su3().beta(beta).algorithm(ChainConfig.Algorithm.HEATBATH).overrelaxation(0)
                .thermalization(10).configurations(30).build()).plaquette();
        ChainSeries.report("SU3 4^4 beta=0.5 heatbath plaquette (strong coupling)", hb, expected);
        assertEquals(expected, hb.value(), 4 * hb.error(), "plaquette " + hb.value() + " ± " + hb.error());
        assertTrue(hb.error() < 1e-3);
    }
}
