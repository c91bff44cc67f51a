package com.bigbox.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;

/** One Phoenix channel message: {@code join_ref}, {@code ref}, {@code topic}, {@code event}, {@code payload}. */
record PhoenixMessage(String joinRef, String ref, String topic, String event, JsonNode payload) {}
