package com.bigbox.postgres.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.scheduling.Job;
import com.bigbox.autonomic.scheduling.JobRequest;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.StreamId;
import com.bigbox.postgres.Database;
import com.bigbox.postgres.DatabaseUrl;
import com.bigbox.postgres.Migrations;
import com.bigbox.postgres.PgEventStore;
import com.bigbox.postgres.autonomic.MutableClock;
import com.bigbox.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The durable schedule: a due job runs once across instances and threads, after restarts too. */
class JobSchedulingIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static Database databaseA;
    static Database databaseB;
    static PgEventStore storeA;
    static PgEventStore storeB;
    final PgJobScheduler scheduler = new PgJobScheduler();

    @BeforeAll
    static void migrate() throws SQLException {
        databaseA = new Database(DatabaseUrl.parse(db.jdbcUrl()), 8, "jobs-a");
        databaseB = new Database(DatabaseUrl.parse(db.jdbcUrl()), 8, "jobs-b");
        Migrations.apply(databaseA.pool());
        storeA = new PgEventStore(databaseA.pool(), () -> {});
        storeB = new PgEventStore(databaseB.pool(), () -> {});
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            s.execute("create table job_effects (job_key text not null, kind text not null, runner text not null)");
        }
    }

    @AfterAll
    static void close() {
        databaseA.close();
        databaseB.close();
    }

    static PgJobRunner runner(PgEventStore store, MutableClock clock, String name, String kind) {
        var runner = new PgJobRunner(store, clock, name, Duration.ofHours(1));
        runner.handle(kind, (job, work) -> {
            try (var insert =
                    work.unwrap(Connection.class).prepareStatement("insert into job_effects values (?, ?, ?)")) {
                insert.setString(1, job.key());
                insert.setString(2, job.kind());
                insert.setString(3, name);
                insert.executeUpdate();
            }
            work.append(
                    StreamId.of("SYSTEM", "jobs-" + kind),
                    ExpectedVersion.any(),
                    List.of(NewEvent.of("JOB_RAN", "{\"key\": \"" + job.key() + "\"}")));
        });
        return runner;
    }

    static List<String> effects(String kind) throws SQLException {
        var keys = new ArrayList<String>();
        try (Connection c = db.connect();
                var s = c.prepareStatement("select job_key from job_effects where kind = ? order by job_key")) {
            s.setString(1, kind);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return keys;
    }

    @Test
    void manyRunnersOnTwoInstancesRunEachDueJobExactlyOnce() throws Exception {
        var clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        int jobs = 60;
        storeA.inTransaction(w -> {
            for (int i = 0; i < jobs; i++) {
                scheduler.schedule(
                        w,
                        JobRequest.once(
                                "race",
                                String.format("k%03d", i),
                                clock.instant().plusSeconds(i),
                                "{}"));
            }
            return null;
        });
        clock.advance(Duration.ofMinutes(5));
        var runners = List.of(
                runner(storeA, clock, "a1", "race"),
                runner(storeA, clock, "a2", "race"),
                runner(storeB, clock, "b1", "race"),
                runner(storeB, clock, "b2", "race"));
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> ran = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                PgJobRunner r = runners.get(t % runners.size());
                ran.add(pool.submit(() -> {
                    start.await();
                    return r.runDue();
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : ran) {
                total += f.get();
            }
            assertThat(total).isEqualTo(jobs);
        }
        List<String> effects = effects("race");
        assertThat(effects).hasSize(jobs).doesNotHaveDuplicates();
        assertThat(storeA.readStream(StreamId.of("SYSTEM", "jobs-race"), 0)).hasSize(jobs);
        runners.forEach(PgJobRunner::close);
    }

    @Test
    void aJobSurvivesItsInstanceAndRunsWhenDueOnAnother() throws Exception {
        var clock = new MutableClock(Instant.parse("2026-02-01T00:00:00Z"));
        storeA.inTransaction(w -> {
            scheduler.schedule(
                    w, JobRequest.once("restart", "later", clock.instant().plus(Duration.ofHours(2)), "{\"n\": 1}"));
            return null;
        });
        PgJobRunner first = runner(storeA, clock, "first", "restart");
        assertThat(first.runDue()).as("not due yet").isZero();
        first.close();

        clock.advance(Duration.ofHours(3));
        PgJobRunner second = runner(storeB, clock, "second", "restart");
        assertThat(second.runDue()).isEqualTo(1);
        assertThat(second.runDue()).isZero();
        assertThat(effects("restart")).containsExactly("later");
        second.close();
    }

    @Test
    void aRecurringJobRunsEveryPeriodAndACancelledOneNever() throws Exception {
        var clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
        storeA.inTransaction(w -> {
            scheduler.schedule(w, JobRequest.recurring("daily", "loop", clock.instant(), Duration.ofDays(1)));
            scheduler.schedule(w, JobRequest.once("daily", "cancelled", clock.instant(), "{}"));
            assertThat(scheduler.cancel(w, "daily", "cancelled")).isTrue();
            return null;
        });
        PgJobRunner runner = runner(storeA, clock, "loop", "daily");
        for (int day = 0; day < 3; day++) {
            assertThat(runner.runDue()).isEqualTo(1);
            assertThat(runner.runDue()).isZero();
            clock.advance(Duration.ofDays(1));
        }
        assertThat(effects("daily")).containsExactly("loop", "loop", "loop");
        runner.close();
    }

    @Test
    void theHandlerSeesTheJobAsScheduledWithNoPeriodForAOneShotJob() throws Exception {
        var clock = new MutableClock(Instant.parse("2026-04-01T00:00:00Z"));
        storeA.inTransaction(w -> {
            scheduler.schedule(w, JobRequest.once("seen", "once", clock.instant(), "{\"n\": 7}"));
            scheduler.schedule(w, JobRequest.recurring("seen", "hourly", clock.instant(), Duration.ofHours(1)));
            return null;
        });
        var seen = new ConcurrentHashMap<String, Job>();
        var runner = new PgJobRunner(storeA, clock, "seen", Duration.ofHours(1));
        runner.handle("seen", (job, work) -> seen.put(job.key(), job));
        assertThat(runner.runDue()).isEqualTo(2);
        runner.close();

        assertThat(seen.get("once").every()).as("a one-shot job has no period").isNull();
        assertThat(seen.get("once").payload()).isEqualTo("{\"n\": 7}");
        assertThat(seen.get("once").runAt()).isEqualTo(clock.instant());
        assertThat(seen.get("hourly").every()).isEqualTo(Duration.ofHours(1));
        assertThat(seen.get("hourly").attempts()).isZero();
    }

    @Test
    void aFailingJobIsRetriedLaterAndLeavesNoPartialEffect() throws Exception {
        var clock = new MutableClock(Instant.parse("2026-04-01T00:00:00Z"));
        storeA.inTransaction(w -> {
            scheduler.schedule(w, JobRequest.once("flaky", "once", clock.instant(), "{}"));
            return null;
        });
        var runner = new PgJobRunner(storeA, clock, "flaky", Duration.ofHours(1));
        int[] calls = {0};
        runner.handle("flaky", (job, work) -> {
            work.append(StreamId.of("SYSTEM", "flaky"), NewEvent.of("PARTIAL", "{}"));
            if (calls[0]++ == 0) {
                throw new IllegalStateException("the first run fails");
            }
        });
        assertThat(runner.runDue()).isEqualTo(1);
        assertThat(storeA.readStream(StreamId.of("SYSTEM", "flaky"), 0))
                .as("the failed run's effect rolled back")
                .isEmpty();
        assertThat(runner.runDue()).as("backoff: not yet").isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(runner.runDue()).isEqualTo(1);
        assertThat(storeA.readStream(StreamId.of("SYSTEM", "flaky"), 0)).hasSize(1);
        runner.close();
    }
}
