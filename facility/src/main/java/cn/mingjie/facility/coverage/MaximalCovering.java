package cn.mingjie.facility.coverage;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * The maximal covering location problem (Church and ReVelle 1974): choose {@code k} of the candidate
 * sites so that the demand (population) within reach of at least one chosen site is largest.
 * {@link #greedy} adds the site with the largest marginal gain each time, which achieves at least
 * 1 − 1/e ≈ 63 % of the optimum (Nemhauser, Wolsey and Fisher 1978); {@link #exact} enumerates all
 * k-subsets and is used to report the greedy choice's actual gap on small cases.
 *
 * @param covers for each candidate, the demand points it reaches
 * @param weights the demand (population) of each demand point
 */
public record MaximalCovering(List<BitSet> covers, long[] weights) {

    /** Above this many k-subsets the exact optimum is not computed. */
    public static final long MAX_EXACT_SUBSETS = 2_000_000;

    public record Solution(List<Integer> chosen, long covered) {}

    public static MaximalCovering of(List<BitSet> covers, long[] weights) {
        return new MaximalCovering(covers, weights);
    }

    public Solution greedy(int k) {
        BitSet covered = new BitSet();
        List<Integer> chosen = new ArrayList<>();
        long total = 0;
        for (int step = 0; step < k; step++) {
            int best = -1;
            long bestGain = 0;
            for (int c = 0; c < covers.size(); c++) {
                if (chosen.contains(c)) {
                    continue;
                }
                BitSet gain = (BitSet) covers.get(c).clone();
                gain.andNot(covered);
                long g = weight(gain);
                if (g > bestGain) {
                    best = c;
                    bestGain = g;
                }
            }
            if (best < 0) {
                break; // nothing left to gain
            }
            chosen.add(best);
            covered.or(covers.get(best));
            total += bestGain;
        }
        return new Solution(chosen, total);
    }

    /** The optimum by enumeration, or empty when there are more than {@link #MAX_EXACT_SUBSETS} subsets. */
    public Optional<Solution> exact(int k) {
        int n = covers.size();
        int size = Math.min(k, n);
        if (subsets(n, size) > MAX_EXACT_SUBSETS) {
            return Optional.empty();
        }
        int[] pick = new int[size];
        for (int i = 0; i < size; i++) {
            pick[i] = i;
        }
        long best = -1;
        int[] bestPick = pick.clone();
        while (true) {
            BitSet union = new BitSet();
            for (int c : pick) {
                union.or(covers.get(c));
            }
            long w = weight(union);
            if (w > best) {
                best = w;
                bestPick = pick.clone();
            }
            int i = size - 1;
            while (i >= 0 && pick[i] == n - size + i) {
                i--;
            }
            if (i < 0) {
                break;
            }
            pick[i]++;
            for (int j = i + 1; j < size; j++) {
                pick[j] = pick[j - 1] + 1;
            }
        }
        List<Integer> chosen = new ArrayList<>();
        for (int c : bestPick) {
            chosen.add(c);
        }
        return Optional.of(new Solution(chosen, Math.max(best, 0)));
    }

    private long weight(BitSet points) {
        long w = 0;
        for (int i = points.nextSetBit(0); i >= 0; i = points.nextSetBit(i + 1)) {
            w += weights[i];
        }
        return w;
    }

    static long subsets(int n, int k) {
        long result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
            if (result > MAX_EXACT_SUBSETS * 10) {
                return Long.MAX_VALUE;
            }
        }
        return result;
    }
}
