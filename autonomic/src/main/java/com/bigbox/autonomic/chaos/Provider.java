package com.bigbox.autonomic.chaos;

import java.time.Duration;
import java.util.Map;

/** How an activity is carried out. */
public sealed interface Provider permits Provider.Builtin, Provider.Http {

    /** One of the engine's own chaos functions ({@code type: bigbox}), by name, with its arguments. */
    record Builtin(String function, Map<String, Object> arguments) implements Provider {
        public Builtin {
            Experiment.require(
                    function != null && function.matches("[a-z][a-z0-9_]*"),
                    "provider.func",
                    "must name a function, e.g. terminate_connections");
            arguments = arguments == null ? Map.of() : Map.copyOf(arguments);
        }
    }

    /**
     * An HTTP request ({@code type: http}); its value is {@code {status, body}}.
     *
     * @param url absolute, or a path resolved against each instance ({@code /health/ready})
     */
    record Http(String url, String method, Map<String, String> headers, String body, Duration timeout)
            implements Provider {
        public Http {
            Experiment.require(url != null && !url.isBlank(), "provider.url", "is required");
            method = method == null ? "GET" : method.toUpperCase(java.util.Locale.ROOT);
            Experiment.require(
                    method.matches("GET|POST|PUT|PATCH|DELETE|HEAD"), "provider.method", "must be an HTTP method");
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }
    }
}
