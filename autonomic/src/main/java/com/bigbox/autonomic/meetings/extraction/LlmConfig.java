package com.bigbox.autonomic.meetings.extraction;

import java.net.URI;

/**
 * An OpenAI-compatible chat completions endpoint (Ollama, vLLM, OpenAI): {@code BIGBOX_LLM_URL} is the API base
 * ending in {@code /v1}, {@code BIGBOX_LLM_MODEL} the model, {@code BIGBOX_LLM_KEY} the key if the server wants one.
 */
public record LlmConfig(URI baseUrl, String model, String key) {
    public LlmConfig {
        if (baseUrl == null || !(("http".equals(baseUrl.getScheme())) || "https".equals(baseUrl.getScheme()))) {
            throw new IllegalArgumentException(
                    "setting BIGBOX_LLM_URL must be an http(s) URL such as http://127.0.0.1:11434/v1");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("setting BIGBOX_LLM_MODEL is required when BIGBOX_LLM_URL is set");
        }
    }

    URI chatCompletions() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
    }
}
