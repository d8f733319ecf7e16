package org.tablesolver.benchmark;

import java.util.List;

import org.tablesolver.solver.EndedBy;

/** What the suite measured; {@link SummaryReport} turns it into Markdown and CSV. */
final class Results {

    private Results() {
    }

    /**
     * One solve of a dataset.
     *
     * @param seatedWeight sum of 1 + priority over seated bookings: what the solver maximises first
     * @param secondsToFinalPlan from the start of building the problem to the last improvement
     * @param moveEvaluationSpeed moves per second; 0 for solvers that evaluate no moves
     * @param violations hard rules the plan breaks, per {@link PlanChecker}
     */
    /**
     * @param bound  the solve's own upper bound on the seated weight (null: none in time, or greedy)
     * @param proven whether the plan reaches it
     */
    record Run(String solver, int seatedBookings, long seatedWeight, long seatedGuests, double secondsToFinalPlan,
            double secondsTotal, long moveEvaluationSpeed, long peakHeapBytes, List<String> violations,
            List<Improvement> timeline, Long bound, boolean proven, EndedBy endedBy) {

        /** The gap to the solve's own bound in percent, or null without one. */
        Double ownGap() {
            return bound == null ? null : bound == 0 ? 0.0 : Math.max(0, bound - seatedWeight) * 100.0 / bound;
        }

        /**
         * When the run first had a plan reaching its own bound (from the start of the run, the bound's time
         * included): the time to the proven plan, before the polish of guests and preferences; null if never.
         */
        Double secondsToProven() {
            if (!proven) {
                return null;
            }
            for (Improvement improvement : timeline) {
                if (improvement.seatedWeight() >= bound) {
                    return improvement.seconds();
                }
            }
            return secondsTotal;
        }

        /** The gap to the solve's own bound of the best plan by {@code seconds}, or null without a bound. */
        Double ownGapAt(double seconds) {
            if (bound == null) {
                return null;
            }
            return bound == 0 ? 0.0 : Math.max(0, bound - seatedWeightAt(seconds)) * 100.0 / bound;
        }

        /**
         * When the run first had a plan with at least {@code share} of its final plan's seated weight (from the start
         * of the run), or null without a timeline.
         */
        Double secondsToShare(double share) {
            for (Improvement improvement : timeline) {
                if (improvement.seatedWeight() >= Math.ceil(share * seatedWeight - 1e-9)) {
                    return improvement.seconds();
                }
            }
            return timeline.isEmpty() ? null : secondsToFinalPlan;
        }

        /** Seated weight of the best plan found by {@code seconds} (build time included), 0 if none yet. */
        long seatedWeightAt(double seconds) {
            long best = 0;
            for (Improvement improvement : timeline) {
                if (improvement.seconds() <= seconds) {
                    best = Math.max(best, improvement.seatedWeight());
                }
            }
            return best;
        }
    }

    /** A new best plan: when (from the start of the run) and its seated weight. */
    record Improvement(double seconds, long seatedWeight) {
    }

    /**
     * The exact reference: CP-SAT on the same model, and the bound of its linear relaxation.
     *
     * @param status CP-SAT's verdict: OPTIMAL, FEASIBLE or UNKNOWN (no plan in the time limit)
     * @param cpSatBound CP-SAT's proven upper bound on the seated weight
     * @param lpBound the linear relaxation's bound (SeatedWeightBound), Long.MAX_VALUE when it was not solved
     */
    record Reference(String status, int seatedBookings, long seatedWeight, long seatedGuests, long cpSatBound,
            double seconds, long lpBound, double lpSeconds, List<String> violations) {

        boolean optimal() {
            return "OPTIMAL".equals(status);
        }

        /** What gaps are measured against: the optimum when proven, else the tightest proven upper bound. */
        long bound() {
            return optimal() ? seatedWeight : Math.min(cpSatBound, lpBound);
        }
    }

    /**
     * Times of a day whose solves take milliseconds, taken {@link BenchmarkSuite#TIMED_REPEATS} times in turns: the
     * recommended configuration's time to its proven plan (or its whole solve when it proves nothing) and CP-SAT's
     * time to its proof.
     */
    record Repeated(List<Double> toProven, List<Double> cpSat) {
    }

    /** @param repeated the repeated timings of a seed-day or S day; null on larger tiers */
    record Row(Dataset dataset, long totalWeight, long totalGuests, Reference reference, Run greedy, List<Run> runs,
            Repeated repeated) {

        Run run(String solver) {
            return runs.stream().filter(run -> run.solver().equals(solver)).findFirst().orElse(null);
        }

        /** Percent of the yardstick not reached: 0 means the proven optimum (or the bound) itself. */
        double gapPercent(long seatedWeight) {
            long yardstick = reference.bound();
            return yardstick == 0 ? 0 : 100.0 * (yardstick - seatedWeight) / yardstick;
        }
    }
}
