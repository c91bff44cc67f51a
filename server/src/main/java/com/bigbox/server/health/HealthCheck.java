package com.bigbox.server.health;

import java.util.Map;

/** One part of the engine that can say whether it is ready, with details for an operator. */
public interface HealthCheck {
    String name();

    Result check();

    /**
     * @param degraded up, but something the engine needs is impaired (appends are blocked): reported, and the
     *     instance keeps serving what it can
     */
    record Result(boolean up, boolean degraded, Map<String, Object> details) {
        public static Result up(Map<String, Object> details) {
            return new Result(true, false, details);
        }

        public static Result degraded(Map<String, Object> details) {
            return new Result(true, true, details);
        }

        public static Result down(Map<String, Object> details) {
            return new Result(false, false, details);
        }

        String status() {
            return !up ? "down" : degraded ? "degraded" : "up";
        }
    }
}
