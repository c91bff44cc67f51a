package com.bigbox.postgres.backup;

/** An export or import that cannot go on, with a message that names the file, segment or line at fault. */
public final class BackupException extends RuntimeException {
    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
