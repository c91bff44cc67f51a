package com.bigbox.server;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON body of every refused request: {@code {"error": code, "message": ..., "field": ...}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, String field) {}
