package com.bigbox.app.commands;

import com.bigbox.app.engine.JwtSecretFile;
import com.bigbox.app.engine.Settings;
import com.bigbox.postgres.access.DbRole;
import com.bigbox.server.auth.JwtSecret;
import com.bigbox.server.auth.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Creates the JWT secret when there is none and prints the anon and service_role keys. */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = {
            "Print the anon and service_role keys (HS256 JWTs, as Supabase issues them) in .env form.",
            "Creates the JWT secret in .bigbox/jwt-secret (mode 600) unless BIGBOX_JWT_SECRET is set."
        })
public final class KeysCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--url",
            description =
                    "SUPABASE_URL to print and write: the engine's address as clients reach it "
                            + "(default: http://127.0.0.1:PORT, else the SUPABASE_URL already in the environment or .env, else http://127.0.0.1:8080).")
    String url;

    @Option(
            names = "--port",
            description = "The port the engine listens on ('bigbox up --port'), for the default SUPABASE_URL.")
    Integer port;

    @Option(
            names = "--days",
            defaultValue = "3650",
            description = "How long the keys stay valid (default: ${DEFAULT-VALUE} days).")
    int days;

    @Option(
            names = "--directory",
            defaultValue = ".",
            description = "Where .env and .bigbox/ are (default: the current directory).")
    Path directory;

    @Option(
            names = "--write-env",
            description = "Also write SUPABASE_URL and the keys into .env (mode 600), replacing earlier values.")
    boolean writeEnv;

    @Override
    public Integer call() throws IOException {
        if (days < 1 || days > 36_500) {
            throw new IllegalArgumentException("--days must be between 1 and 36500, was " + days);
        }
        Settings settings = Settings.load(directory.toAbsolutePath().normalize());
        boolean[] created = {false};
        JwtSecret secret = JwtSecretFile.loadOrCreate(settings, created);
        var tokens = new Tokens(secret, Clock.systemUTC(), Duration.ofHours(1));
        Duration validity = Duration.ofDays(days);
        var values = new java.util.LinkedHashMap<String, String>();
        values.put("SUPABASE_URL", url(settings));
        values.put("SUPABASE_ANON_KEY", tokens.apiKey(DbRole.ANON, validity));
        values.put("SUPABASE_SERVICE_ROLE_KEY", tokens.apiKey(DbRole.SERVICE_ROLE, validity));
        var out = spec.commandLine().getOut();
        out.println("# "
                + (created[0]
                        ? "Created the JWT secret in " + JwtSecretFile.path(settings)
                        : settings.get("BIGBOX_JWT_SECRET").isPresent()
                                ? "JWT secret from BIGBOX_JWT_SECRET"
                                : "JWT secret from " + JwtSecretFile.path(settings))
                + ". The service_role key bypasses row-level security: keep it secret.");
        values.forEach((name, value) -> out.println(name + "=" + value));
        if (writeEnv) {
            Path env = settings.workingDirectory().resolve(".env");
            writeEnv(env, values);
            out.println("# wrote these to " + env);
        }
        return 0;
    }

    // --url, else --port on this machine, else what the user already set, else `bigbox up`'s default port.
    private String url(Settings settings) {
        if (url != null) {
            return url;
        }
        if (port != null) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("--port must be between 1 and 65535, was " + port);
            }
            return "http://127.0.0.1:" + port;
        }
        return settings.get("SUPABASE_URL").orElse("http://127.0.0.1:8080");
    }

    private static void writeEnv(Path env, Map<String, String> values) throws IOException {
        var lines = new ArrayList<String>();
        if (Files.isRegularFile(env)) {
            for (String line : Files.readAllLines(env, StandardCharsets.UTF_8)) {
                String name = line.contains("=")
                        ? line.substring(0, line.indexOf('=')).strip()
                        : "";
                if (!values.containsKey(name)) {
                    lines.add(line);
                }
            }
        } else {
            Files.createFile(env, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        values.forEach((name, value) -> lines.add(name + "=" + value));
        Files.write(env, List.copyOf(lines), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
    }
}
