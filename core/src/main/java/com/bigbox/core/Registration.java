package com.bigbox.core;

/** Ends a subscription or listener registration. */
@FunctionalInterface
public interface Registration extends AutoCloseable {
    @Override
    void close();
}
