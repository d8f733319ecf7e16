package org.tablesolver.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tablesolver.testing.Fixtures.assertRefused;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.SolvingTest;

/**
 * A configuration file in {@code solver-config/} that does not parse is a 400 naming {@code config} with the
 * XML error, not a 500; once the file is mended, the next solve uses it (the file is read again when it changes).
 */
@DatabaseTest
class SolverConfigFilesTest extends SolvingTest {

    static final Path FILE = Path.of("solver-config", "zz-edited-by-a-test.xml");

    @BeforeEach
    void restaurant() {
        api.put("/api/restaurants/r1", plan());
        api.post("/api/restaurants/r1/bookings", booking("b1", "19:00", 2));
    }

    @AfterEach
    void removeTheFile() throws Exception {
        Files.deleteIfExists(FILE);
    }

    @Test
    void aBrokenConfigurationIsA400AndAnEditedOneIsReadAgain() throws Exception {
        Files.writeString(FILE, "<solver><termination><secondsSpentLimit>1</secondsSpentLimit>");
        Map<String, List<String>> before = db.snapshot();
        var refused = api.post("/api/restaurants/r1/days/2026-12-04/solve", "{\"config\": \"zz-edited-by-a-test\"}");
        assertRefused(refused, 400, "config", db, before);
        assertThat(refused.json().path("detail").asText()).contains("zz-edited-by-a-test").contains("cannot be used");

        String valid = new String(getClass().getResourceAsStream("/solver-config/test-fast.xml").readAllBytes());
        Files.writeString(FILE, valid);
        Files.setLastModifiedTime(FILE, FileTime.from(Instant.now().plusSeconds(5)));
        var solved = api.post("/api/restaurants/r1/days/2026-12-04/solve", "{\"config\": \"zz-edited-by-a-test\"}");
        assertThat(solved.status()).as("%s", solved).isEqualTo(200);
        assertThat(solved.json().path("seated").asInt()).isEqualTo(1);
    }
}
