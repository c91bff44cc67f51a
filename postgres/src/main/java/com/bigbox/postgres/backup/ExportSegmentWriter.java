package com.bigbox.postgres.backup;

import com.bigbox.postgres.backup.ExportManifest.Segment;
import com.bigbox.postgres.backup.ExportManifest.SourcePosition;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/** One segment file being written: gzip over a SHA-256 of the compressed bytes, renamed when complete. */
final class ExportSegmentWriter {
    static final String PARTIAL = ".partial";

    private final Path file;
    private final Path partial;
    private final MessageDigest digest;
    private final CountingOutputStream counted;
    private final BufferedWriter out;
    private long events;
    private SourcePosition first;
    private SourcePosition last;
    private Instant firstTimestamp;
    private Instant lastTimestamp;

    ExportSegmentWriter(Path dir, int number) throws IOException {
        this.file = dir.resolve(String.format(Locale.ROOT, "events-%06d.jsonl.gz", number));
        this.partial = dir.resolve(file.getFileName() + PARTIAL);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        this.counted = new CountingOutputStream(Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW));
        this.out = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(new DigestOutputStream(counted, digest), 64 * 1024), StandardCharsets.UTF_8));
    }

    long events() {
        return events;
    }

    void write(String line, SourcePosition position, Instant timestamp) throws IOException {
        out.write(line);
        out.write('\n');
        events++;
        if (first == null) {
            first = position;
            firstTimestamp = timestamp;
        }
        last = position;
        lastTimestamp = timestamp;
    }

    Segment complete(Instant now) throws IOException {
        out.close();
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        return new Segment(
                file.getFileName().toString(),
                events,
                first,
                last,
                firstTimestamp,
                lastTimestamp,
                counted.count,
                HexFormat.of().formatHex(digest.digest()),
                now);
    }

    void abandon() throws IOException {
        try {
            out.close();
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
