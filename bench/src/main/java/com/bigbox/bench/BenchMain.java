package com.bigbox.bench;

import com.bigbox.postgres.DatabaseUrl;
import com.bigbox.postgres.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bigbox bench}: runs every benchmark in one run and prints the table. */
@Command(name = "bigbox bench", mixinStandardHelpOptions = true,
        description = "Measure append, delivery and read speed against raw JDBC and Axon on the same PostgreSQL.")
public final class BenchMain implements Callable<Integer> {
    @Option(names = "--database-url", description = "Server to measure on (a temporary database is created and dropped); "
            + "default: DATABASE_URL, else an embedded PostgreSQL with durable settings.")
    String databaseUrl;

    @Option(names = "--seconds", defaultValue = "5", description = "Length of each timed phase (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--quick", description = "Small sizes, for a smoke run.")
    boolean quick;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        String url = databaseUrl != null ? databaseUrl : System.getenv("DATABASE_URL");
        BenchSizes sizes = quick ? BenchSizes.QUICK : BenchSizes.full(seconds);
        if (url != null && !url.isBlank()) {
            System.out.print(BenchRun.on(DatabaseUrl.parse(url), sizes).markdown());
            return 0;
        }
        Path home = Files.createTempDirectory("bigbox-bench");
        try (EmbeddedDatabase embedded = EmbeddedDatabase.start(home.resolve("pgdata"), 0)) {
            System.out.print(BenchRun.on(embedded.url(), sizes).markdown());
        }
        return 0;
    }
}
