package com.bigbox.app.commands;

import com.bigbox.app.engine.Settings;
import com.bigbox.app.simulation.AgencySize;
import com.bigbox.app.simulation.Habits;
import com.bigbox.app.simulation.Report;
import com.bigbox.app.simulation.ScratchDatabases;
import com.bigbox.app.simulation.SeedRuns;
import com.bigbox.app.simulation.Simulation;
import com.bigbox.app.simulation.SimulationRun;
import com.bigbox.app.simulation.SimulationRunner;
import com.bigbox.app.simulation.SvgPlot;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.sop.SopFile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Runs the seeded agency on an accelerated clock and prints the weekly figures (the 90-day benchmark). */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description =
                "Run a seeded agency (leads, meetings, quotes, projects, payments, people who decide by the truth) "
                        + "through the real agents, approvals, SOP engine and control loops on an accelerated clock, each run on a "
                        + "fresh scratch database, and print per week: automation rate, wrong autonomous decisions, approvals per day, "
                        + "CEO interrupts, SOP cycle times and cost, and the agents' thresholds. Progress goes to stderr.")
public final class SimulateCommand implements Callable<Integer> {
    @ParentCommand
    Settings.Source main;

    @Option(
            names = "--days",
            defaultValue = "90",
            description = "Days to simulate, 1 to 365 (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "The same seed gives the same figures (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--seeds", description = "Several seeds instead of --seed: a list and ranges, e.g. 11-20 or 1,4,9.")
    String seeds;

    @Option(
            names = "--parallel",
            defaultValue = "1",
            description = "How many runs at once, 1 to 16, each on its own database "
                    + "(default: ${DEFAULT-VALUE}); the figures do not depend on it.")
    int parallel;

    @Option(
            names = "--json",
            description = "Print one JSON object a seed instead of the tables: {\"seed\", \"days\", \"loops_off\", "
                    + "\"loops_on\"}, each side with automation_rate, wrong_rate_judged, judged_share (fractions over the last 4 weeks), "
                    + "max_ceo_interrupts_per_week and meets_targets.")
    boolean json;

    @Option(
            names = "--report-md",
            description = "Print a Markdown table of every seed instead of the tables (the README's); "
                    + "the same command prints the same table.")
    boolean reportMd;

    @Option(names = "--doctrine", description = "Run the engine by this doctrine file instead of the shipped one.")
    Path doctrine;

    @Option(
            names = "--meetings",
            defaultValue = "listed",
            description = "How the account manager sends a meeting: listed (its action items written down, the older "
                    + "contract) or transcript (what was said, read by the meeting agent's extractor) "
                    + "(default: ${DEFAULT-VALUE}).")
    String meetings;

    @Option(
            names = "--people",
            description = "Change the simulated people's habits from their defaults, e.g. "
                    + "approve_wrong=0.2,notice_wrong=0.4 (keys: absent, approve_wrong, reject_right, notice_wrong, notice_days, "
                    + "override_right).")
    String people;

    @Option(
            names = "--loops",
            defaultValue = "on",
            description = "on, off, or both (off then on, same seed) (default: ${DEFAULT-VALUE}).")
    String loops;

    @Option(
            names = "--leads-per-day",
            defaultValue = "5",
            description = "About how many leads arrive a business day, 1 to 50 " + "(default: ${DEFAULT-VALUE}).")
    int leadsPerDay;

    @Option(names = "--plot", description = "Write the weekly curves of every run to this SVG file.")
    Path plot;

    @Option(
            names = "--database-url",
            description = "A server to create the scratch databases on (default: DATABASE_URL's "
                    + "server, else an embedded PostgreSQL).")
    String databaseUrl;

    @Option(
            names = "--sops",
            defaultValue = "sops",
            description = "Directory of the SOPs to load (default: ${DEFAULT-VALUE}).")
    Path sops;

    @Option(
            names = "--keep",
            description = "Keep the scratch databases (their names are printed) instead of dropping them; "
                    + "with the embedded server, its data directory stays where the log says.")
    boolean keep;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Boolean> modes = switch (loops.toLowerCase(Locale.ROOT)) {
            case "on" -> List.of(true);
            case "off" -> List.of(false);
            case "both" -> List.of(false, true);
            default -> throw new IllegalArgumentException("--loops must be on, off or both, was '" + loops + "'");
        };
        if (json && reportMd) {
            throw new IllegalArgumentException("--json and --report-md: choose one");
        }
        if (parallel < 1 || parallel > 16) {
            throw new IllegalArgumentException("--parallel must be between 1 and 16, was " + parallel);
        }
        if (doctrine != null) {
            Doctrine.read(doctrine); // a bad doctrine fails before anything starts
        }
        boolean transcripts = transcripts();
        var size = new AgencySize(leadsPerDay);
        Habits habits = Habits.parse(people);
        var runsToDo = new ArrayList<Simulation.Options>();
        for (long s : seedList()) {
            for (boolean on : modes) {
                runsToDo.add(new Simulation.Options(
                        days, s, on, size, habits, doctrine, transcripts)); // validates --days before anything starts
            }
        }
        if (plot != null && plot.getParent() != null && !Files.isDirectory(plot.getParent())) {
            throw new IllegalArgumentException("--plot: no directory " + plot.getParent());
        }
        List<SopFile> sopFiles = LoadSopsCommand.read(sops);
        quietEngineLogs();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<SimulationRun> runs;
        Path work = Files.createTempDirectory("bigbox-simulate-");
        try (ScratchDatabases server = server(work)) {
            runs = new SimulationRunner(server, work, sopFiles, keep, err).runAll(runsToDo, parallel);
        } finally {
            if (!keep) {
                deleteQuietly(work); // engine homes and, when embedded, the scratch server's data
            }
        }
        if (json) {
            SeedRuns.printJson(out, runs);
        } else if (reportMd) {
            SeedRuns.printMarkdown(out, runs, command());
        } else {
            Report.print(out, runs);
        }
        if (plot != null) {
            Files.writeString(plot, SvgPlot.render(runs));
            err.println("plot: " + plot.toAbsolutePath());
        }
        out.flush();
        return 0;
    }

    private boolean transcripts() {
        return switch (meetings.toLowerCase(Locale.ROOT)) {
            case "listed" -> false;
            case "transcript" -> true;
            default ->
                throw new IllegalArgumentException("--meetings must be listed or transcript, was '" + meetings + "'");
        };
    }

    /** The command that reproduces this report (without where its databases live). */
    private String command() {
        var c = new StringBuilder("./bigbox simulate --days ").append(days);
        c.append(seeds != null ? " --seeds " + seeds : " --seed " + seed)
                .append(" --loops ")
                .append(loops);
        if (leadsPerDay != 5) {
            c.append(" --leads-per-day ").append(leadsPerDay);
        }
        if (doctrine != null) {
            c.append(" --doctrine ").append(doctrine);
        }
        if (!"listed".equalsIgnoreCase(meetings)) {
            c.append(" --meetings ").append(meetings);
        }
        if (people != null) {
            c.append(" --people ").append(people);
        }
        return c.append(" --report-md").toString();
    }

    List<Long> seedList() {
        if (seeds == null) {
            return List.of(seed);
        }
        var list = new ArrayList<Long>();
        for (String part : seeds.split(",")) {
            String p = part.strip();
            try {
                int dash = p.indexOf('-', 1);
                if (dash < 0) {
                    list.add(Long.parseLong(p));
                } else {
                    long from = Long.parseLong(p.substring(0, dash));
                    long to = Long.parseLong(p.substring(dash + 1));
                    if (to < from || to - from > 1000) {
                        throw new IllegalArgumentException(
                                "--seeds: a range runs upwards, at most 1000 seeds, was " + p);
                    }
                    for (long s = from; s <= to; s++) {
                        list.add(s);
                    }
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "--seeds: expected numbers and ranges like 11-20 or 1,4,9, was '" + p + "'");
            }
        }
        return list.stream().distinct().toList();
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // a temporary directory left behind is not worth failing a finished run for
        }
    }

    private ScratchDatabases server(Path work) throws java.io.IOException {
        Optional<String> url =
                Optional.ofNullable(databaseUrl).or(() -> main.settings().get("DATABASE_URL"));
        return url.isPresent() ? ScratchDatabases.on(url.get()) : ScratchDatabases.embedded(work);
    }

    // The engine logs every lead and decision at INFO; a simulation makes thousands of them, and stdout is the report.
    private static void quietEngineLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLoggerList().stream()
                    .filter(l -> l.getName().startsWith("com.bigbox"))
                    .forEach(l -> l.setLevel(ch.qos.logback.classic.Level.WARN));
        }
    }
}
