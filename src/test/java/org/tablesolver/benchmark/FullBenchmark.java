package org.tablesolver.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmark command: {@code ./mvnw -Pbenchmark verify} runs this (and only this), with options from
 * {@code -Dbenchmark.*} properties (see {@link BenchmarkOptions}). Excluded from the normal build.
 */
@Tag("benchmark")
class FullBenchmark {

    @Test
    void runTheSuite() throws Exception {
        BenchmarkSuite.Outcome outcome = BenchmarkSuite.run(BenchmarkOptions.fromSystemProperties());
        assertThat(outcome.rows()).isNotEmpty();
    }
}
