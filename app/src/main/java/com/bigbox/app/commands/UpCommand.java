package com.bigbox.app.commands;

import com.bigbox.app.engine.Engine;
import com.bigbox.app.engine.Settings;
import com.bigbox.postgres.access.UserStore;
import java.net.InetAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Starts one engine instance and runs until Ctrl-C. */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description =
                "Start the engine: database (embedded unless DATABASE_URL is set), migrations, real-time bus, HTTP server.")
public final class UpCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(UpCommand.class);

    @ParentCommand
    Settings.Source main;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--instance",
            description = "This instance's name in the cluster (default: host name and process id).")
    String instance;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, was " + port);
        }
        Settings settings = main.settings();
        var stopped = new CountDownLatch(1);
        Engine engine = Engine.start(settings, new Engine.Options(host, port, instanceName()));
        logDashboard(engine);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            engine.close();
                            stopped.countDown();
                        },
                        "bigbox-shutdown"));
        stopped.await();
        return 0;
    }

    // A newcomer's first question is where to sign in (the address the engine listens on serves the
    // dashboard), and with whom. Logged (not printed) so that JSON logs stay one object per line.
    private void logDashboard(Engine engine) {
        if (new UserStore(engine.database().pool()).list(1, 0).isEmpty()) {
            log.info("No users yet. Create one to sign in with: bigbox users add --email you@example.com --role ceo");
        }
    }

    private String instanceName() throws Exception {
        return instance != null
                ? instance
                : InetAddress.getLocalHost().getHostName() + "-"
                        + ProcessHandle.current().pid();
    }
}
