package com.bigbox.app.engine;

import com.bigbox.server.auth.JwtSecret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;

/**
 * Where the JWT secret comes from: {@code BIGBOX_JWT_SECRET} (environment or {@code .env}), else the
 * file {@code <home>/jwt-secret}, created with a random secret and mode 600 when missing. It is never
 * written into the repository ({@code .bigbox/} and {@code .env} are ignored by git).
 */
public final class JwtSecretFile {
    static final String SETTING = "BIGBOX_JWT_SECRET";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private JwtSecretFile() {}

    /** The file the secret lives in when it is not given by the environment. */
    public static Path path(Settings settings) {
        return settings.home().resolve("jwt-secret");
    }

    /** The configured secret; creates the file when neither is there. {@code created} reports whether it did. */
    public static JwtSecret loadOrCreate(Settings settings, boolean[] created) throws IOException {
        Optional<String> configured = settings.get(SETTING);
        if (configured.isPresent()) {
            return parse(SETTING, configured.get());
        }
        Path file = path(settings);
        if (Files.isRegularFile(file)) {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        }
        Files.createDirectories(file.getParent());
        String secret = JwtSecret.generate(new SecureRandom());
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
        if (created != null && created.length > 0) {
            created[0] = true;
        }
        return JwtSecret.of(secret);
    }

    private static JwtSecret parse(String source, String text) {
        try {
            return JwtSecret.of(text);
        } catch (IllegalArgumentException e) {
            throw new Settings.SettingException(SETTING, "(from " + source + ") " + e.getMessage());
        }
    }

    /**
     * A key of the service role for a runner's workload: BIGBOX_SERVICE_ROLE_KEY, else one signed with the
     * cluster's JWT secret when this machine has it (BIGBOX_JWT_SECRET or the secret file); empty otherwise.
     */
    public static java.util.Optional<String> serviceKey(Settings settings) throws IOException {
        java.util.Optional<String> given = settings.get("BIGBOX_SERVICE_ROLE_KEY");
        if (given.isPresent()
                || settings.get("BIGBOX_JWT_SECRET").isEmpty() && !java.nio.file.Files.isRegularFile(path(settings))) {
            return given;
        }
        var tokens = new com.bigbox.server.auth.Tokens(
                loadOrCreate(settings, null), java.time.Clock.systemUTC(), java.time.Duration.ofHours(1));
        return java.util.Optional.of(
                tokens.apiKey(com.bigbox.postgres.access.DbRole.SERVICE_ROLE, java.time.Duration.ofHours(12)));
    }
}
