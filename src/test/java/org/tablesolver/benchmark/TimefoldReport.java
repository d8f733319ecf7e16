package org.tablesolver.benchmark;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.tablesolver.solver.SolverConfigs;
import org.tablesolver.solver.reference.TimefoldBenchmarkReport;

/** Timefold's own benchmarker over the suite's datasets ({@link TimefoldBenchmarkReport}), named as the summary. */
final class TimefoldReport {

    private TimefoldReport() {
    }

    /** Runs the benchmarker and answers the folder of its report ({@code index.html} inside). */
    static File run(List<Dataset> datasets, List<String> configNames, SolverConfigs configs, Path reportDir) {
        return TimefoldBenchmarkReport.run(
                datasets.stream().map(d -> new TimefoldBenchmarkReport.Problem(d.name(), d.day())).toList(),
                configNames.stream().map(name -> new TimefoldBenchmarkReport.Contestant(name, configs.load(name)))
                        .toList(),
                reportDir).toFile();
    }
}
