package com.bigbox.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.bigbox.app.commands.ChaosCommand;
import com.bigbox.app.commands.DemoCommand;
import com.bigbox.app.commands.EvalCommand;
import com.bigbox.app.commands.ExportCommand;
import com.bigbox.app.commands.ImportCommand;
import com.bigbox.app.commands.KeysCommand;
import com.bigbox.app.commands.LeadCommand;
import com.bigbox.app.commands.LoadSopsCommand;
import com.bigbox.app.commands.MeetingCommand;
import com.bigbox.app.commands.MigrateCommand;
import com.bigbox.app.commands.ReplayCommand;
import com.bigbox.app.commands.ReviewCommand;
import com.bigbox.app.commands.SimulateCommand;
import com.bigbox.app.commands.TrainCommand;
import com.bigbox.app.commands.UpCommand;
import com.bigbox.app.commands.UsersCommand;
import com.bigbox.app.commands.WebhookSecretCommand;
import com.bigbox.app.engine.Settings;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bigbox}: the engine's command line. */
@Command(
        name = "bigbox",
        mixinStandardHelpOptions = true,
        version = "bigbox 0.1.0",
        description =
                "The Big Box Autonomic Engine: an event-sourced engine that runs a service business's operations.",
        footer = {
            "",
            "The launcher also runs:",
            "  test   Run the whole test suite (./bigbox test: mvn verify on its own embedded PostgreSQL).",
            "  bench  Run the benchmarks (./bigbox bench --help)."
        },
        subcommands = {
            UpCommand.class,
            MigrateCommand.class,
            KeysCommand.class,
            WebhookSecretCommand.class,
            LoadSopsCommand.class,
            LeadCommand.class,
            MeetingCommand.class,
            EvalCommand.class,
            TrainCommand.class,
            DemoCommand.class,
            SimulateCommand.class,
            ReplayCommand.class,
            ExportCommand.class,
            ImportCommand.class,
            ChaosCommand.class,
            UsersCommand.class,
            ReviewCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable, Settings.Source {
    private final Supplier<Settings> settings;

    public Main() {
        this(() -> Settings.load(Path.of("").toAbsolutePath()));
    }

    Main(Supplier<Settings> settings) {
        this.settings = settings;
    }

    /** The settings subcommands run with: the environment over {@code .env}, or what a test gives. */
    @Override
    public Settings settings() {
        return settings.get();
    }

    public static void main(String[] args) {
        configureLogging();
        System.exit(commandLine().execute(args));
    }

    /** The command line, with errors printed as one line naming the problem rather than a stack trace. */
    public static CommandLine commandLine() {
        return commandLine(new Main());
    }

    static CommandLine commandLine(Main main) {
        var commandLine = new CommandLine(main);
        CommandLine.IParameterExceptionHandler usual = commandLine.getParameterExceptionHandler();
        commandLine.setParameterExceptionHandler((e, args) ->
                startingWord(e) != null ? suggestUp(e, startingWord(e)) : usual.handleParseException(e, args));
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr()
                    .println(cmd.getColorScheme().errorText(cmd.getCommandSpec().qualifiedName() + ": " + message(e)));
            return 2;
        });
        return commandLine;
    }

    /** Words a newcomer tries for starting the engine; picocli's own guess for them ("import") is no help. */
    private static final java.util.Set<String> STARTING = java.util.Set.of("start", "run", "serve", "server", "launch");

    // The word a newcomer typed for starting the engine (`bigbox start`), or null.
    private static String startingWord(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched
                && e.getCommandLine().getParent() == null
                && !unmatched.getUnmatched().isEmpty()
                && STARTING.contains(unmatched.getUnmatched().getFirst())) {
            return unmatched.getUnmatched().getFirst();
        }
        return null;
    }

    private static int suggestUp(CommandLine.ParameterException e, String word) {
        e.getCommandLine()
                .getErr()
                .println("bigbox: there is no '" + word + "' command; to start the engine: bigbox up"
                        + "   (all commands: bigbox --help)");
        return 2;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        while ((message == null || message.isBlank()) && cause != null) {
            message = cause.getMessage();
            cause = cause.getCause();
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    // Quiet, human-readable lines by default; one JSON object per line with BIGBOX_LOG_FORMAT=json.
    private static void configureLogging() {
        if (!"json".equalsIgnoreCase(System.getenv("BIGBOX_LOG_FORMAT"))) {
            return;
        }
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        var configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(Main.class.getResource("/logback-json.xml"));
        } catch (Exception e) {
            System.err.println("bigbox: could not switch to JSON logs: " + e.getMessage());
        }
    }
}
