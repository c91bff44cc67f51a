package com.bigbox.app;

import com.bigbox.app.engine.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the {@code bigbox} command line in this JVM with given settings, capturing what it prints. */
final class Cli {
    record Run(int exitCode, String out, String err) {}

    private Cli() {}

    static Run run(Settings settings, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = Main.commandLine(new Main(() -> settings));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
