package com.bigbox.app.commands;

import com.bigbox.app.engine.DatabaseChoice;
import com.bigbox.app.engine.Settings;
import com.bigbox.postgres.Database;
import com.bigbox.postgres.Migrations;
import com.bigbox.postgres.access.WebhookSecretStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bigbox webhook-secret rotate}: the lead webhook's signing secrets. */
@Command(
        name = "webhook-secret",
        mixinStandardHelpOptions = true,
        description = "Manage the lead webhook's signing secrets (two are accepted at once).",
        subcommands = {WebhookSecretCommand.Rotate.class})
public final class WebhookSecretCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "rotate",
            mixinStandardHelpOptions = true,
            description = {
                "Create a new secret and print it. The previous one stays valid until the next rotation,",
                "so senders can switch without downtime; the one before it stops working now."
            })
    static final class Rotate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(
                names = "--directory",
                defaultValue = ".",
                description = "Where .env is (default: the current directory).")
        Path directory;

        @Override
        public Integer call() throws Exception {
            Settings settings = Settings.load(directory.toAbsolutePath().normalize());
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String secret = "whsec_" + HexFormat.of().formatHex(bytes);
            try (DatabaseChoice choice = DatabaseChoice.open(settings);
                    Database database = new Database(choice.url(), 4, "bigbox-webhook-secret")) {
                Migrations.apply(database.pool());
                var store = new WebhookSecretStore(database.pool());
                store.rotate(secret);
                var out = spec.commandLine().getOut();
                out.println("# New lead-webhook secret (the previous one is still accepted until the next rotation).");
                out.println(
                        "# Sign: X-Bigbox-Timestamp: <unix seconds>, X-Bigbox-Signature: v1=hex(HMAC-SHA256(secret, timestamp + \".\" + body))");
                out.println("BIGBOX_WEBHOOK_SECRET=" + secret);
                out.printf("# %d secret(s) active%n", store.active().size());
            }
            return 0;
        }
    }
}
