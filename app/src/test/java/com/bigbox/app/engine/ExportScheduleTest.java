package com.bigbox.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportScheduleTest {
    @Test
    void shortFormsAndIsoDurationsAreIntervals() {
        assertThat(ExportSchedule.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(ExportSchedule.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(ExportSchedule.parse("every 2h")).isEqualTo(Duration.ofHours(2));
        assertThat(ExportSchedule.parse("1D")).isEqualTo(Duration.ofDays(1));
        assertThat(ExportSchedule.parse("PT15M")).isEqualTo(Duration.ofMinutes(15));
        assertThat(ExportSchedule.parse("pt1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aBadOrTooShortScheduleNamesTheSetting() {
        assertThatThrownBy(() -> ExportSchedule.parse("hourly"))
                .hasMessageContaining("BIGBOX_EXPORT_SCHEDULE")
                .hasMessageContaining("'hourly'");
        assertThatThrownBy(() -> ExportSchedule.parse("PT0.1S")).hasMessageContaining("at least 1 second");
        assertThatThrownBy(() -> ExportSchedule.parse("0s")).hasMessageContaining("at least 1 second");
    }

    @Test
    void theDirectoryDefaultsToExportUnderTheEnginesHome() {
        var settings =
                Settings.of(Map.of("BIGBOX_EXPORT_SCHEDULE", "1m", "BIGBOX_HOME", "/var/bigbox"), Path.of("/work"));
        ExportSchedule schedule = ExportSchedule.from(settings).orElseThrow();
        assertThat(schedule.directory()).isEqualTo(Path.of("/var/bigbox/export"));
        assertThat(schedule.segmentEvents()).isEqualTo(100_000);
        assertThat(ExportSchedule.from(Settings.of(Map.of(), Path.of("/work")))).isEmpty();
    }
}
