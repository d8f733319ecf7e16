package org.tablesolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tablesolver.testing.Fixtures.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.tablesolver.cli.Cli;
import org.tablesolver.importing.ImportService;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.SolvingTest;

/**
 * README's example outputs are real: its solve answer and its command-line output are those of a fresh solve of
 * the demo day's cafe-3 with the production configuration (times and ids aside).
 */
@DatabaseTest
class ReadmeFiguresTest extends SolvingTest {

    @Autowired
    ImportService imports;
    @Autowired
    HikariDataSource dataSource;
    @Autowired
    ObjectMapper objectMapper;

    private String readme;

    @BeforeEach
    void demoDay() throws IOException {
        readme = Files.readString(Path.of("README.md"));
        try (InputStream json = new ClassPathResource("demo/seed-day.json").getInputStream()) {
            assertThat(imports.importJson(json).bookingsCreated()).isEqualTo(105);
        }
    }

    /** The fenced block of {@code language} that follows {@code marker} in README. */
    private String blockAfter(String marker, String language) {
        int at = readme.indexOf(marker);
        assertThat(at).as("README has '%s'", marker).isNotNegative();
        int start = readme.indexOf("```" + language + "\n", at) + language.length() + 4;
        return readme.substring(start, readme.indexOf("```", start));
    }

    @Test
    void theSolveAnswerIsARealOne() throws IOException {
        JsonNode shown = objectMapper.readTree(blockAfter("The answer (lists shortened", "json"));
        Api.Response solved = api.post("/api/restaurants/cafe-3/days/2026-12-04/solve",
                parse("{\"config\": \"default\"}"));
        assertThat(solved.status()).as("%s", solved).isEqualTo(200);
        JsonNode actual = solved.json();
        for (String field : List.of("restaurantId", "date", "mode", "config", "status", "score", "seated", "unseated",
                "newlyConfirmed", "moved", "attempts", "error")) {
            assertThat(actual.path(field)).as("README's solve answer: %s", field).isEqualTo(shown.path(field));
        }
        assertThat(actual.path("assignments")).as("README's assignment is one of the answer's")
                .contains(shown.path("assignments").get(0));
        assertThat(actual.path("unseatedBookings")).as("README's unseated booking is one of the answer's")
                .contains(shown.path("unseatedBookings").get(0));
        assertThat(actual.fieldNames()).toIterable().containsExactlyElementsOf(() -> shown.fieldNames());
    }

    @Test
    void theCommandLineOutputIsARealOne() {
        String shown = blockAfter("and the counts:", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Cli.run(new String[] {"solve", "--restaurant", "cafe-3", "--date", "2026-12-04",
                "--spring.datasource.url=" + dataSource.getJdbcUrl(),
                "--spring.datasource.username=" + dataSource.getUsername(),
                "--spring.datasource.password=" + (dataSource.getPassword() == null ? "" : dataSource.getPassword())},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isZero();
        List<String> lines = printed.lines().map(String::stripTrailing).toList();
        for (String line : shown.lines().map(String::stripTrailing).toList()) {
            if (line.strip().equals("...")) {
                continue;
            }
            // elapsed times differ from run to run; everything else is the same on every run
            Pattern pattern = Pattern.compile(Pattern.quote(line).replaceAll("\\d+\\.\\d+ s", "\\\\E[0-9.]+ s\\\\Q"));
            assertThat(lines).as("README's line '%s' is printed by solve:%n%s", line, printed)
                    .anyMatch(printedLine -> pattern.matcher(printedLine).matches());
        }
    }
}
