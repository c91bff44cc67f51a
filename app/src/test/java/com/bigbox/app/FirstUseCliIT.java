package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.app.engine.Settings;
import com.bigbox.testkit.TestDatabase;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer types first, and the one line that answers a mistake. */
class FirstUseCliIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path directory;

    @Test
    void startSuggestsUpAndHelpListsTestAndBench() {
        Cli.Run start = Cli.run(settings(Map.of()), "start");
        assertThat(start.exitCode()).isEqualTo(2);
        assertThat(start.err()).contains("bigbox up").doesNotContain("import");
        Cli.Run help = Cli.run(settings(Map.of()), "--help");
        assertThat(help.out()).containsPattern("(?m)^  test ").containsPattern("(?m)^  bench ");
    }

    @Test
    void aMalformedDatabaseUrlNamesTheSettingOnce() {
        Cli.Run run = Cli.run(settings(Map.of("DATABASE_URL", "mysql://db.example.com/app")), "migrate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("DATABASE_URL");
        assertThat(run.err().split("DATABASE_URL", -1))
                .as("named once: " + run.err())
                .hasSize(2);
    }

    @Test
    void anUnreachableDatabaseSaysTheCauseInOneLine() throws Exception {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String server = db.databaseUrl();
        String hostAndPort = server.substring("postgresql://".length(), server.indexOf('/', "postgresql://".length()));
        assertOneLine(server.replace(hostAndPort, "127.0.0.1:" + closed), "refused");
        assertOneLine(
                server.replace("/" + db.name(), "/no_such_database"), "database \"no_such_database\" does not exist");
        assertOneLine(server.replace("user=postgres", "user=no_such_role"), "role \"no_such_role\" does not exist");
    }

    @Test
    void outputThatGoesToNoTerminalCarriesNoEscapeCodes() throws Exception {
        // As processes, their output a pipe (a file, CI's log): help, a mistake's one line, and a refused setting.
        for (var args : java.util.List.of(new String[] {"--help"}, new String[] {"start"}, new String[] {"migrate"})) {
            try (var command =
                    EngineProcess.start(directory, Map.of("DATABASE_URL", "mysql://db.example.com/app"), args)) {
                command.awaitExit(java.time.Duration.ofMinutes(2));
                assertThat(command.output())
                        .as(String.join(" ", args))
                        .isNotBlank()
                        .doesNotContain("\u001b");
            }
        }
    }

    @Test
    void theLaunchersBuildToolOutputCarriesNoEscapeCodes() {
        // Maven 3.8's console library writes a colour reset at start and exit even with colours off; the launcher
        // turns that off. `test -v` runs the launcher's Maven as `./bigbox test` does, printing only its version.
        Path launcher = Path.of(System.getProperty("user.dir")).getParent().resolve("bigbox");
        String out = com.bigbox.testkit.Tools.run(
                java.util.List.of("env", "BIGBOX_TEST_DATABASE_URL=unused", launcher.toString(), "test", "-v"));
        assertThat(out).contains("Apache Maven").doesNotContain("\u001b");
    }

    private void assertOneLine(String url, String cause) {
        Cli.Run run = Cli.run(settings(Map.of("DATABASE_URL", url)), "migrate");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().strip())
                .as("one line")
                .doesNotContain("\n")
                .startsWith("bigbox migrate: cannot connect to")
                .contains(cause);
    }

    private Settings settings(Map<String, String> values) {
        return Settings.of(values, directory);
    }
}
