package com.bigbox.postgres.backup;

/** Told how far an export or import has come; called from the working thread, so keep it quick. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total) -> {};

    /** @param total what there is to do in all, or -1 when unknown */
    void advanced(long done, long total);
}
