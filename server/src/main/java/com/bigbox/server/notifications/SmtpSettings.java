package com.bigbox.server.notifications;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code BIGBOX_SMTP_URL}: {@code smtp://user:pass@host:587} (STARTTLS when the server offers it) or
 * {@code smtps://user:pass@host:465} (TLS from the start); user and password are URL-encoded and optional.
 */
public record SmtpSettings(boolean tls, String host, int port, String user, String password, String from) {
    public static SmtpSettings parse(String url, String from) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("BIGBOX_SMTP_URL is not a URL: " + e.getMessage());
        }
        boolean tls = switch (uri.getScheme() == null ? "" : uri.getScheme()) {
            case "smtp" -> false;
            case "smtps" -> true;
            default -> throw new IllegalArgumentException("BIGBOX_SMTP_URL must start with smtp:// or smtps://");
        };
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "BIGBOX_SMTP_URL needs a host, e.g. smtp://user:pass@mail.example.com:587");
        }
        if (from == null || !from.contains("@")) {
            throw new IllegalArgumentException(
                    "BIGBOX_SMTP_FROM must be the sender's e-mail address when BIGBOX_SMTP_URL is set");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 465 : 587;
        return new SmtpSettings(tls, uri.getHost(), port, user, password, from.strip());
    }

    /** For the start line: where, never the password. */
    public String describe() {
        return (tls ? "smtps://" : "smtp://") + host + ":" + port + " as " + from;
    }
}
