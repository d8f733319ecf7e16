package org.tablesolver.solver;

import org.tablesolver.solver.explain.PlanReport;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.model.SeatingPlan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SolverConfigsTest {

    private final SolverConfigs configs = new SolverConfigs(Path.of("solver-config"));

    @Test
    void theRepairIsWrittenOnceAndGetsAStepPerPiece(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig repair = configs.load(SolverConfigs.DEFAULT)
                .getPhaseConfigList().stream()
                .filter(ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig.class::isInstance)
                .map(ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig.class::cast)
                .filter(phase -> phase.getCustomPhaseCommandClassList()
                        .contains(org.tablesolver.solver.repair.ExactRepair.class))
                .findFirst().orElseThrow();
        int pieces = Integer.parseInt(repair.getCustomProperties().get("maxSubproblems"));
        assertThat(repair.getCustomPhaseCommandClassList()).hasSize(pieces)
                .containsOnly(org.tablesolver.solver.repair.ExactRepair.class);
        assertThat(Files.readString(Path.of("solver-config", "default.xml")))
                .containsOnlyOnce("org.tablesolver.solver.repair.ExactRepair");

        String bad = Files.readString(Path.of("solver-config", "default.xml"))
                .replace("<property name=\"maxSubproblems\" value=\"" + pieces + "\"/>",
                        "<property name=\"maxSubproblems\" value=\"sixty\"/>");
        Files.writeString(dir.resolve("bad.xml"), bad);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SolverConfigs(dir).load("bad"))
                .hasMessageContaining("maxSubproblems");
    }

    @Test
    void everyConfigurationInTheFolderSolvesADay() throws IOException {
        List<String> shipped;
        try (Stream<Path> files = Files.list(Path.of("solver-config"))) {
            shipped = files.map(file -> file.getFileName().toString().replace(".xml", "")).sorted().toList();
        }
        assertThat(shipped).contains(SolverConfigs.DEFAULT).hasSizeGreaterThanOrEqualTo(4);
        assertThat(configs.available()).containsAll(shipped);
        SeatingSolver solver = new SeatingSolver(configs);
        DayInput day = TestDays.day().buffer(10).table("T1", "main", 2, 4).table("T2", "main", 2, 4)
                .combination("T1+T2", 5, 8, "T1", "T2")
                .booking("A", "19:00", 90, 2).booking("B", "19:00", 90, 2).booking("C", "19:30", 90, 6)
                .build();
        for (String name : shipped) {
            PlanReport report = solver.solve(day, SolveMode.PENDING_ONLY, name);
            assertThat(report.feasible()).as(name).isTrue();
            assertThat(report.seated()).as(name).isEqualTo(2);
        }
    }

    @Test
    void unknownOrMalformedNamesAreRefusedWithTheAvailableOnes() {
        for (String name : new String[] {"nope", "../pom", "", null, "default.xml"}) {
            assertThatThrownBy(() -> configs.load(name))
                    .isInstanceOf(SolverConfigs.UnknownSolverConfigException.class)
                    .hasMessageContaining("available: ")
                    .hasMessageContaining(SolverConfigs.DEFAULT);
        }
    }

    @Test
    void theFolderWinsOverThePackagedCopy(@TempDir Path folder) throws IOException {
        String tuned = Files.readString(Path.of("solver-config", "default.xml"))
                .replaceFirst("<secondsSpentLimit>\\d+</secondsSpentLimit>", "<secondsSpentLimit>7</secondsSpentLimit>");
        Files.writeString(folder.resolve("default.xml"), tuned);
        assertThat(new SolverConfigs(folder).load(SolverConfigs.DEFAULT).getTerminationConfig().getSecondsSpentLimit())
                .isEqualTo(7L);
    }

    @Test
    void withoutTheFolderThePackagedCopyIsUsed(@TempDir Path empty) {
        SolverConfigs packagedOnly = new SolverConfigs(empty.resolve("missing"));
        assertThat(packagedOnly.available()).contains(SolverConfigs.DEFAULT);
        assertThat(packagedOnly.load(SolverConfigs.DEFAULT).getSolutionClass()).isEqualTo(SeatingPlan.class);
    }
}
