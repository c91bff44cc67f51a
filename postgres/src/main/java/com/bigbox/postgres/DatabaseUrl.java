package com.bigbox.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Where the database is: parsed from the URI form libpq and Supabase print
 * ({@code postgresql://user:password@host:port/db?sslmode=require}) or from a JDBC URL.
 *
 * @param jdbcUrl the JDBC URL without credentials
 * @param user the user, or null to let the driver decide
 * @param password the password, or null
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL is empty");
        }
        String trimmed = url.strip();
        if (trimmed.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(trimmed, null, null);
        }
        if (!trimmed.startsWith("postgresql://") && !trimmed.startsWith("postgres://")) {
            throw new IllegalArgumentException(
                    "DATABASE_URL must start with postgresql://, postgres:// or jdbc:postgresql:, got: "
                            + redact(trimmed));
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "DATABASE_URL is not a valid URI (" + e.getReason() + "): " + redact(trimmed), e);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("DATABASE_URL names no host: " + redact(trimmed));
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "/postgres" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new DatabaseUrl("jdbc:postgresql://" + uri.getHost() + ":" + port + path + query, user, password);
    }

    /** Driver properties with the credentials. */
    public Properties properties() {
        var properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    /** The URL as it may be logged: no password. */
    public String display() {
        String url = jdbcUrl.replaceFirst("^jdbc:", "").replaceAll("password=[^&]*", "password=***");
        return user == null ? url : url.replaceFirst("://", "://" + user + "@");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String redact(String url) {
        return url.replaceAll("://([^:/@]*):[^@]*@", "://$1:***@");
    }
}
