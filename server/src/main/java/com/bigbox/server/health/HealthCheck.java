package com.bigbox.server.health;

import java.util.Map;

/** One part of the engine that can say whether it is ready, with details for an operator. */
public interface HealthCheck {
    String name();

    Result check();

    record Result(boolean up, Map<String, Object> details) {
        public static Result up(Map<String, Object> details) {
            return new Result(true, details);
        }

        public static Result down(Map<String, Object> details) {
            return new Result(false, details);
        }
    }
}
