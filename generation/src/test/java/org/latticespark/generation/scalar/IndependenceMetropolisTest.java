package org.latticespark.generation.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latticespark.generation.UpdateRecord;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.scalar.Phi4Action;
import org.latticespark.lattice.scalar.ScalarField;

/**
 * The independence Metropolis–Hastings step (its random-number address, acceptance law and non-finite weights), the
 * Gaussian proposal's log density and draws, and the records of {@link IndependenceSampler}.
 */
class IndependenceMetropolisTest {
    private final RandomStream stream = new RandomStream(41, 3);
    private final IndependenceMetropolis metropolis = new IndependenceMetropolis(stream);

    @Test
    void decisionIsUniformBelowTheWeightRatioAtTheMetropolisAddress() {
        for (long index = 1; index <= 200; index++) {
            double u = stream.at(0, index, Purpose.of(Purpose.METROPOLIS, 0)).uniform();
            double logRatio = -2.0 + index * 0.01;
            assertEquals(u < StrictMath.exp(logRatio), metropolis.accept(index, 3.5 + logRatio, 3.5));
            assertTrue(metropolis.accept(index, -1.0, -1.0 - index), "a heavier proposal is always accepted");
        }
    }

    @Test
    void acceptanceRateIsTheWeightRatio() {
        int n = 40_000;
        double logRatio = -0.7;
        int accepted = 0;
        for (long index = 1; index <= n; index++) if (metropolis.accept(index, -10 + logRatio, -10)) accepted++;
        double p = Math.exp(logRatio);
        double error = Math.sqrt(p * (1 - p) / n);
        assertEquals(p, (double) accepted / n, 4 * error);
    }

    @Test
    void nonFiniteWeightsAndTheMissingFirstState() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertFalse(metropolis.accept(1, bad, 0.0), "proposal log w = " + bad);
            assertFalse(metropolis.accept(1, bad, IndependenceMetropolis.NO_STATE), "first proposal log w = " + bad);
            assertTrue(metropolis.accept(1, -1e6, bad), "a finite proposal replaces a current log w = " + bad);
        }
        assertTrue(metropolis.accept(1, -1e300, IndependenceMetropolis.NO_STATE));
        assertThrows(IllegalArgumentException.class, () -> new IndependenceMetropolis(null));
    }

    @Test
    void gaussianProposalDrawsFromTheFlowPriorAddressWithItsLogDensity() {
        double sigma = 0.7;
        GaussianProposal proposal = new GaussianProposal(stream, sigma);
        double[] phi = new double[9];
        double logQ = proposal.propose(5, phi);
        CounterRng rng = stream.at(0, 5, Purpose.of(Purpose.FLOW_PRIOR, 0));
        double expected = 0;
        for (double p : phi) {
            assertEquals(sigma * rng.gaussian(), p, 0.0);
            expected += -p * p / (2 * sigma * sigma) - Math.log(sigma * Math.sqrt(2 * Math.PI));
        }
        assertEquals(expected, logQ, 1e-12);
        double[] again = new double[9];
        assertEquals(logQ, proposal.propose(5, again), 0.0);
        assertEquals(phi[4], again[4], 0.0);
        assertThrows(IllegalArgumentException.class, () -> new GaussianProposal(stream, 0));
        assertThrows(IllegalArgumentException.class, () -> new GaussianProposal(stream, Double.NaN));
    }

    @Test
    void samplerRecordsTheLogWeightsAndTheActionDensity() {
        Lattice lat = new Lattice(3, 3);
        Phi4Action action = new Phi4Action(-1, 1);
        GaussianProposal proposal = new GaussianProposal(stream, 0.5);
        IndependenceSampler sampler = new IndependenceSampler(action, proposal, metropolis);
        assertTrue(Double.isNaN(sampler.currentLogWeight()));
        ScalarField field = ScalarField.cold(lat);
        double[] phi = new double[9];
        double current = Double.NaN;
        int accepted = 0;
        for (long index = 1; index <= 50; index++) {
            double logQ = proposal.propose(index, phi);
            double logW = -action.action(lat, phi) - logQ;
            UpdateRecord r = sampler.update(field, index);
            assertEquals(index, r.index());
            assertEquals(logW, r.logWeight(), 1e-12);
            if (index == 1) {
                assertTrue(r.accepted(), "the first proposal starts the chain");
                assertEquals(0, r.deltaH(), 0.0);
            } else {
                assertEquals(current - logW, r.deltaH(), 1e-12);
                assertEquals(metropolis.accept(index, r.logWeight(), current), r.accepted());
            }
            if (r.accepted()) {
                accepted++;
                current = r.logWeight();
                proposal.propose(index, phi);
                assertEquals(phi[0], field.values()[0], 0.0);
            }
            assertEquals(current, sampler.currentLogWeight(), 0.0);
            assertEquals(action.action(lat, field.values()) / 9, r.plaquette(), 1e-12);
            assertEquals(0, r.solverIterations());
        }
        assertTrue(accepted > 1 && accepted < 50, "accepted " + accepted);
    }
}
