package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.testkit.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the README shows a newcomer is what the engine answers (issue 11: it showed an error code the engine never sent). */
class ReadmeExamplesIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final Path README =
            Path.of(System.getProperty("user.dir")).getParent().resolve("README.md");
    static AccessTesting access;

    @BeforeAll
    static void start() throws Exception {
        access = AccessTesting.start(db, "readme", Map.of("BIGBOX_AGENTS", "off"));
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    @Test
    void theErrorTheReadmeShowsIsTheOneTheEngineSendsForItsOwnExample() throws Exception {
        String readme = Files.readString(README);
        Matcher shown = Pattern.compile("Errors are JSON: `(\\{.*?})`").matcher(readme);
        assertThat(shown.find()).as("the README's error example").isTrue();
        JsonNode expected = AccessTesting.JSON.readTree(shown.group(1));
        // The README's own append, with the confidence its error example names.
        Matcher append = Pattern.compile("/api/v1/events -H [^\\n]*\\n\\s*-d '(\\{.*?})'")
                .matcher(readme);
        assertThat(append.find()).as("the README's append example").isTrue();
        String body = append.group(1).replace("\"confidence\": 0.95", "\"confidence\": 1.5");
        assertThat(body).contains("1.5");

        var reply = access.post("/api/v1/events", access.serviceKey, body);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").asText())
                .isEqualTo(expected.path("error").asText());
        assertThat(reply.json().path("message").asText())
                .isEqualTo(expected.path("message").asText());
        assertThat(reply.json().path("field").asText())
                .isEqualTo(expected.path("field").asText());
    }
}
