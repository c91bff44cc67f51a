package com.bigbox.app.commands;

import com.bigbox.app.engine.DatabaseChoice;
import com.bigbox.app.engine.Settings;
import com.bigbox.postgres.Database;
import com.bigbox.postgres.Migrations;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Applies the schema and exits. */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = "Apply the schema to DATABASE_URL (or the embedded database) and exit.")
public final class MigrateCommand implements Callable<Integer> {
    @ParentCommand
    Settings.Source main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Settings settings = main.settings();
        try (DatabaseChoice choice = DatabaseChoice.open(settings);
                Database database = new Database(choice.url(), 4, "bigbox-migrate")) {
            int applied = Migrations.apply(database.pool());
            spec.commandLine()
                    .getOut()
                    .printf("%s: applied %d migration(s); schema is current%n", choice.describe(), applied);
        }
        return 0;
    }
}
