package com.bigbox.app.engine;

import io.github.cdimascio.dotenv.Dotenv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's settings, from the environment and a {@code .env} file in the working directory (the
 * environment wins). Secrets live here, never in the repository. A bad value fails at start with a
 * message naming the setting.
 */
public final class Settings {
    private final Map<String, String> values;
    private final Path workingDirectory;

    /** Exactly these settings, nothing from the environment: for tests and for embedding the engine. */
    public static Settings of(Map<String, String> values, Path workingDirectory) {
        return new Settings(values, workingDirectory);
    }

    Settings(Map<String, String> values, Path workingDirectory) {
        this.values = Map.copyOf(values);
        this.workingDirectory = workingDirectory;
    }

    /** The environment over {@code .env} in {@code workingDirectory}. */
    public static Settings load(Path workingDirectory) {
        var merged = new HashMap<String, String>();
        if (Files.isRegularFile(workingDirectory.resolve(".env"))) {
            Dotenv.configure()
                    .directory(workingDirectory.toString())
                    .ignoreIfMalformed()
                    .load()
                    .entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)
                    .forEach(e -> merged.put(e.getKey(), e.getValue()));
        }
        merged.putAll(System.getenv());
        return new Settings(merged, workingDirectory);
    }

    /** These settings with {@code name} set to {@code value} (the demo points its engine at its own database). */
    public Settings with(String name, String value) {
        var changed = new HashMap<>(values);
        changed.put(name, value);
        return new Settings(changed, workingDirectory);
    }

    public Optional<String> get(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public int integer(String name, int otherwise, int min, int max) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                throw new SettingException(name, "must be between " + min + " and " + max + ", was " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new SettingException(name, "must be a whole number, was '" + value.get() + "'");
        }
    }

    /** Where the engine keeps its files: {@code BIGBOX_HOME}, by default {@code .bigbox} in the working directory. */
    public Path home() {
        return get("BIGBOX_HOME")
                .map(Path::of)
                .orElse(workingDirectory.resolve(".bigbox"))
                .toAbsolutePath();
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    /** Where a command finds its settings: {@code Main} gives the environment's, a test its own. */
    public interface Source {
        Settings settings();
    }

    /** A setting whose value cannot be used. */
    public static final class SettingException extends IllegalArgumentException {
        public SettingException(String name, String problem) {
            // "DATABASE_URL must start with ..." already names the setting: say it once.
            super(problem.startsWith(name + " ") ? problem : "setting " + name + " " + problem);
        }
    }
}
