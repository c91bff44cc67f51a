package com.bigbox.app.engine;

import com.bigbox.autonomic.agents.Agent;
import com.bigbox.autonomic.meetings.extraction.DefaultMeetingExtractor;
import com.bigbox.autonomic.meetings.extraction.LlmConfig;
import com.bigbox.autonomic.meetings.extraction.LlmMeetingExtractor;
import com.bigbox.autonomic.meetings.extraction.MeetingExtractor;
import com.bigbox.autonomic.runtime.ShippedAgents;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Which meeting extractor the settings ask for: the LLM one only when BIGBOX_LLM_URL is set. */
public final class MeetingExtractors {
    private MeetingExtractors() {}

    public static Optional<LlmConfig> llm(Settings settings) {
        return settings.get("BIGBOX_LLM_URL")
                .map(url -> new LlmConfig(
                        URI.create(url),
                        settings.get("BIGBOX_LLM_MODEL").orElse(null),
                        settings.get("BIGBOX_LLM_KEY").orElse(null)));
    }

    /** The shipped agents, the meeting agent reading through the LLM when one is configured. */
    public static List<Agent> agents(Settings settings) {
        return llm(settings)
                .map(c -> ShippedAgents.all(new LlmMeetingExtractor(c, DefaultMeetingExtractor.shipped())))
                .orElseGet(ShippedAgents::all);
    }

    /** {@code default} or {@code llm} by name, as {@code eval meetings --extractor} takes it. */
    public static MeetingExtractor choose(String name, Settings settings) {
        return switch (name) {
            case "default" -> DefaultMeetingExtractor.shipped();
            case "llm" ->
                new LlmMeetingExtractor(
                        llm(settings)
                                .orElseThrow(() -> new Settings.SettingException(
                                        "BIGBOX_LLM_URL", "is required for --extractor llm")),
                        DefaultMeetingExtractor.shipped());
            default -> throw new IllegalArgumentException("--extractor must be default or llm, was " + name);
        };
    }
}
