package org.tablesolver.solver.repair;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModelProto;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.SatParameters;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("experiment")
class PieceProbe {

    @Test
    void probe() throws Exception {
        Loader.loadNativeLibraries();
        Path dir = Path.of(System.getProperty("dump.read", "/tmp/pieces"));
        List<Path> pieces;
        try (Stream<Path> files = Files.list(dir)) {
            pieces = files.filter(p -> p.toString().endsWith(".pb")).sorted().toList();
        }
        String[] variants = System.getProperty("probe.variants", "base").split(",");
        for (Path piece : pieces) {
            CpModelProto model = CpModelProto.parseFrom(Files.readAllBytes(piece));
            String[] meta = Files.readString(Path.of(piece.toString().replace(".pb", ".meta"))).split("\n");
            String[] head = meta[0].split(" ");
            long enough = Long.parseLong(head[0]);
            long weightScale = Long.parseLong(head[1]);
            double current = Double.parseDouble(head[2]);
            double det = Double.parseDouble(head[3]);
            boolean presolve = Boolean.parseBoolean(head[4]);
            String[] w = meta.length > 1 ? meta[1].trim().split(" ") : new String[0];
            long[] weights = new long[w.length];
            for (int i = 0; i < w.length; i++) {
                weights[i] = Long.parseLong(w[i]);
            }
            for (int round = 0; round < Integer.getInteger("probe.rounds", 1); round++) {
                for (String variant : variants) {
                    com.google.ortools.sat.CpModel m = new com.google.ortools.sat.CpModel();
                    m.getBuilder().mergeFrom(model);
                    com.google.ortools.sat.BoolVar[] x = new com.google.ortools.sat.BoolVar[weights.length];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = m.getBoolVarFromProtoIndex(i);
                    }
                    com.google.ortools.sat.CpSolver solver = new com.google.ortools.sat.CpSolver();
                    SatParameters.Builder p = solver.getParameters();
                    p.setNumWorkers(1).setRandomSeed(0).setMaxDeterministicTime(det).setMaxTimeInSeconds(60)
                            .setCpModelPresolve(presolve);
                    for (String part : variant.split("\\+")) {
                        switch (part) {
                            case "base" -> { }
                            case "nopre" -> p.setCpModelPresolve(false);
                            case "pre" -> p.setCpModelPresolve(true);
                            case "nosym" -> p.setSymmetryLevel(0);
                            case "noprobe" -> p.setCpModelProbingLevel(0);
                            case "lin2" -> p.setLinearizationLevel(2);
                            case "lin0" -> p.setLinearizationLevel(0);
                            case "fixed" -> p.setSearchBranching(SatParameters.SearchBranching.FIXED_SEARCH);
                            case "portfolio" -> p.setSearchBranching(SatParameters.SearchBranching.PORTFOLIO_SEARCH);
                            case "lp" -> p.setSearchBranching(SatParameters.SearchBranching.LP_SEARCH);
                            case "pseudo" -> p.setSearchBranching(SatParameters.SearchBranching.PSEUDO_COST_SEARCH);
                            case "w2" -> p.setNumWorkers(2);
                            case "w2i" -> p.setNumWorkers(2).setInterleaveSearch(true);
                            case "nohint" -> m.clearHints();
                            case "weight" -> {
                                m.clearObjective();
                                m.maximize(com.google.ortools.sat.LinearExpr.weightedSum(x, weights));
                            }
                            case "atleast" -> m.addGreaterOrEqual(com.google.ortools.sat.LinearExpr.weightedSum(x, weights), enough);
                            case "noobj" -> m.clearObjective();
                            default -> throw new IllegalArgumentException(part);
                        }
                    }
                    long[] best = {-1};
                    long began = System.nanoTime();
                    CpSolverStatus status = solver.solve(m, new com.google.ortools.sat.CpSolverSolutionCallback() {
                        @Override
                        public void onSolutionCallback() {
                            long seated = 0;
                            for (int i = 0; i < x.length; i++) {
                                if (booleanValue(x[i])) {
                                    seated += weights[i];
                                }
                            }
                            best[0] = Math.max(best[0], seated);
                            if (seated >= enough) {
                                stopSearch();
                            }
                        }
                    });
                    double ms = (System.nanoTime() - began) / 1e6;
                    if (round == Integer.getInteger("probe.rounds", 1) - 1) {
                        System.out.printf("PIECE %s vars=%d %-16s: %s seated=%d (enough %d) gain=%.0f det=%.2f wall=%.0f ms%n",
                                piece.getFileName(), weights.length, variant, status, best[0], enough,
                                best[0] < 0 ? Double.NaN : solver.objectiveValue() - current,
                                solver.response().getDeterministicTime(), ms);
                    }
                }
            }
        }
    }
}
