package com.bigbox.postgres.autonomic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bigbox.autonomic.sop.SopFile;
import com.bigbox.autonomic.sop.SopLoader;
import com.bigbox.autonomic.sop.SopValidationException;
import com.bigbox.testkit.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** load-sops: validate all, load none on error; skip what is unchanged; version what changed. */
class SopLoadIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static AutonomicHarness engine;

    @BeforeAll
    static void start() {
        engine = AutonomicHarness.start(db, "sops", new MutableClock(Instant.parse("2026-05-04T08:00:00Z")));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    SopLoader.Report load(List<SopFile> files) {
        return engine.tx(w -> engine.ops().sopLoader().load(w, files, "operator"));
    }

    @Test
    void loadingTwiceSkipsTheUnchangedAndAChangedFileBecomesANewVersion() {
        List<SopFile> shipped = AutonomicHarness.shippedSops();
        SopLoader.Report first = load(shipped);
        assertThat(first.count("loaded")).isEqualTo(9);
        assertThat(
                        engine.rows(
                                "select count(*), count(*) filter (where deactivated_at is null), min(approval_mechanism) from sop_definitions"))
                .containsExactly("9 | 9 | explicit_human");
        assertThat(
                        engine.rows(
                                "select definition->'metadata'->>'name', definition->'metrics'->>'automation_rate_target' from sop_definitions where sop_id = 'lead-intake-qualification'"))
                .containsExactly("Lead intake and qualification | 0.85");
        int events = engine.ofType("SOP_VERSION_ACTIVATED").size();
        assertThat(events).isEqualTo(9);

        SopLoader.Report again = load(shipped);
        assertThat(again.count("unchanged")).isEqualTo(9);
        assertThat(engine.ofType("SOP_VERSION_ACTIVATED")).hasSize(9);

        var changed = new ArrayList<SopFile>();
        for (SopFile f : shipped) {
            changed.add(
                    f.name().equals("discovery-meeting.yaml")
                            ? new SopFile(
                                    f.name(),
                                    f.text()
                                            .replace("version: 1.0.0", "version: 1.1.0")
                                            .replace("human_minutes: 60", "human_minutes: 45"))
                            : f);
        }
        SopLoader.Report third = load(changed);
        assertThat(third.entries())
                .filteredOn(e -> e.outcome().equals("updated"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.sopId()).isEqualTo("discovery-meeting");
                    assertThat(e.version()).isEqualTo(2);
                    assertThat(e.previousVersion()).isEqualTo(1);
                });
        assertThat(
                        engine.rows(
                                "select version, previous_version, deactivated_at is null, definition->'metadata'->>'version' from sop_definitions where sop_id = 'discovery-meeting' order by version"))
                .containsExactly("1 | null | false | 1.0.0", "2 | 1 | true | 1.1.0");
        assertThat(engine.ofType("SOP_VERSION_ACTIVATED")).hasSize(10).last().satisfies(e -> {
            assertThat(e.emittedBy()).isEqualTo("operator");
            assertThat(e.payload()).contains("\"previous_version\": 1", "\"document_version\": \"1.1.0\"");
        });
    }

    @Test
    void oneBadFileLoadsNothingAndNamesFileLineAndField() {
        var files = new ArrayList<SopFile>();
        files.add(new SopFile(
                "new-good.yaml",
                "metadata: {id: new-good, name: Good, version: 1.0.0}\n"
                        + "steps: [{step_id: a, name: A, automation_level: full}]\n"));
        files.add(new SopFile(
                "new-bad.yaml",
                "metadata:\n  id: new-bad\n  name: Bad\n  version: 1.0.0\nsteps:\n"
                        + "  - step_id: a\n    name: A\n    automation_level: always\n"));
        List<String> before = engine.rows("select sop_id, version from sop_definitions order by 1, 2");
        int events = engine.ofType("SOP_VERSION_ACTIVATED").size();
        assertThatThrownBy(() -> load(files)).isInstanceOfSatisfying(SopValidationException.class, e -> {
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo("new-bad.yaml");
                assertThat(p.line()).isEqualTo(8);
                assertThat(p.field()).isEqualTo("steps[0].automation_level");
            });
            assertThat(e.getMessage())
                    .contains("new-bad.yaml:8: steps[0].automation_level:")
                    .contains("nothing was loaded");
        });
        assertThat(engine.rows("select sop_id, version from sop_definitions order by 1, 2"))
                .isEqualTo(before);
        assertThat(engine.ofType("SOP_VERSION_ACTIVATED")).hasSize(events);
    }

    @Test
    void twoLoadersOfTheSameNewSopAtOnceStoreOneVersion() throws Exception {
        var file = List.of(new SopFile(
                "race.yaml",
                "metadata: {id: race-sop, name: Race, version: 1.0.0}\n"
                        + "steps: [{step_id: a, name: A, automation_level: full}]\n"));
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(4)) {
            var futures = new ArrayList<Future<SopLoader.Report>>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return load(file);
                }));
            }
            start.countDown();
            var outcomes = new ArrayList<String>();
            for (var f : futures) {
                outcomes.add(f.get().entries().getFirst().outcome());
            }
            assertThat(outcomes).containsExactlyInAnyOrder("loaded", "unchanged", "unchanged", "unchanged");
        }
        assertThat(engine.rows("select count(*) from sop_definitions where sop_id = 'race-sop'"))
                .containsExactly("1");
    }
}
