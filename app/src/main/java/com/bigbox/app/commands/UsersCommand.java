package com.bigbox.app.commands;

import com.bigbox.app.engine.DatabaseChoice;
import com.bigbox.app.engine.JwtSecretFile;
import com.bigbox.app.engine.Settings;
import com.bigbox.postgres.Database;
import com.bigbox.postgres.Migrations;
import com.bigbox.postgres.access.RefreshTokenStore;
import com.bigbox.postgres.access.SignInAttempts;
import com.bigbox.postgres.access.StoredUser;
import com.bigbox.postgres.access.UserStore;
import com.bigbox.server.auth.AuthService;
import com.bigbox.server.auth.Sessions;
import com.bigbox.server.auth.Tokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bigbox users add|list}: the users who sign in to the dashboard and {@code /auth/v1}. */
@Command(
        name = "users",
        mixinStandardHelpOptions = true,
        description =
                "Create and list the users of /auth/v1 and the dashboard (in DATABASE_URL or the embedded database).",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class})
public final class UsersCommand {
    @Option(
            names = "--directory",
            defaultValue = ".",
            description = "Where .env and .bigbox/ are (default: the current directory).")
    Path directory;

    /** Runs work with the auth service over the configured database, its schema applied. */
    <T> T withAuth(AuthWork<T> work) throws IOException {
        Settings settings = Settings.load(directory.toAbsolutePath().normalize());
        try (DatabaseChoice choice = DatabaseChoice.open(settings);
                Database database = new Database(choice.url(), 4, "bigbox-users")) {
            Migrations.apply(database.pool());
            var tokens = new Tokens(
                    JwtSecretFile.loadOrCreate(settings, new boolean[1]), Clock.systemUTC(), Duration.ofHours(1));
            var refreshTokens = new RefreshTokenStore(database.pool());
            var auth = new AuthService(
                    new UserStore(database.pool()),
                    new SignInAttempts(database.pool(), Duration.ofMinutes(15)),
                    refreshTokens,
                    new Sessions(refreshTokens, Duration.ZERO, System::nanoTime),
                    tokens,
                    Clock.systemUTC(),
                    new AuthService.Options(
                            false, Duration.ofDays(1), settings.integer("BIGBOX_BCRYPT_COST", 10, 4, 16), "Big Box"));
            return work.run(auth);
        }
    }

    @FunctionalInterface
    interface AuthWork<T> {
        T run(AuthService auth);
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = {
                "Create a user who can sign in to the dashboard.",
                "Without --password, the password is asked for (or read as one line from standard input)."
            })
    static final class Add implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;

        @Spec
        CommandSpec spec;

        @Option(names = "--email", required = true, description = "The e-mail address to sign in with.")
        String email;

        @Option(
                names = "--password",
                description = "At least 8 characters; prefer the prompt: a command line is visible to other users.")
        String password;

        @Option(names = "--role", required = true, description = "ceo, employee or client.")
        String role;

        @Option(
                names = "--client-id",
                description = "The client a client user belongs to (required for --role client).")
        String clientId;

        @Override
        public Integer call() throws IOException {
            String secret = password != null ? password : readPassword();
            StoredUser user = users.withAuth(auth -> auth.createUser(email, secret, role, clientId));
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    "Created %s (%s%s), id %s. Sign in at the dashboard: the engine's address (bigbox up), by default "
                            + "http://127.0.0.1:8080/%n",
                    user.email(),
                    user.appRole(),
                    user.clientId() == null ? "" : ", client " + user.clientId(),
                    user.id());
            return 0;
        }

        private String readPassword() throws IOException {
            if (System.console() != null) {
                char[] typed = System.console().readPassword("Password for %s: ", email);
                return typed == null ? null : new String(typed);
            }
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null) {
                throw new IllegalArgumentException("--password is missing and standard input gave none");
            }
            return line;
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List the users: e-mail, role, client, last sign-in.")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            List<StoredUser> all = users.withAuth(auth -> auth.list(10_000, 0));
            PrintWriter out = spec.commandLine().getOut();
            if (all.isEmpty()) {
                out.println("No users yet. Create one: bigbox users add --email you@example.com --role ceo");
            }
            for (StoredUser user : all) {
                out.printf(
                        "%-40s %-9s %-20s %s%n",
                        user.email(),
                        user.appRole(),
                        user.clientId() == null ? "" : user.clientId(),
                        user.lastSignInAt() == null ? "never signed in" : "last signed in " + user.lastSignInAt());
            }
            return 0;
        }
    }
}
