package com.bigbox.app.chaos;

import com.bigbox.postgres.Database;
import com.bigbox.postgres.chaos.AgentProbes;
import com.bigbox.postgres.chaos.ChaosControl;
import com.bigbox.postgres.chaos.ClusterProbes;
import com.bigbox.postgres.chaos.EngineInstances;
import com.bigbox.postgres.chaos.ProbeDeliveries;
import com.bigbox.server.chaos.ChaosAdminRoutes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The running cluster as an experiment sees it: its instances (from {@code engine_instances}, or the
 * URLs given on the command line), their HTTP surfaces, and the shared database.
 */
final class Cluster {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final Optional<String> adminToken;
    private final Optional<String> apiKey;
    private final List<String> givenUrls;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One instance: its name and where it answers. */
    record Instance(String name, String url, boolean embeddedDatabase) {}

    /**
     * @param givenUrls instances named on the command line; empty: the registry's live instances
     * @param apiKey sent as a bearer token with the workload's appends, once the API asks for one
     */
    Cluster(Database database, Optional<String> adminToken, Optional<String> apiKey, List<String> givenUrls) {
        this.database = database;
        this.adminToken = adminToken;
        this.apiKey = apiKey;
        this.givenUrls = List.copyOf(givenUrls);
    }

    Database database() {
        return database;
    }

    ChaosControl control() {
        return new ChaosControl(database.pool());
    }

    ProbeDeliveries deliveries() {
        return new ProbeDeliveries(database.pool());
    }

    ClusterProbes probes() {
        return new ClusterProbes(database.pool());
    }

    AgentProbes agents() {
        return new AgentProbes(database.pool());
    }

    HttpClient http() {
        return http;
    }

    Optional<String> apiKey() {
        return apiKey;
    }

    /** The instances to act on: those given, or those whose heartbeat is recent. */
    List<Instance> instances() throws IOException, InterruptedException {
        if (!givenUrls.isEmpty()) {
            var instances = new java.util.ArrayList<Instance>();
            for (String url : givenUrls) {
                instances.add(describe(url));
            }
            return instances;
        }
        return EngineInstances.reader(database.pool()).live().stream()
                .map(i -> new Instance(i.name(), i.url(), i.embeddedDatabase()))
                .toList();
    }

    private Instance describe(String url) throws IOException, InterruptedException {
        try {
            Map<?, ?> status = JSON.readValue(
                    admin(new Instance(url, url, false), "GET", "/admin/v1/chaos/status", null)
                            .body(),
                    Map.class);
            return new Instance(
                    String.valueOf(status.get("instance")), url, Boolean.TRUE.equals(status.get("embedded_database")));
        } catch (IOException e) {
            return new Instance(url, url, false);
        }
    }

    boolean ready(Instance instance) {
        try {
            return send(HttpRequest.newBuilder(URI.create(instance.url() + "/health/ready"))
                                    .timeout(Duration.ofSeconds(5))
                                    .GET()
                                    .build())
                            .statusCode()
                    == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** A request to an instance's chaos surface, with the admin token. */
    HttpResponse<String> admin(Instance instance, String method, String path, String jsonBody)
            throws IOException, InterruptedException {
        if (adminToken.isEmpty()) {
            throw new IllegalStateException(
                    "BIGBOX_ADMIN_TOKEN is not set: the instances' chaos surface needs it (set the same value for "
                            + "every instance and for this command)");
        }
        var request = HttpRequest.newBuilder(URI.create(instance.url() + path))
                .timeout(Duration.ofSeconds(60))
                .header(ChaosAdminRoutes.TOKEN_HEADER, adminToken.get())
                .header("Content-Type", "application/json")
                .method(
                        method,
                        jsonBody == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(jsonBody))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() >= 400) {
            throw new IOException(instance.name() + " refused " + method + " " + path + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        return response;
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
