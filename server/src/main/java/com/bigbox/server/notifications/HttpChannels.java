package com.bigbox.server.notifications;

import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.notifications.Address;
import com.bigbox.autonomic.notifications.ChannelSender;
import com.bigbox.server.webhooks.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The HTTP channels: Slack incoming webhooks ({@code {"text": ...}}) and outgoing webhooks (the
 * message's fields as JSON, signed like the incoming lead webhook: {@code X-Bigbox-Timestamp} and
 * {@code X-Bigbox-Signature: v1=<HMAC-SHA256(secret, timestamp + "." + body)>}). Anything but 2xx
 * is a failure with the status and the start of the answer as its reason.
 */
public final class HttpChannels {
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Clock clock;

    public HttpChannels(Clock clock) {
        this.clock = clock;
    }

    public ChannelSender slack() {
        return (address, secret, message) -> post(address, EventCodec.write(Map.of("text", message.text())), Map.of());
    }

    public ChannelSender webhook() {
        return (address, secret, message) -> {
            if (secret == null) {
                throw new IllegalStateException("the webhook channel has no signing secret");
            }
            String body = EventCodec.write(
                    Map.of("type", "approval." + message.fields().get("trigger"), "data", message.fields()));
            String timestamp = String.valueOf(clock.instant().getEpochSecond());
            post(
                    address,
                    body,
                    Map.of(
                            "X-Bigbox-Timestamp",
                            timestamp,
                            "X-Bigbox-Signature",
                            WebhookSignature.header(secret, timestamp, body.getBytes(StandardCharsets.UTF_8))));
        };
    }

    private void post(Address address, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(address.target()))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            String answer = response.body() == null ? "" : response.body().strip();
            throw new IOException(address.kind().wireName() + " answered " + response.statusCode()
                    + (answer.isEmpty() ? "" : ": " + (answer.length() > 200 ? answer.substring(0, 200) : answer)));
        }
    }
}
