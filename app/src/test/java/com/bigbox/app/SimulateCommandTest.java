package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.app.engine.Settings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad options of {@code bigbox simulate} fail before anything starts, naming the option. */
class SimulateCommandTest {
    private static final Settings NONE = Settings.of(Map.of(), Path.of(""));

    @Test
    void zeroDaysIsRefused() {
        var run = Cli.run(NONE, "simulate", "--days", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bigbox simulate: --days must be between 1 and 365, was 0");
    }

    @Test
    void anUnknownLoopsModeIsRefused() {
        var run = Cli.run(NONE, "simulate", "--loops", "sometimes");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--loops must be on, off or both, was 'sometimes'");
    }

    @Test
    void anUnknownMeetingsModeIsRefused() {
        var run = Cli.run(NONE, "simulate", "--meetings", "minutes");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--meetings must be listed or transcript, was 'minutes'");
    }

    @Test
    void anAgencyWithoutLeadsIsRefused() {
        var run = Cli.run(NONE, "simulate", "--leads-per-day", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--leads-per-day must be between 1 and 50");
    }

    @Test
    void aPlotInAMissingDirectoryIsRefused() {
        var run = Cli.run(NONE, "simulate", "--days", "7", "--plot", "/no/such/dir/plot.svg");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--plot: no directory /no/such/dir");
    }
}
