package com.bigbox.bench;

import com.bigbox.postgres.DatabaseUrl;
import com.bigbox.postgres.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bigbox bench}: runs every benchmark in one run and prints the table. */
@Command(
        name = "bigbox bench",
        mixinStandardHelpOptions = true,
        description =
                "Measure append, delivery and read speed against raw JDBC, Axon and Message DB on the same PostgreSQL.")
public final class BenchMain implements Callable<Integer> {
    @Option(
            names = "--database-url",
            description = "Server to measure on (a temporary database is created and dropped); "
                    + "default: DATABASE_URL, else an embedded PostgreSQL with durable settings.")
    String databaseUrl;

    @Option(
            names = "--seconds",
            defaultValue = "5",
            description = "Length of each timed phase (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(
            names = "--rounds",
            defaultValue = "3",
            description = "Rounds of every throughput case, order alternating (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--history",
            defaultValue = "10000,1000000,10000000",
            split = ",",
            description =
                    "Log sizes at which the history phase times the API's reads; 0 for none (default: ${DEFAULT-VALUE}).")
    long[] history;

    @Option(names = "--json", description = "Also write the results to this file, as JSON.")
    Path json;

    @Option(names = "--quick", description = "Small sizes, for a smoke run (checks that it runs, not its speed).")
    boolean quick;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || seconds < 1) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "--rounds and --seconds must be at least 1");
        }
        String url = databaseUrl != null ? databaseUrl : System.getenv("DATABASE_URL");
        List<Long> sizes =
                Arrays.stream(history).filter(s -> s > 0).sorted().boxed().toList();
        BenchSizes benchSizes = quick ? BenchSizes.quick() : BenchSizes.full(seconds, rounds, sizes);
        String command = LocalDate.now(ZoneOffset.UTC) + ", `./bigbox bench "
                + (quick
                        ? "--quick"
                        : "--seconds " + seconds
                                + " --rounds " + rounds + " --history "
                                + (sizes.isEmpty()
                                        ? "0"
                                        : String.join(
                                                ",",
                                                sizes.stream()
                                                        .map(String::valueOf)
                                                        .toList())))
                + "`";
        Report report;
        if (url != null && !url.isBlank()) {
            report = BenchRun.on(DatabaseUrl.parse(url), benchSizes, command);
        } else {
            Path home = Files.createTempDirectory("bigbox-bench");
            try (EmbeddedDatabase embedded = EmbeddedDatabase.start(home.resolve("pgdata"), 0)) {
                report = BenchRun.on(embedded.url(), benchSizes, command);
            }
        }
        System.out.print(report.markdown());
        if (json != null) {
            report.writeJson(json);
        }
        return 0;
    }
}
