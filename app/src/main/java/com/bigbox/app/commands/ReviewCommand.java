package com.bigbox.app.commands;

import com.bigbox.app.engine.AutonomicWiring;
import com.bigbox.app.engine.Settings;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.improvement.review.ReviewWeek;
import com.bigbox.autonomic.improvement.review.WeeklyReview;
import com.bigbox.postgres.autonomic.PostgresAdapters;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The reviews the 90-day doctrine asks for; today the weekly automation review. */
@Command(
        name = "review",
        mixinStandardHelpOptions = true,
        subcommands = ReviewCommand.Weekly.class,
        description = "Reviews the 90-day doctrine asks for (see docs/self-improvement.md).")
public final class ReviewCommand implements Runnable, Settings.Source {
    @ParentCommand
    Settings.Source main;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Override
    public Settings settings() {
        return main.settings();
    }

    /** {@code bigbox review weekly [--week 2026-W48] [--json]}. */
    @Command(
            name = "weekly",
            mixinStandardHelpOptions = true,
            description =
                    "The weekly automation review: top automation gaps, margin leaks and drift signals with their figures, "
                            + "the week's doctrine violations, and the quarterly 30% question (automation rate by SOP >= 70%, manual work "
                            + "< 20%, override rate < 15%, CEO interrupts < 7 a week) with pass or fail.")
    public static final class Weekly implements Callable<Integer> {
        @ParentCommand
        ReviewCommand review;

        @Spec
        CommandSpec spec;

        @Option(
                names = "--week",
                paramLabel = "YYYY-Www",
                description = "The ISO week to review, e.g. 2026-W48. Default: this week so far.")
        String week;

        @Option(
                names = "--at",
                paramLabel = "TIME",
                converter = TimeOption.class,
                description =
                        "Review as of this time (ISO-8601 or a date, UTC) instead of now: a simulated or restored log.")
        Instant at;

        @Option(names = "--json", description = "Print the review as JSON (as GET /api/v1/reviews/weekly returns it).")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Settings settings = review.settings();
            Instant now = at != null ? at : Clock.systemUTC().instant();
            ReviewWeek reviewed = week == null ? ReviewWeek.of(now) : ReviewWeek.parse(week);
            var goLive = AutonomicWiring.goLive(settings);
            var doctrine = AutonomicWiring.doctrine(settings);
            PrintWriter out = spec.commandLine().getOut();
            try (OneShot db = OneShot.open(settings, "review")) {
                WeeklyReview result = db.store()
                        .inTransaction(w -> PostgresAdapters.weeklyReview(w, doctrine, goLive, reviewed, now));
                out.print(json ? EventCodec.write(result) + System.lineSeparator() : result.text());
                out.flush();
            }
            return 0;
        }
    }
}
