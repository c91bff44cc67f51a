package com.bigbox.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BIGBOX_LOOPS and BIGBOX_GO_LIVE: what the simulation's baseline and the doctrine's calendar depend on. */
class LoopSettingsTest {
    static Settings settings(Map<String, String> values) {
        return Settings.of(values, Path.of("."));
    }

    @Test
    void loopsAreOnUnlessSwitchedOffByName() {
        assertThat(AutonomicWiring.loopsOn(settings(Map.of()))).isTrue();
        assertThat(AutonomicWiring.loopsOn(settings(Map.of("BIGBOX_LOOPS", "on"))))
                .isTrue();
        assertThat(AutonomicWiring.loopsOn(settings(Map.of("BIGBOX_LOOPS", "off"))))
                .isFalse();
        assertThatThrownBy(() -> AutonomicWiring.loopsOn(settings(Map.of("BIGBOX_LOOPS", "no"))))
                .hasMessage("setting BIGBOX_LOOPS must be on or off, was 'no'");
    }

    @Test
    void goLiveIsADateOrTheFirstEvent() {
        assertThat(AutonomicWiring.goLive(settings(Map.of())).configured()).isEmpty();
        assertThat(AutonomicWiring.goLive(settings(Map.of("BIGBOX_GO_LIVE", "2026-01-05")))
                        .configured())
                .contains(LocalDate.of(2026, 1, 5));
        assertThatThrownBy(() -> AutonomicWiring.goLive(settings(Map.of("BIGBOX_GO_LIVE", "January"))))
                .hasMessageContaining("setting BIGBOX_GO_LIVE must be a date like 2026-01-31, was 'January'");
    }
}
