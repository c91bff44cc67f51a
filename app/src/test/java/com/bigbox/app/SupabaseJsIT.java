package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.testkit.TestDatabase;
import com.bigbox.testkit.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real supabase-js from npm ({@code e2e/supabase-js}, pinned by its package-lock) against a real
 * engine: REST selects with filters, inserts, RPC, auth, and postgres_changes subscriptions that receive
 * a psql insert within a second. Needs node and npm (Node 20+); installs with {@code npm ci} when
 * {@code node_modules} is missing.
 */
class SupabaseJsIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final Path PROJECT =
            Path.of(System.getProperty("user.dir")).getParent().resolve("e2e/supabase-js");

    @Test
    void supabaseJsFromNpmWorksAgainstTheEngine() throws Exception {
        Tools.require("node", "Node.js 20+ with npm (e.g. apt-get install nodejs npm)");
        Tools.require("npm", "npm (e.g. apt-get install npm)");
        if (!Files.isDirectory(PROJECT.resolve("node_modules"))) {
            Output install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300);
            assertThat(install.exit()).as("npm ci:%n%s", install.text()).isZero();
        }
        try (var access = AccessTesting.start(db, "supabase-js", Map.of("BIGBOX_AGENTS", "off"))) {
            Output test = run(
                    List.of("node", "--test", "--test-reporter=spec", "test/"),
                    Map.of(
                            "SUPABASE_URL",
                            access.url(),
                            "SUPABASE_ANON_KEY",
                            access.anonKey,
                            "SUPABASE_SERVICE_ROLE_KEY",
                            access.serviceKey,
                            "DATABASE_URL",
                            db.databaseUrl()),
                    180);
            System.out.println(test.text());
            assertThat(test.exit()).as("node --test:%n%s", test.text()).isZero();
            assertThat(test.text()).containsPattern("(?m)^\\S* ?fail 0$").doesNotContainPattern("(?m)^\\S* ?pass 0$");
        }
    }

    private record Output(int exit, String text) {}

    private static Output run(List<String> command, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        var output = new StringBuilder();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process ended
            }
        });
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            reader.join(5_000);
            return new Output(-1, output + "\n(timed out after " + timeoutSeconds + "s)");
        }
        reader.join(5_000);
        return new Output(process.exitValue(), output.toString());
    }
}
