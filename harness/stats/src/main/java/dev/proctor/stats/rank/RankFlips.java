package dev.proctor.stats.rank;

import dev.proctor.stats.Averaging;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.stats.bootstrap.Resamples;
import dev.proctor.stats.bootstrap.Strata;
import dev.proctor.stats.bootstrap.StratifiedBootstrap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How stable a leaderboard's order is: all models are rescored on the same bootstrap resamples of the items
 * (within subjects), and for each pair of neighbours we count the resamples that swap them. A high flip
 * probability means the published order of those two is not supported by the data.
 */
public final class RankFlips {
    private RankFlips() {
    }

    /**
     * @param models        model names
     * @param scores        [model][item], all models over the same items
     * @param strata        items grouped by subject
     * @param lowerIsBetter true for bits per byte: the sign is flipped before ranking
     * @return neighbours from the top of the leaderboard down
     */
    public static List<AdjacentFlip> adjacent(List<String> models, double[][] scores, Strata strata,
                                              Averaging averaging, boolean lowerIsBetter, BootstrapConfig config) {
        Resamples res = StratifiedBootstrap.run(scores, strata, config);
        double[][] perModel = averaging == Averaging.MACRO ? res.macro() : res.micro();
        double[] point = new double[models.size()];
        for (int m = 0; m < point.length; m++) {
            point[m] = averaging == Averaging.MACRO ? macro(scores[m], strata) : micro(scores[m]);
        }
        double sign = lowerIsBetter ? -1 : 1;
        Integer[] order = IntStream.range(0, models.size()).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, Comparator.comparingDouble(m -> -sign * point[m]));
        List<AdjacentFlip> out = new ArrayList<>();
        for (int i = 0; i + 1 < order.length; i++) {
            int up = order[i];
            int low = order[i + 1];
            int flips = 0;
            int ties = 0;
            for (int r = 0; r < res.resamples(); r++) {
                double u = sign * perModel[up][r];
                double l = sign * perModel[low][r];
                flips += l > u ? 1 : 0;
                ties += l == u ? 1 : 0;
            }
            out.add(new AdjacentFlip(models.get(up), models.get(low), point[up], point[low],
                    (double) flips / res.resamples(), (double) ties / res.resamples()));
        }
        return out;
    }

    private static double micro(double[] x) {
        return dev.proctor.stats.numeric.NumpyMath.mean(x);
    }

    private static double macro(double[] x, Strata strata) {
        double s = 0;
        for (int[] members : strata.members()) {
            double sum = 0;
            for (int i : members) {
                sum += x[i];
            }
            s += sum / members.length;
        }
        return s / strata.size();
    }
}
