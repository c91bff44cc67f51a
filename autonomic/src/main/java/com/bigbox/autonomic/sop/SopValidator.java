package com.bigbox.autonomic.sop;

import com.bigbox.autonomic.events.EventCodec;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads SOP files (YAML) and checks them against the published JSON Schema
 * ({@code sops/schema/sop.schema.json}) and the rules a schema cannot say (unique step ids, known
 * dependencies and fallbacks, no dependency cycle, a sane budget range). Every problem names the file,
 * the line and the field.
 */
public final class SopValidator {
    private static final String SCHEMA_RESOURCE = "/com/bigbox/autonomic/sop/sop.schema.json";

    private final Schema schema;
    private final ObjectMapper yaml;
    private final ObjectMapper canonical =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    public SopValidator() {
        var factory = YAMLFactory.builder().build();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.yaml = new ObjectMapper(factory);
        try (InputStream in = SopValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the SOP schema is missing from the classpath: " + SCHEMA_RESOURCE);
            }
            this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file that passed every check: its document as loaded, as records, and its content checksum. */
    public record Valid(SopFile file, JsonNode document, SopDocument sop, String checksum) {}

    /** Either the valid document or the file's problems. */
    public record Result(@Nullable Valid valid, List<SopProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public Result validate(SopFile file) {
        Map<String, Integer> lines = new HashMap<>();
        JsonNode document;
        try {
            indexLines(file.text(), lines);
            document = yaml.readTree(file.text());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return failed(
                    new SopProblem(file.name(), at == null ? 0 : at.getLineNr(), "(yaml)", e.getOriginalMessage()));
        } catch (IOException e) {
            return failed(new SopProblem(file.name(), 0, "(yaml)", e.getMessage()));
        }
        if (document == null || document.isMissingNode() || !document.isObject()) {
            return failed(new SopProblem(
                    file.name(), 1, "(document)", "an SOP file must hold one YAML mapping (metadata, steps, ...)"));
        }
        var problems = new ArrayList<SopProblem>();
        for (Error error : schema.validate(document)) {
            String pointer = pointer(error.getInstanceLocation().toString());
            String field = error.getProperty() != null && "required".equals(error.getKeyword())
                    ? join(pointer, error.getProperty())
                    : pointer;
            problems.add(new SopProblem(file.name(), line(lines, pointer), dotted(field), message(error)));
        }
        if (!problems.isEmpty()) {
            return new Result(null, dedupe(problems));
        }
        SopDocument sop = EventCodec.convert(document, SopDocument.class);
        checkRules(file, sop, lines, problems);
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        return new Result(new Valid(file, document, sop, checksum(document)), List.of());
    }

    /** SHA-256 of the document with its keys sorted: the same content always has the same checksum. */
    public String checksum(JsonNode document) {
        try {
            Object sorted = canonical.convertValue(document, TreeMap.class);
            byte[] bytes = canonical.writeValueAsBytes(sorted);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot checksum an SOP document", e);
        }
    }

    /** The document of a stored definition ({@code sop_definitions.definition}). */
    public static SopDocument read(String definitionJson) {
        return EventCodec.read(definitionJson, SopDocument.class);
    }

    private void checkRules(SopFile file, SopDocument sop, Map<String, Integer> lines, List<SopProblem> problems) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sop.steps().size(); i++) {
            if (!ids.add(sop.steps().get(i).stepId())) {
                problems.add(problem(
                        file,
                        lines,
                        "/steps/" + i + "/step_id",
                        "step_id '" + sop.steps().get(i).stepId()
                                + "' is used by an earlier step; step ids must be unique"));
            }
        }
        for (int i = 0; i < sop.steps().size(); i++) {
            SopDocument.Step step = sop.steps().get(i);
            for (int d = 0; d < step.dependencies().size(); d++) {
                String dep = step.dependencies().get(d);
                if (!ids.contains(dep)) {
                    problems.add(problem(
                            file,
                            lines,
                            "/steps/" + i + "/dependencies/" + d,
                            "depends on unknown step '" + dep + "'"));
                } else if (dep.equals(step.stepId())) {
                    problems.add(problem(
                            file, lines, "/steps/" + i + "/dependencies/" + d, "a step cannot depend on itself"));
                }
            }
            String fallback = step.fallbackStep();
            if (fallback != null && !ids.contains(fallback)) {
                problems.add(problem(
                        file,
                        lines,
                        "/steps/" + i + "/failure_handling/fallback_step",
                        "fallback_step names unknown step '" + fallback + "'"));
            }
        }
        String cycle = SopPlan.findCycle(sop.steps());
        if (cycle != null && problems.isEmpty()) {
            problems.add(problem(file, lines, "/steps", "the steps' dependencies form a cycle: " + cycle));
        }
        SopDocument.BudgetRange range = sop.preconditions().budgetRange();
        if (range != null
                && range.min() != null
                && range.max() != null
                && range.min().compareTo(range.max()) > 0) {
            problems.add(problem(
                    file,
                    lines,
                    "/preconditions/budget_range",
                    "budget_range.min " + range.min().toPlainString() + " is above max "
                            + range.max().toPlainString()));
        }
    }

    private static SopProblem problem(SopFile file, Map<String, Integer> lines, String pointer, String message) {
        return new SopProblem(file.name(), line(lines, pointer), dotted(pointer), message);
    }

    private static Result failed(SopProblem problem) {
        return new Result(null, List.of(problem));
    }

    // Where each value of the document starts, by JSON pointer, so a problem can name its line.
    private void indexLines(String text, Map<String, Integer> lines) throws IOException {
        try (JsonParser parser = yaml.getFactory().createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                int line = parser.currentTokenLocation().getLineNr();
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    pointer = parser.getParsingContext().getParent() == null
                            ? ""
                            : parser.getParsingContext()
                                    .getParent()
                                    .pathAsPointer()
                                    .toString();
                }
                lines.putIfAbsent(pointer, line);
            }
        }
    }

    // The line of the pointer, or of the nearest enclosing value that has one.
    private static int line(Map<String, Integer> lines, String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return 1;
            }
            p = p.substring(0, slash);
        }
    }

    // networknt reports JSON paths ($.steps[0].name); lines are indexed by JSON pointer (/steps/0/name).
    static String pointer(String path) {
        String p = path.startsWith("$") ? path.substring(1) : path;
        if (p.startsWith("/") || p.isEmpty()) {
            return p;
        }
        return p.replaceAll("\\[(\\d+)]", "/$1")
                .replaceAll("\\['([^']*)']", "/$1")
                .replace('.', '/');
    }

    static String dotted(String pointer) {
        if (pointer.isEmpty()) {
            return "(document)";
        }
        return pointer.substring(1).replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.');
    }

    private static String join(String pointer, String property) {
        return pointer + "/" + property;
    }

    private static String message(Error error) {
        String message = error.getMessage();
        String location = error.getInstanceLocation().toString();
        // The validator prefixes the location; the problem names the field already.
        if (message.startsWith(location + ": ")) {
            message = message.substring(location.length() + 2);
        }
        return message;
    }

    private static List<SopProblem> dedupe(List<SopProblem> problems) {
        var seen = new HashSet<String>();
        var unique = new ArrayList<SopProblem>();
        for (SopProblem p : problems) {
            if (seen.add(p.field() + "|" + p.message())) {
                unique.add(p);
            }
        }
        return unique;
    }
}
