package org.tablesolver.solver;

import java.nio.file.Path;

import ai.timefold.solver.core.config.solver.SolverConfig;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SolverBeans {

    @Bean
    SolverConfigs solverConfigs(@Value("${tablesolver.solver.config-dir:solver-config}") Path directory) {
        return new SolverConfigs(directory);
    }

    @Bean
    SeatingSolver seatingSolver(SolverConfigs solverConfigs) {
        return new SeatingSolver(solverConfigs);
    }

    /**
     * The default configuration as the Timefold starter's {@code SolverConfig}: with this bean present the
     * starter stops looking for {@code solverConfig.xml} on the classpath and builds its
     * {@code SolverManager} and {@code SolutionManager} from our file.
     */
    @Bean
    SolverConfig solverConfig(SolverConfigs solverConfigs) {
        return solverConfigs.load(SolverConfigs.DEFAULT);
    }
}
