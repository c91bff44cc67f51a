package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.app.engine.Engine;
import com.bigbox.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bigbox meeting --file notes.txt --client …} run as a user runs it (a separate process with DATABASE_URL)
 * while an engine runs against the same database: the command records the meeting, the engine's meeting agent
 * reads it, and {@code --wait} shows what it made of it.
 */
class MeetingCliIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static Engine engine;

    @TempDir
    Path work;

    @BeforeAll
    static void start() throws IOException {
        engine = TestEngines.start(db, "meeting-cli-it");
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    Cli.Run bigbox(String... args) throws IOException, InterruptedException {
        return Cli.process(work, db.databaseUrl(), Duration.ofSeconds(120), args);
    }

    long count(String sql) throws SQLException {
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String one(String sql) throws SQLException {
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }

    @Test
    void aTranscriptFileIsRecordedAndTheRunningEngineReadsIt() throws Exception {
        Path notes = Files.writeString(work.resolve("notes.txt"), """
                [00:00:10] Chloe (client): We want a new logo for the spring launch, our budget is twenty thousand Euro.
                [00:00:30] Ben (account manager): So for the next meeting the designer is gonna be working on the logo options, by Friday.
                [00:00:50] Chloe (client): Okay, that sounds good.
                """);
        Cli.Run run = bigbox(
                "meeting",
                "--file",
                notes.toString(),
                "--client",
                "CLIENT-cli",
                "--date",
                "2026-12-09",
                "--meeting-id",
                "MEET-cli-1",
                "--wait",
                "90");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "MEETING_COMPLETED",
                        "meeting MEET-cli-1",
                        "client CLIENT-cli",
                        "MEETING_NOTES_ANALYZED",
                        "INTENT_INFERRED");

        String completed = one(
                "select event_id from events where event_type = 'MEETING_COMPLETED' and aggregate_id = 'MEET-cli-1'");
        assertThat(one(
                        "select payload -> 'analysis' ->> 'extractor' from events where event_type = 'MEETING_NOTES_ANALYZED'"
                                + " and causation_id = '" + completed + "'"))
                .isEqualTo("default");
        assertThat(one(
                        "select payload -> 'analysis' -> 'budget' ->> 'value' from events where event_type = 'MEETING_NOTES_ANALYZED'"
                                + " and causation_id = '" + completed + "'"))
                .isEqualTo("20000");
        // Which turns become tasks is the classifier's (MeetingTranscriptIT follows tasks through); the command's part
        // is that the agent read this text: the amounts and the service come from its words.
        assertThat(one("select payload -> 'analysis' -> 'service' ->> 'service_type' from events"
                        + " where event_type = 'MEETING_NOTES_ANALYZED' and causation_id = '" + completed + "'"))
                .isEqualTo("brand_identity");
    }

    @Test
    void aMissingFileOrClientIsRefusedAndNothingIsRecorded() throws Exception {
        Cli.Run missing =
                bigbox("meeting", "--file", work.resolve("nowhere.txt").toString(), "--client", "CLIENT-cli");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("bigbox meeting:", "nowhere.txt");
        Path notes = Files.writeString(work.resolve("notes.txt"), "We talked about the logo.\n");
        Cli.Run noClient = bigbox("meeting", "--file", notes.toString());
        assertThat(noClient.exitCode()).isEqualTo(2);
        assertThat(noClient.err()).contains("--client");
        assertThat(count(
                        "select count(*) from events where event_type = 'MEETING_COMPLETED' and payload ->> 'client_id' = 'CLIENT-cli'"
                                + " and aggregate_id <> 'MEET-cli-1'"))
                .isZero();
    }
}
