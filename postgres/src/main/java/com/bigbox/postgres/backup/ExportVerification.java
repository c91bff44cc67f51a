package com.bigbox.postgres.backup;

import com.bigbox.postgres.backup.ExportManifest.Segment;
import com.bigbox.postgres.backup.ExportedEvent.StreamKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The checks an {@link EventImporter} makes on an export before it writes anything: every segment's size, SHA-256 and
 * event count against the manifest, every line's shape, and every stream numbered without a gap or a repeat.
 */
final class ExportVerification {
    private ExportVerification() {}

    /** Where a stream's events in the export start and end; they must be numbered without a gap. */
    record StreamRange(StreamKey stream, long first, long last, long count, String where) {
        StreamRange plus(ExportedEvent e) {
            return new StreamRange(
                    stream, Math.min(first, e.sequenceNumber()), Math.max(last, e.sequenceNumber()), count + 1, where);
        }
    }

    // Reads every segment once, before anything is written: checksum, size, count, and each line's shape.
    static Map<StreamKey, StreamRange> verify(Path dir, ExportManifest manifest) {
        var streams = new HashMap<StreamKey, StreamRange>();
        long total = 0;
        for (Segment segment : manifest.segments()) {
            Path file = dir.resolve(segment.file());
            if (!file.normalize().startsWith(dir.normalize()) || !Files.isRegularFile(file)) {
                throw new BackupException(segment.file() + " is listed in the manifest but missing from " + dir
                        + "; nothing was imported");
            }
            checkBytes(file, segment);
            long lines = countLines(file, segment, streams);
            if (lines != segment.events()) {
                throw new BackupException(segment.file() + " holds " + lines + " events, the manifest says "
                        + segment.events() + "; nothing was imported");
            }
            total += lines;
        }
        if (total != manifest.events()) {
            throw new BackupException(ExportManifest.FILE + " counts " + manifest.events()
                    + " events but its segments hold " + total + "; nothing was imported");
        }
        for (StreamRange range : streams.values()) {
            if (range.count() != range.last() - range.first() + 1) {
                throw new BackupException("the export numbers stream " + range.stream() + " from #" + range.first()
                        + " to #" + range.last() + " with " + range.count()
                        + " events: a gap or a repeat; nothing was imported");
            }
        }
        return streams;
    }

    // The checksum first, over the bytes as stored: a damaged file is named as such, before any parsing.
    private static void checkBytes(Path file, Segment segment) {
        try {
            long size = Files.size(file);
            if (size != segment.bytes()) {
                throw new BackupException(segment.file() + " has " + size + " bytes, the manifest says "
                        + segment.bytes() + ": the file is damaged or was changed; nothing was imported");
            }
            MessageDigest digest = sha256();
            try (InputStream raw = new DigestInputStream(Files.newInputStream(file), digest)) {
                raw.transferTo(OutputStream.nullOutputStream());
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equalsIgnoreCase(segment.sha256())) {
                throw new BackupException(segment.file() + " has SHA-256 " + actual + ", the manifest says "
                        + segment.sha256() + ": the file is damaged or was changed; nothing was imported");
            }
        } catch (IOException e) {
            throw new BackupException(
                    segment.file() + " cannot be read (" + e.getMessage() + "); nothing was imported", e);
        }
    }

    // Each line's shape, and each stream's range.
    private static long countLines(Path file, Segment segment, Map<StreamKey, StreamRange> streams) {
        long lines = 0;
        try (BufferedReader reader = open(file)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                ExportedEvent e = ExportedEvent.parse(line, segment.file() + " line " + lines);
                streams.merge(
                        e.streamKey(),
                        new StreamRange(e.streamKey(), e.sequenceNumber(), e.sequenceNumber(), 1, e.where()),
                        (range, one) -> range.plus(e));
            }
        } catch (IOException e) {
            throw new BackupException(
                    segment.file() + " cannot be read as gzip JSON Lines (" + e.getMessage()
                            + "); nothing was imported",
                    e);
        } catch (BackupException e) {
            throw new BackupException(e.getMessage() + "; nothing was imported", e);
        }
        return lines;
    }

    static BufferedReader open(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 64 * 1024), StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
