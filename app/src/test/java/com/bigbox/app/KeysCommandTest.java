package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.server.auth.JwtSecret;
import com.bigbox.server.auth.Tokens;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bigbox keys}: the secret file (mode 600), keys that verify with it, and {@code --write-env}. */
class KeysCommandTest {
    @TempDir
    Path directory;

    @Test
    void createsTheSecretOnceAndPrintsAnonAndServiceRoleKeys() throws Exception {
        Map<String, String> first = run("keys", "--directory", directory.toString());
        Path secretFile = directory.resolve(".bigbox/jwt-secret");
        assertThat(Files.getPosixFilePermissions(secretFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        var tokens = new Tokens(JwtSecret.of(Files.readString(secretFile)), Clock.systemUTC(), Duration.ofHours(1));
        assertThat(tokens.verify(first.get("SUPABASE_ANON_KEY")).role().claim()).isEqualTo("anon");
        assertThat(tokens.verify(first.get("SUPABASE_SERVICE_ROLE_KEY")).role().claim())
                .isEqualTo("service_role");
        assertThat(first.get("SUPABASE_URL")).isEqualTo("http://127.0.0.1:8080");

        String secret = Files.readString(secretFile);
        Map<String, String> second = run("keys", "--directory", directory.toString(), "--url", "http://localhost:9000");
        assertThat(Files.readString(secretFile)).as("the secret is kept").isEqualTo(secret);
        assertThat(tokens.verify(second.get("SUPABASE_ANON_KEY")).role().claim())
                .isEqualTo("anon");
        assertThat(second.get("SUPABASE_URL")).isEqualTo("http://localhost:9000");
    }

    @Test
    void writeEnvReplacesTheKeysAndKeepsOtherSettings() throws Exception {
        Files.writeString(directory.resolve(".env"), "DATABASE_URL=postgresql://db/x\nSUPABASE_ANON_KEY=old\n");
        Map<String, String> printed = run("keys", "--directory", directory.toString(), "--write-env");
        String env = Files.readString(directory.resolve(".env"));
        assertThat(env)
                .contains("DATABASE_URL=postgresql://db/x")
                .doesNotContain("=old")
                .contains("SUPABASE_ANON_KEY=" + printed.get("SUPABASE_ANON_KEY"))
                .contains("SUPABASE_SERVICE_ROLE_KEY=" + printed.get("SUPABASE_SERVICE_ROLE_KEY"));
        assertThat(Files.getPosixFilePermissions(directory.resolve(".env")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void writeEnvWritesTheUrlOfTheEnginesPortAndKeepsAUrlTheUserSet() throws Exception {
        run("keys", "--directory", directory.toString(), "--write-env", "--port", "9123");
        assertThat(Files.readString(directory.resolve(".env")))
                .contains("SUPABASE_URL=http://127.0.0.1:9123")
                .doesNotContain("8080");
        Map<String, String> again = run("keys", "--directory", directory.toString(), "--write-env");
        assertThat(again.get("SUPABASE_URL"))
                .as("the URL already in .env stays")
                .isEqualTo("http://127.0.0.1:9123");
        run("keys", "--directory", directory.toString(), "--write-env", "--url", "https://bigbox.example.com");
        assertThat(Files.readString(directory.resolve(".env")))
                .contains("SUPABASE_URL=https://bigbox.example.com")
                .doesNotContain("9123");
    }

    @Test
    void aShortSecretOrBadOptionIsRefusedWithAMessage() throws Exception {
        Files.createDirectories(directory.resolve(".bigbox"));
        Files.writeString(directory.resolve(".bigbox/jwt-secret"), "too-short");
        var err = new StringWriter();
        var commandLine = Main.commandLine();
        commandLine.setErr(new PrintWriter(err));
        assertThat(commandLine.execute("keys", "--directory", directory.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("BIGBOX_JWT_SECRET").contains("at least 32");
        assertThat(commandLine.execute("keys", "--directory", directory.toString(), "--days", "0"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--days");
    }

    private static Map<String, String> run(String... args) {
        var out = new StringWriter();
        var commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        assertThat(commandLine.execute(args)).as(out.toString()).isZero();
        var values = new LinkedHashMap<String, String>();
        out.toString()
                .lines()
                .filter(l -> !l.startsWith("#") && l.contains("="))
                .forEach(l -> values.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        return values;
    }
}
