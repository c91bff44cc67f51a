package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The bigbox commands of autonomic operations, run as a user runs them: a separate process with DATABASE_URL. */
class AutonomicCliIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final Path SOPS = Path.of(System.getProperty("user.dir")).getParent().resolve("sops");

    @TempDir
    Path work;

    Cli.Run bigbox(String... args) throws IOException, InterruptedException {
        return Cli.process(work, db.databaseUrl(), Duration.ofSeconds(60), args);
    }

    long count(String sql) throws SQLException {
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void loadSopsLoadsNothingWhenOneFileIsBadThenLoadsAndSkipsWhatIsUnchanged() throws Exception {
        Path dir = Files.createDirectories(work.resolve("mixed"));
        Files.copy(SOPS.resolve("lead-intake-qualification.yaml"), dir.resolve("lead-intake-qualification.yaml"));
        Files.writeString(
                dir.resolve("broken.yaml"),
                "metadata:\n  id: broken\n  name: Broken\n  version: 1.0.0\nsteps:\n"
                        + "  - step_id: one\n    name: One\n    automation_level: full\n    timeout_hours: soon\n");
        Cli.Run bad = bigbox("load-sops", dir.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err())
                .contains("bigbox load-sops:", "nothing was loaded", "broken.yaml:9: steps[0].timeout_hours:");
        assertThat(count("select count(*) from sop_definitions")).isZero();

        Cli.Run ok = bigbox("load-sops", SOPS.toString(), "--by", "ops-lead");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("9 loaded, 0 updated, 0 unchanged");
        Cli.Run again = bigbox("load-sops", SOPS.toString());
        assertThat(again.out()).contains("0 loaded, 0 updated, 9 unchanged");
        assertThat(
                        count(
                                "select count(*) from events where event_type = 'SOP_VERSION_ACTIVATED' and emitted_by = 'ops-lead'"))
                .isEqualTo(9);

        Cli.Run missing = bigbox("load-sops", work.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no SOP directory");
    }

    @Test
    void leadSendsAnInquiryThroughTheIntakePathAndRefusesAMalformedOne() throws Exception {
        Cli.Run malformed = bigbox("lead", "--name", "Test Client", "--email", "test-at-example.com");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("bigbox lead: email must be an address like name@example.com");
        Cli.Run badUrgency =
                bigbox("lead", "--name", "Test Client", "--email", "test@example.com", "--urgency", "yesterday");
        assertThat(badUrgency.err()).contains("urgency must be one of");
        assertThat(count("select count(*) from events where event_type = 'LEAD_INQUIRY_RECEIVED'"))
                .isZero();

        Cli.Run ok = bigbox(
                "lead",
                "--name",
                "Test Client",
                "--email",
                "test@example.com",
                "--company",
                "Test Co",
                "--message",
                "We would like a quote for a brand refresh.");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out())
                .containsPattern("(?m)^LEAD_INQUIRY_RECEIVED [0-9a-f-]{36} \\(lead LEAD-[0-9a-f-]+, confidence 0.95");
        assertThat(count(
                        "select count(*) from events where event_type = 'LEAD_INQUIRY_RECEIVED' and emitted_by = 'IntakeAgent'"
                                + " and confidence = 0.95 and payload ->> 'client_id' = 'client-test-co'"))
                .isEqualTo(1);
    }

    @Test
    void replayRebuildsEveryDerivedTableOrTheOnesNamedWithProgressAndRate() throws Exception {
        Cli.Run run = bigbox("replay");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern(
                        "rebuilt human_approvals, sop_definitions, sop_executions, agent_metrics, client_health, "
                                + "improvement_signals from [0-9,]+ events in [0-9.]+ s, [0-9,]+ events/s");
        assertThat(run.err()).containsPattern("replayed [0-9,]+(/[0-9,]+)? events, [0-9,]+ events/s");
        assertThat(
                        count(
                                "select count(*) from subscription_checkpoints where subscription_name like 'projection:%' and owner = 'replay'"))
                .isEqualTo(3);

        Cli.Run one = bigbox("replay", "--projection", "sop_definitions");
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(one.out()).contains("rebuilt sop_definitions, sop_executions from");

        Cli.Run unknown = bigbox("replay", "--projection", "sop_definition");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err())
                .contains("bigbox replay: no projection named 'sop_definition'; there are [human_approvals, "
                        + "sop_definitions, sop_executions, agent_metrics, client_health, improvement_signals]");
    }

    @Test
    void reviewWeeklyPrintsTheGapsTheDoctrineAndTheThirtyPercentQuestionAndRefusesABadWeek() throws Exception {
        // The rows below go in with SQL, so the schema must be there whichever test of the class runs first.
        Cli.Run migrate = bigbox("migrate");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            for (int i = 0; i < 3; i++) {
                s.execute(
                        "insert into events (event_type, aggregate_type, aggregate_id, payload, emitted_by, \"timestamp\") values "
                                + "('TASK_CREATED', 'TASK', 'cli-" + i
                                + "', '{\"reason\": \"status_report\", \"estimated_minutes\": 40}', "
                                + "'person:alex', '2026-03-03T10:00:00Z')");
            }
            s.execute(
                    "insert into events (event_type, aggregate_type, aggregate_id, payload, emitted_by, \"timestamp\") values "
                            + "('AUTOMATION_GAP_DETECTED', 'IMPROVEMENT', 'gap:status_report', '{\"task_kind\": \"status_report\", "
                            + "\"occurrences\": 3, \"hours_per_week\": 2, \"cost_per_week\": 200, \"review_due_at\": \"2026-03-10T11:00:00Z\"}',"
                            + " 'loop:coverage', '2026-03-03T11:00:00Z')");
        }
        // The signals table is a projection: a replay folds the gap into it, as the live subscription does.
        assertThat(bigbox("replay", "--projection", "improvement_signals").exitCode())
                .isZero();
        Cli.Run run = bigbox("review", "weekly", "--week", "2026-W10", "--at", "2026-03-12T00:00:00Z");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "Weekly automation review 2026-W10",
                        "doctrine 1.2.0",
                        "Top automation gaps (1)",
                        "status_report",
                        "800.00/month",
                        "OVERDUE",
                        "Doctrine violations (0)",
                        "The 30% question",
                        "manual_work_share",
                        "override_rate",
                        "ceo_interrupts_per_week");
        Cli.Run json = bigbox("review", "weekly", "--week", "2026-W10", "--at", "2026-03-12T00:00:00Z", "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out()).contains("\"automation_gaps\":[{", "\"thirty_percent_question\":{", "\"overdue\":true");

        // The review judges by the doctrine the engine runs by: BIGBOX_DOCTRINE (here from .env), not the shipped one.
        Path doctrine = work.resolve("doctrine-local.json");
        try (var shipped = getClass().getResourceAsStream("/doctrine/doctrine-v1.json")) {
            assertThat(shipped).isNotNull();
            Files.writeString(
                    doctrine,
                    new String(shipped.readAllBytes(), StandardCharsets.UTF_8)
                            .replaceFirst("\"version\": \"1\\.2\\.0\"", "\"version\": \"1.2.0-local\""));
        }
        Files.writeString(work.resolve(".env"), "BIGBOX_DOCTRINE=" + doctrine + "\n");
        Cli.Run local = bigbox("review", "weekly", "--week", "2026-W10", "--at", "2026-03-12T00:00:00Z");
        assertThat(local.exitCode()).as(local.err()).isZero();
        assertThat(local.out()).contains("doctrine 1.2.0-local");

        Cli.Run bad = bigbox("review", "weekly", "--week", "last week");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("bigbox review weekly: week must look like 2026-W48");
    }
}
