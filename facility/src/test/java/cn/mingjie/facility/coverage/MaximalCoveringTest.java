package cn.mingjie.facility.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MaximalCoveringTest {

    static BitSet set(int... points) {
        BitSet b = new BitSet();
        for (int p : points) {
            b.set(p);
        }
        return b;
    }

    @Test
    void greedyTakesTheBiggestSiteFirstAndMissesTheBetterPair() {
        // Six demand points of 1 person. Site 0 reaches four; sites 1 and 2 three each, together all six.
        MaximalCovering problem =
                MaximalCovering.of(List.of(set(0, 1, 2, 3), set(0, 1, 4), set(2, 3, 5)), new long[] {1, 1, 1, 1, 1, 1});

        MaximalCovering.Solution greedy = problem.greedy(2);
        MaximalCovering.Solution exact = problem.exact(2).orElseThrow();

        assertThat(greedy.chosen()).startsWith(0);
        assertThat(greedy.covered()).isEqualTo(5);
        assertThat(exact.chosen()).containsExactly(1, 2);
        assertThat(exact.covered()).isEqualTo(6);
    }

    @Test
    void greedyStopsWhenNothingIsLeftToGain() {
        MaximalCovering problem = MaximalCovering.of(List.of(set(0), set(0), set()), new long[] {7});
        assertThat(problem.greedy(3).chosen()).containsExactly(0);
        assertThat(problem.greedy(3).covered()).isEqualTo(7);
    }

    @Test
    void onRandomSmallCasesGreedyIsWithinTheoreticalBoundOfTheOptimum() {
        Random random = new Random(42);
        for (int trial = 0; trial < 200; trial++) {
            int candidates = 4 + random.nextInt(9);
            int points = 5 + random.nextInt(20);
            List<BitSet> covers = new ArrayList<>();
            for (int c = 0; c < candidates; c++) {
                BitSet b = new BitSet();
                for (int p = 0; p < points; p++) {
                    if (random.nextDouble() < 0.25) {
                        b.set(p);
                    }
                }
                covers.add(b);
            }
            long[] weights = random.longs(points, 1, 5000).toArray();
            int k = 1 + random.nextInt(3);
            MaximalCovering problem = MaximalCovering.of(covers, weights);
            long greedy = problem.greedy(k).covered();
            long exact = problem.exact(k).orElseThrow().covered();
            assertThat(greedy).isLessThanOrEqualTo(exact);
            assertThat((double) greedy).isGreaterThanOrEqualTo((1 - 1 / Math.E) * exact);
        }
    }

    @Test
    void largeInstancesAreNotEnumerated() {
        List<BitSet> covers = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            covers.add(set(i));
        }
        assertThat(MaximalCovering.of(covers, new long[900]).exact(3)).isEmpty();
        assertThat(MaximalCovering.subsets(10, 3)).isEqualTo(120);
    }
}
