package com.bigbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The naming checks find the faults the issue named, and pass names that follow the conventions. */
class PrometheusNamesTest {
    @Test
    void theNamesTheIssueComplainedAboutAreFlagged() {
        assertThat(PrometheusNames.violations("process_cpu_time_ns_total", "counter"))
                .singleElement()
                .asString()
                .contains("'ns' is not a base unit");
        assertThat(PrometheusNames.violations("jvm_classes_loaded_count_classes_total", "counter"))
                .isNotEmpty();
        assertThat(PrometheusNames.violations("bigbox_agent_confidence_30d", "gauge"))
                .singleElement()
                .asString()
                .contains("time window");
        assertThat(PrometheusNames.violations("bigbox_agent_escalations_30d", "gauge"))
                .hasSize(1);
        assertThat(PrometheusNames.violations("bigbox_agent_events_processed", "gauge"))
                .singleElement()
                .asString()
                .contains("should be a counter");
    }

    @Test
    void repeatedUnitsAndMisplacedTotalsAreFlagged() {
        assertThat(PrometheusNames.violations("jvm_memory_used_bytes_bytes", "gauge"))
                .singleElement()
                .asString()
                .contains("'bytes' is said twice");
        assertThat(PrometheusNames.violations("bigbox_feed_lag_events_total", "gauge"))
                .singleElement()
                .asString()
                .contains("_total belongs to counters");
        assertThat(PrometheusNames.violations("http_request_duration_milliseconds", "histogram"))
                .hasSize(1);
    }

    @Test
    void conventionalNamesPass() {
        assertThat(PrometheusNames.violations("process_cpu_seconds_total", "counter"))
                .isEmpty();
        assertThat(PrometheusNames.violations("jvm_classes_loaded_total", "counter"))
                .isEmpty();
        assertThat(PrometheusNames.violations("bigbox_agent_confidence_ratio", "gauge"))
                .isEmpty();
        assertThat(PrometheusNames.violations("bigbox_agent_escalations_total", "counter"))
                .isEmpty();
        assertThat(PrometheusNames.violations("http_server_requests_seconds", "histogram"))
                .isEmpty();
        assertThat(PrometheusNames.violations("bigbox_export_last_round_timestamp_seconds", "gauge"))
                .isEmpty();
    }
}
