package com.bigbox.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.app.Main;
import com.bigbox.app.engine.Engine;
import com.bigbox.app.engine.Settings;
import com.bigbox.testkit.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Engines over one test database with tenancy on (a client user's token sees only its client's rows), the
 * dashboard's demo data, and its users, created with {@code bigbox users add} as a newcomer would. The agents
 * are off, so the data stays what the tests expect.
 */
final class DashboardCluster implements AutoCloseable {
    static final String SECRET = "test-secret-for-the-dashboard-0123456789abcdef";
    static final String CEO = "ceo@bigbox.test";
    static final String EMPLOYEE = "emp@bigbox.test";
    static final String SECOND_EMPLOYEE = "emp2@bigbox.test";
    static final String ACME = "acme@client.test";
    static final String PASSWORD = "a-long-enough-password";

    final Path home;
    final List<Engine> engines = new ArrayList<>();

    private DashboardCluster(Path home) {
        this.home = home;
    }

    static DashboardCluster start(TestDatabase db, int instances) throws IOException, SQLException {
        Path home = Files.createTempDirectory("bigbox-dashboard-");
        Files.writeString(
                home.resolve(".env"),
                String.join(
                        "\n",
                        "DATABASE_URL=" + db.databaseUrl(),
                        "BIGBOX_JWT_SECRET=" + SECRET,
                        "BIGBOX_HOME=" + home,
                        "BIGBOX_TENANCY=on",
                        "BIGBOX_AGENTS=off",
                        "BIGBOX_BCRYPT_COST=4",
                        "BIGBOX_RATE_LIMIT_PER_IP=0",
                        "BIGBOX_RATE_LIMIT_PER_KEY=0",
                        ""));
        var cluster = new DashboardCluster(home);
        try {
            for (int i = 0; i < instances; i++) {
                cluster.engines.add(
                        Engine.start(Settings.load(home), new Engine.Options("127.0.0.1", 0, "dashboard-" + i)));
            }
            cluster.addUser(CEO, "ceo", null);
            cluster.addUser(EMPLOYEE, "employee", null);
            cluster.addUser(SECOND_EMPLOYEE, "employee", null);
            cluster.addUser(ACME, "client", "acme");
            try (Connection c = db.connect();
                    var s = c.createStatement();
                    InputStream sql = DashboardCluster.class.getResourceAsStream("/dashboard/demo-data.sql")) {
                s.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException | SQLException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** bigbox users add, in this process; returns what it printed. */
    String users(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        var all = new ArrayList<>(List.of("users", "--directory", home.toString()));
        all.addAll(List.of(args));
        int exit = commandLine.execute(all.toArray(String[]::new));
        return exit + "\n" + out + err;
    }

    private void addUser(String email, String role, String clientId) {
        var args = new ArrayList<>(List.of("add", "--email", email, "--password", PASSWORD, "--role", role));
        if (clientId != null) {
            args.addAll(List.of("--client-id", clientId));
        }
        assertThat(users(args.toArray(String[]::new))).startsWith("0\nCreated " + email);
    }

    String url(int instance) {
        return "http://127.0.0.1:" + engines.get(instance).port();
    }

    @Override
    public void close() {
        engines.forEach(Engine::close);
    }
}
