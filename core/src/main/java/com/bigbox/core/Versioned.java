package com.bigbox.core;

/** State folded from a stream, with the version it reflects. */
public record Versioned<S>(S state, long version) {}
