package com.bigbox.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What the SQL console answers: the columns of the first row, every row's values in that order, whether
 * more rows were left out, and how long the query took.
 */
public record SqlConsoleResult(List<String> columns, List<List<JsonNode>> rows, boolean truncated, long elapsed_ms) {}
