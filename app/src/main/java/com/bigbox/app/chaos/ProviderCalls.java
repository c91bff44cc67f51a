package com.bigbox.app.chaos;

import com.bigbox.autonomic.chaos.Experiment;
import com.bigbox.autonomic.chaos.InvalidExperimentException;
import com.bigbox.autonomic.chaos.Provider;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an activity's provider does when called: a chaos function with the experiment's configuration put into
 * its arguments ({@code ${name}}), or an HTTP request, to one URL or, given a path, to every instance.
 */
final class ProviderCalls {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private ProviderCalls() {}

    static Object invoke(Provider provider, Experiment experiment, RunContext context) throws Exception {
        return switch (provider) {
            case Provider.Builtin b ->
                Builtins.call(b.function(), substitute(b.arguments(), experiment.configuration()), context);
            case Provider.Http h -> http(h, context);
        };
    }

    // A relative URL asks every instance; the value is the worst status and each instance's.
    private static Object http(Provider.Http h, RunContext context) throws Exception {
        List<String> urls = h.url().startsWith("/")
                ? context.cluster.instances().stream()
                        .map(i -> i.url() + h.url())
                        .toList()
                : List.of(h.url());
        if (urls.isEmpty()) {
            throw new IllegalStateException("no instance is running to ask " + h.url());
        }
        int worst = 0;
        var statuses = new LinkedHashMap<String, Object>();
        String body = null;
        for (String url : urls) {
            var request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(h.timeout())
                    .method(
                            h.method(),
                            h.body() == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(h.body()));
            h.headers().forEach(request::header);
            int status;
            try {
                var response = context.cluster.send(request.build());
                status = response.statusCode();
                body = body == null ? response.body() : body;
            } catch (java.io.IOException e) {
                status = 599;
            }
            statuses.put(url, status);
            worst = Math.max(worst, status);
        }
        return Builtins.ordered("status", worst, "statuses", statuses, "body", body);
    }

    private static Map<String, Object> substitute(Map<String, Object> arguments, Map<String, Object> configuration) {
        var result = new LinkedHashMap<String, Object>();
        arguments.forEach((name, value) -> result.put(name, substitute(value, configuration)));
        return result;
    }

    private static Object substitute(Object value, Map<String, Object> configuration) {
        if (!(value instanceof String text)) {
            return value;
        }
        Matcher whole = REFERENCE.matcher(text);
        if (whole.matches()) {
            return lookup(whole.group(1), configuration);
        }
        return REFERENCE
                .matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement(String.valueOf(lookup(m.group(1), configuration))));
    }

    private static Object lookup(String name, Map<String, Object> configuration) {
        if (!configuration.containsKey(name)) {
            throw new InvalidExperimentException(
                    "configuration." + name, "is referred to as ${" + name + "} but not defined");
        }
        return configuration.get(name);
    }
}
