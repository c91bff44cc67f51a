package com.bigbox.autonomic.sop;

import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.flow.Effective;
import com.bigbox.core.UnitOfWork;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The SOPs the engine can start, cached per instance and refreshed whenever a version is activated.
 * An SOP applies to an event when its preconditions match; of several, the most specific applies (the
 * one with the most preconditions), then the first by id, so the choice never depends on load order.
 */
public final class SopCatalog {
    record Active(SopVersion version, SopDocument document, int specificity) {}

    private final SopStore store;
    private final Map<String, SopDocument> documents = new ConcurrentHashMap<>();
    /** Null until first read and after {@link #invalidate}: the next read loads it again. */
    private volatile @Nullable List<Active> active;

    public SopCatalog(SopStore store) {
        this.store = store;
    }

    public void invalidate() {
        active = null;
    }

    List<Active> active(UnitOfWork work) {
        List<Active> current = active;
        if (current == null) {
            var loaded = new ArrayList<Active>();
            for (SopVersion v : store.activeVersions(work)) {
                SopDocument doc = document(v);
                if (doc.active()) {
                    loaded.add(new Active(v, doc, specificity(doc.preconditions())));
                }
            }
            loaded.sort(Comparator.comparingInt(Active::specificity)
                    .reversed()
                    .thenComparing(a -> a.version().sopId()));
            current = List.copyOf(loaded);
            active = current;
        }
        return current;
    }

    /** The document of a version an execution runs, active or not. */
    SopDocument document(UnitOfWork work, String sopId, int version) {
        SopDocument cached = documents.get(sopId + "@" + version);
        if (cached != null) {
            return cached;
        }
        return store.version(work, sopId, version)
                .map(this::document)
                .orElseThrow(
                        () -> new IllegalStateException("SOP " + sopId + " version " + version + " is not stored"));
    }

    private SopDocument document(SopVersion v) {
        return documents.computeIfAbsent(v.sopId() + "@" + v.version(), k -> v.document());
    }

    /** The SOP {@code trigger} starts, if any. */
    Optional<Active> match(UnitOfWork work, Effective trigger) {
        JsonNode payload = EventCodec.tree(trigger.payload());
        return active(work).stream()
                .filter(a -> matches(a.document().preconditions(), trigger, payload))
                .findFirst();
    }

    static boolean matches(SopDocument.Preconditions p, Effective trigger, JsonNode payload) {
        if (!p.requiredEvents().contains(trigger.type())) {
            return false;
        }
        if (!p.entityTypes().isEmpty()
                && !p.entityTypes().contains(trigger.event().stream().type())) {
            return false;
        }
        if (p.clientTier() != null
                && !p.clientTier().equals("all")
                && !p.clientTier().equalsIgnoreCase(payload.path("client_tier").asText(""))) {
            return false;
        }
        if (p.serviceType() != null
                && !serviceTypes(p.serviceType())
                        .contains(payload.path("service_type").asText("").toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (p.budgetRange() != null) {
            BigDecimal amount = amount(payload);
            if (amount == null
                    || p.budgetRange().min() != null
                            && amount.compareTo(p.budgetRange().min()) < 0
                    || p.budgetRange().max() != null
                            && amount.compareTo(p.budgetRange().max()) > 0) {
                return false;
            }
        }
        return customConditionsHold(p.customConditions(), payload);
    }

    private static List<String> serviceTypes(Object serviceType) {
        if (serviceType instanceof List<?> list) {
            return list.stream()
                    .map(o -> String.valueOf(o).toLowerCase(Locale.ROOT))
                    .toList();
        }
        return List.of(String.valueOf(serviceType).toLowerCase(Locale.ROOT));
    }

    private static @Nullable BigDecimal amount(JsonNode payload) {
        for (String field : List.of("budget", "amount")) {
            JsonNode node = payload.get(field);
            if (node != null && node.isNumber()) {
                return node.decimalValue();
            }
            if (node != null && node.isTextual()) {
                try {
                    return new BigDecimal(node.asText());
                } catch (NumberFormatException ignored) {
                    // not a number: look at the next field
                }
            }
        }
        return null;
    }

    // An object: each field must equal its value. Strings "field == value" likewise; other strings are notes.
    private static boolean customConditionsHold(@Nullable Object conditions, JsonNode payload) {
        if (conditions instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .allMatch(e -> equalsText(payload.path(String.valueOf(e.getKey())), String.valueOf(e.getValue())));
        }
        if (conditions instanceof List<?> list) {
            for (Object condition : list) {
                String[] parts = String.valueOf(condition).split("==", 2);
                if (parts.length == 2
                        && !equalsText(
                                payload.path(parts[0].strip()), parts[1].strip().replaceAll("^['\"]|['\"]$", ""))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean equalsText(JsonNode node, String expected) {
        return !node.isMissingNode() && !node.isNull() && node.asText().equalsIgnoreCase(expected);
    }

    private static int specificity(SopDocument.Preconditions p) {
        int n = 0;
        n += p.entityTypes().isEmpty() ? 0 : 1;
        n += p.clientTier() == null || p.clientTier().equals("all") ? 0 : 1;
        n += p.serviceType() == null ? 0 : 1;
        n += p.budgetRange() == null ? 0 : 1;
        n += p.customConditions() == null ? 0 : 1;
        return n;
    }
}
