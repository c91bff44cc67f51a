package com.bigbox.app.chaos;

import com.bigbox.autonomic.chaos.InvalidExperimentException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A function's arguments, checked by name and type; a mistake names {@code <func>.arguments.<name>}. */
record Arguments(String function, Map<String, Object> values) {

    void allow(Set<String> names) {
        for (String name : values.keySet()) {
            if (!names.contains(name)) {
                throw new InvalidExperimentException(
                        function + ".arguments." + name,
                        "is not an argument of " + function
                                + (names.isEmpty() ? " (it takes none)" : "; it takes " + names));
            }
        }
    }

    /** A number of seconds ({@link #number}) as a duration, to the millisecond. */
    java.time.Duration seconds(String name, double otherwise, double min, double max) {
        return java.time.Duration.ofMillis((long) (1000 * number(name, otherwise, min, max)));
    }

    double number(String name, double otherwise, double min, double max) {
        Object value = values.get(name);
        if (value == null) {
            return otherwise;
        }
        double d;
        if (value instanceof Number n) {
            d = n.doubleValue();
        } else {
            try {
                d = Double.parseDouble(String.valueOf(value));
            } catch (NumberFormatException e) {
                throw new InvalidExperimentException(
                        function + ".arguments." + name, "must be a number, was '" + value + "'");
            }
        }
        if (d < min || d > max) {
            throw new InvalidExperimentException(
                    function + ".arguments." + name, "must be from " + min + " to " + max + ", was " + d);
        }
        return d;
    }

    int whole(String name, int otherwise, int min, int max) {
        double d = number(name, otherwise, min, max);
        if (d != Math.rint(d)) {
            throw new InvalidExperimentException(function + ".arguments." + name, "must be a whole number, was " + d);
        }
        return (int) d;
    }

    String text(String name, String otherwise) {
        Object value = values.get(name);
        return value == null ? otherwise : String.valueOf(value);
    }

    List<String> texts(String name) {
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }
}
