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
 * README's example outputs are real: its solve answer and the command-line output of the solving page are those of
 * a fresh solve of the demo day's cafe-3 with the production configuration (times and ids aside), and its online
 * booking flow answers as README shows, run with README's own request bodies.
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
    private String solving;

    @BeforeEach
    void demoDay() throws IOException {
        readme = Files.readString(Path.of("README.md"));
        solving = Files.readString(Path.of("src/docs/solving.md"));
        try (InputStream json = new ClassPathResource("demo/seed-day.json").getInputStream()) {
            assertThat(imports.importJson(json).bookingsCreated()).isEqualTo(105);
        }
    }

    /** The fenced block of {@code language} that follows {@code marker} in {@code page}. */
    private static String blockAfter(String page, String marker, String language) {
        int at = page.indexOf(marker);
        assertThat(at).as("the page has '%s'", marker).isNotNegative();
        int start = page.indexOf("```" + language + "\n", at) + language.length() + 4;
        return page.substring(start, page.indexOf("```", start));
    }

    private String blockAfter(String marker, String language) {
        return blockAfter(readme, marker, language);
    }

    /** The request bodies ({@code -d '...'}) of a bash block, in order. */
    private List<JsonNode> bodies(String block) throws IOException {
        List<JsonNode> bodies = new java.util.ArrayList<>();
        java.util.regex.Matcher body = Pattern.compile("-d '([^']*)'").matcher(block);
        while (body.find()) {
            bodies.add(objectMapper.readTree(body.group(1)));
        }
        return bodies;
    }

    @Test
    void theWebhookSubscriptionAnswersAsShown() throws IOException {
        String block = blockAfter("Instead of polling the change feed", "bash");
        List<JsonNode> requests = bodies(block);
        assertThat(requests).hasSize(1);
        Api.Response created = api.post("/api/webhooks", requests.get(0));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String shown = block.substring(block.indexOf("# 201 "));
        List<String> fields = new java.util.ArrayList<>();
        java.util.regex.Matcher field = Pattern.compile("\"(\\w+)\":").matcher(shown);
        while (field.find()) {
            fields.add(field.group(1));
        }
        assertThat(created.json().fieldNames()).toIterable().containsExactlyElementsOf(fields);
        assertThat(created.json().path("url").asText()).isEqualTo(requests.get(0).path("url").asText());
        assertThat(created.json().path("restaurants")).isEqualTo(requests.get(0).path("restaurants"));
        assertThat(created.json().path("secret").asText()).startsWith("whsec_");
    }

    @Test
    void theOnlineBookingFlowAnswersAsShown() throws IOException {
        List<JsonNode> requests = bodies(blockAfter("A floor plan with booking rules", "bash"));
        assertThat(requests).hasSize(4);
        List<JsonNode> shown = objectMapper.readerFor(JsonNode.class)
                .<JsonNode>readValues(blockAfter("What the steps answer on a fresh database", "json")).readAll();
        assertThat(shown).hasSize(4);
        String r = "/api/restaurants/bistro-1";
        assertThat(api.put(r, requests.get(0)).status()).isEqualTo(201);

        JsonNode availability = api.get(r + "/days/2026-12-04/availability?partySize=4").json();
        assertThat(availability.fieldNames()).toIterable().containsExactlyElementsOf(() -> shown.get(0).fieldNames());
        shown.get(0).fieldNames().forEachRemaining(field -> {
            if (field.equals("asOf")) {
                // the version of the stored state: the number shown is a fresh database's, this one is shared
                assertThat(availability.path(field).isIntegralNumber()).as(field).isTrue();
                assertThat(shown.get(0).path(field).isIntegralNumber()).as(field).isTrue();
            } else if (!field.equals("slots")) {
                assertThat(availability.path(field)).as(field).isEqualTo(shown.get(0).path(field));
            }
        });
        for (int i = 0; i < shown.get(0).path("slots").size(); i++) {
            assertThat(availability.path("slots").get(i)).isEqualTo(shown.get(0).path("slots").get(i));
        }

        Api.Response held = api.post(r + "/holds", requests.get(1));
        assertThat(held.status()).as("%s", held).isEqualTo(201);
        assertThat(held.json().fieldNames()).toIterable().containsExactlyElementsOf(() -> shown.get(1).fieldNames());
        shown.get(1).fieldNames().forEachRemaining(field -> {
            if (!field.equals("id") && !field.equals("expiresAt")) {
                assertThat(held.json().path(field)).as("hold: %s", field).isEqualTo(shown.get(1).path(field));
            }
        });

        com.fasterxml.jackson.databind.node.ObjectNode confirm = requests.get(2).deepCopy();
        confirm.put("holdId", held.json().path("id").asText());
        Api.Response confirmed = api.post(r + "/bookings", confirm);
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(201);
        assertThat(confirmed.json()).as("the confirmation, every field").isEqualTo(shown.get(2));

        assertThat(api.post(r + "/bookings", requests.get(3)).status()).isEqualTo(201);
        com.fasterxml.jackson.databind.node.ObjectNode web2 = requests.get(3).deepCopy();
        web2.put("id", "web-2").put("start", "2026-12-04T19:00:00");
        assertThat(api.post(r + "/bookings", web2).status()).isEqualTo(201);
        Api.Response refused = api.post(r + "/bookings", web2.deepCopy().put("id", "web-3"));
        assertThat(refused.json()).as("the fourth party of 4, every field").isEqualTo(shown.get(3));

        JsonNode after = objectMapper.readTree(blockAfter("and the 19:30 slot then:", "json"));
        assertThat(api.get(r + "/days/2026-12-04/availability?partySize=4&from=19:30&to=19:30").json()
                .path("slots").get(0)).isEqualTo(after);
    }

    @Test
    void theSolveAnswerIsARealOne() throws IOException {
        JsonNode shown = objectMapper.readTree(blockAfter("The answer (lists shortened", "json"));
        assertThat(objectMapper.readTree(blockAfter(solving, "The answer (lists shortened", "json")))
                .as("the solving page shows README's answer").isEqualTo(shown);
        Api.Response solved = api.post("/api/restaurants/cafe-3/days/2026-12-04/solve",
                parse("{\"config\": \"default\"}"));
        assertThat(solved.status()).as("%s", solved).isEqualTo(200);
        JsonNode actual = solved.json();
        for (String field : List.of("restaurantId", "date", "mode", "config", "status", "score", "seated", "unseated",
                "newlyConfirmed", "moved", "bound", "gap", "proven", "endedBy", "attempts", "error")) {
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
        String shown = blockAfter(solving, "and the counts:", "");
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
