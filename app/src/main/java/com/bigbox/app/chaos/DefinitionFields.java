package com.bigbox.app.chaos;

import com.bigbox.autonomic.chaos.InvalidExperimentException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values read out of an experiment file's tree (YAML or JSON as plain maps and lists), each checked for its
 * kind; a mistake names the key's path, e.g. {@code method[2].provider.func}.
 */
final class DefinitionFields {
    private DefinitionFields() {}

    static String text(Map<String, Object> m, String key, String where) {
        Object value = m.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new InvalidExperimentException(where, "is required");
        }
        if (value instanceof Map || value instanceof List) {
            throw new InvalidExperimentException(where, "must be text");
        }
        return String.valueOf(value);
    }

    static String optionalText(Map<String, Object> m, String key, String where) {
        return m.get(key) == null ? null : text(m, key, where);
    }

    static Map<String, Object> map(Map<String, Object> m, String key, String where) {
        Object value = m.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> raw)) {
            throw new InvalidExperimentException(where, "must be a mapping");
        }
        return strings(raw, where + ".");
    }

    static List<Object> list(Map<String, Object> m, String key, String where) {
        Object value = m.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> l)) {
            throw new InvalidExperimentException(where, "must be a list");
        }
        return new ArrayList<Object>(l);
    }

    static Map<String, Object> strings(Map<?, ?> raw, String where) {
        var m = new LinkedHashMap<String, Object>();
        raw.forEach((k, v) -> {
            if (!(k instanceof String key)) {
                throw new InvalidExperimentException(where + k, "keys must be text");
            }
            m.put(key, v);
        });
        return m;
    }
}
