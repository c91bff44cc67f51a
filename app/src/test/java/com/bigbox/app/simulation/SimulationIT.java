package com.bigbox.app.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.sop.SopFile;
import com.bigbox.testkit.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;

/**
 * A short horizon of the simulation on the real engine and PostgreSQL: the same seed gives the same weekly
 * figures, the figures are what the log holds, people decide through the approval service, and the plot is
 * an SVG with a curve per run and panel.
 */
class SimulationIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Simulation.Options OPTIONS = new Simulation.Options(8, 7, true, new AgencySize(3));
    private static final List<String> created = new ArrayList<>();
    private static ScratchDatabases server;
    private static SimulationRun first;
    private static SimulationRun second;
    private static String firstUrl;

    @BeforeAll
    static void runTwice() throws IOException {
        server = ScratchDatabases.on(db.databaseUrl());
        List<SopFile> sops = sops();
        firstUrl = server.create(name("a"));
        first = Simulation.run(OPTIONS, firstUrl, Files.createTempDirectory("sim-a"), sops, (day, days) -> {});
        second = Simulation.run(
                OPTIONS, server.create(name("b")), Files.createTempDirectory("sim-b"), sops, (day, days) -> {});
        Report.print(new java.io.PrintWriter(System.out, true, StandardCharsets.UTF_8), List.of(first, second));
    }

    @AfterAll
    static void dropScratchDatabases() throws IOException {
        created.forEach(server::drop);
        server.close();
    }

    @Test
    void theSameSeedGivesTheSameWeeklyFigures() {
        assertThat(first.weeks()).hasSize(2);
        assertThat(first.leads()).isGreaterThan(10);
        assertThat(second.weeks()).isEqualTo(first.weeks());
        assertThat(second.leads()).isEqualTo(first.leads());
    }

    @Test
    void theFiguresAreTheCountsOfTheLog() throws SQLException {
        String end = Simulation.START.plus(Duration.ofDays(OPTIONS.days())).toString();
        // A task a person wrote by hand passes Oversight but is no agent's decision: the figures leave it out.
        String agents =
                " and not exists (select 1 from events d where d.event_id = (events.payload ->> 'decision_event_id')::uuid"
                        + " and d.emitted_by like 'person:%')";
        assertThat(first.weeks().stream().mapToLong(WeekFigures::executed).sum())
                .isEqualTo(count("event_type = 'AUTONOMIC_DECISION_EXECUTED' and timestamp < '" + end + "'" + agents))
                .isPositive();
        assertThat(first.weeks().stream().mapToLong(WeekFigures::asked).sum())
                .isEqualTo(count("event_type = 'HUMAN_APPROVAL_REQUESTED' and timestamp < '" + end + "'" + agents))
                .isPositive();
        assertThat(first.weeks().stream().mapToLong(WeekFigures::ceoInterrupts).sum())
                .isEqualTo(count("event_type = 'CEO_INTERRUPT_REQUIRED' and timestamp < '" + end + "'" + agents));
    }

    /**
     * The wrong and judged counts, recomputed straight from the events table: every decision that took effect with no
     * person (executed alone, or approved by silence), found by its id, judged against its lead's truth (the lead found
     * through its LEAD_RECEIVED, the flow's first event) — and compared with what the report says. A loop's proposal and
     * a task a person wrote by hand pass Oversight too but are no agent's decision.
     */
    @Test
    void theWrongCountsAreTheLogsJudgedByTheTruth() throws SQLException {
        String end = Simulation.START.plus(Duration.ofDays(OPTIONS.days())).toString();
        var agency = new Agency(OPTIONS.seed(), OPTIONS.size());
        var truth = new DecisionTruth(new Staff(OPTIONS.seed()));
        long unattended = 0, judged = 0, wrong = 0;
        String sql = """
                select d.event_id, d.event_type, d.payload::text, d.emitted_by, d."timestamp", l.aggregate_id
                from events r
                join events d on d.event_id = (r.payload ->> 'decision_event_id')::uuid
                left join events l on l.event_id = d.correlation_id and l.event_type = 'LEAD_RECEIVED'
                where r.event_type in ('AUTONOMIC_DECISION_EXECUTED', 'APPROVED_BY_SILENCE') and r."timestamp" < ?::timestamptz
                  and d.emitted_by not like 'loop:%' and d.emitted_by not like 'person:%'
                """;
        try (Connection c = connect();
                var s = c.prepareStatement(sql)) {
            s.setString(1, end);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    String leadStream = rs.getString(6);
                    LeadCase lead = leadStream == null
                            ? null
                            : agency.lead(
                                    Integer.parseInt(leadStream.substring(leadStream.lastIndexOf('-') + 1)),
                                    Simulation.START);
                    var at = rs.getTimestamp(5).toInstant();
                    var decision = new com.bigbox.core.RecordedEvent(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            com.bigbox.core.StreamId.of("X", "x"),
                            0,
                            new com.bigbox.core.Position(0, 0),
                            rs.getString(3),
                            "{}",
                            null,
                            null,
                            rs.getString(4),
                            null,
                            at,
                            at);
                    var verdict = truth.judge(lead, decision).verdict();
                    unattended++;
                    judged += verdict == DecisionTruth.Verdict.UNJUDGED ? 0 : 1;
                    wrong += verdict == DecisionTruth.Verdict.WRONG ? 1 : 0;
                }
            }
        }
        assertThat(first.effect()).isEqualTo(new WeekFigures.Effect(unattended, judged, wrong));
        assertThat(judged).isPositive();
        assertThat(first.decisions().stream()
                        .map(DecisionTally::effect)
                        .reduce(WeekFigures.Effect.NONE, WeekFigures.Effect::plus))
                .isEqualTo(first.effect());
        assertThat(first.finalDecisions().stream()
                        .map(DecisionTally::effect)
                        .reduce(WeekFigures.Effect.NONE, WeekFigures.Effect::plus))
                .isEqualTo(first.finalEffect());
    }

    @Test
    void peopleDecideThroughTheApprovalService() throws SQLException {
        long decided = count("event_type in ('HUMAN_APPROVAL_GRANTED', 'HUMAN_APPROVAL_REJECTED', 'HUMAN_OVERRIDE', "
                + "'HUMAN_APPROVAL_STEP_APPROVED') and payload ->> 'decided_by' like 'person:%'");
        assertThat(decided).isEqualTo(first.humanDecisions()).isPositive();
        try (Connection c = connect();
                var s = c.createStatement();
                var rs = s.executeQuery("select count(*) from human_approvals where resolved_by like 'person:%'")) {
            rs.next();
            assertThat(rs.getLong(1)).isPositive();
        }
        assertThat(count("event_type = 'TASK_CREATED' and emitted_by like 'person:%' and payload ? 'reason'"))
                .isPositive();
    }

    @Test
    void thePlotIsAnSvgWithACurvePerRunAndPanel() throws Exception {
        String svg = SvgPlot.render(List.of(first, second));
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(4 * 2);
        assertThat(doc.getElementsByTagName("polyline")
                        .item(0)
                        .getAttributes()
                        .getNamedItem("points")
                        .getNodeValue()
                        .split(" "))
                .hasSize(first.weeks().size());
    }

    private static long count(String where) throws SQLException {
        try (Connection c = connect();
                var s = c.createStatement();
                var rs = s.executeQuery("select count(*) from events where " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(("jdbc:" + firstUrl).replace("jdbc:jdbc:", "jdbc:"));
    }

    private static String name(String suffix) {
        String name = (db.name() + "_" + suffix + "_"
                        + UUID.randomUUID().toString().substring(0, 4))
                .toLowerCase()
                .replace('-', '_');
        created.add(name);
        return name;
    }

    private static List<SopFile> sops() throws IOException {
        Path dir = Files.isDirectory(Path.of("../sops")) ? Path.of("../sops") : Path.of("sops");
        try (Stream<Path> files = Files.list(dir)) {
            var sops = new ArrayList<SopFile>();
            for (Path p :
                    files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                sops.add(new SopFile(p.getFileName().toString(), Files.readString(p)));
            }
            return sops;
        }
    }
}
