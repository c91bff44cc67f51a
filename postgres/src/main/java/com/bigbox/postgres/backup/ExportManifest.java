package com.bigbox.postgres.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code manifest.json} of an export directory: what was exported (the filter), how many events,
 * the range of source positions, and every segment with its count, position range and SHA-256. It
 * is rewritten atomically after each completed segment, so it only ever lists complete files and a
 * later export resumes after its last position.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExportManifest(
        String format,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        String source,
        Filter filter,
        long events,
        @JsonProperty("first_position") SourcePosition firstPosition,
        @JsonProperty("last_position") SourcePosition lastPosition,
        List<Segment> segments,
        List<Checkpoint> checkpoints) {

    public static final String FILE = "manifest.json";
    public static final String FORMAT = "bigbox-events/1";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ExportManifest {
        segments = List.copyOf(segments);
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
    }

    /** What the export selects: events with {@code timestamp >= since}, or after a source position; both null: all. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Filter(Instant since, SourcePosition after) {}

    /** A place in the source database's commit order (positions are not kept by an import). */
    public record SourcePosition(
            @JsonProperty("transaction_seq") long transactionSeq,
            @JsonProperty("global_position") long globalPosition) {
        @Override
        public String toString() {
            return transactionSeq + "/" + globalPosition;
        }
    }

    /** One complete segment file. */
    public record Segment(
            String file,
            long events,
            @JsonProperty("first_position") SourcePosition firstPosition,
            @JsonProperty("last_position") SourcePosition lastPosition,
            @JsonProperty("first_timestamp") Instant firstTimestamp,
            @JsonProperty("last_timestamp") Instant lastTimestamp,
            long bytes,
            String sha256,
            @JsonProperty("written_at") Instant writtenAt) {}

    /**
     * Where a durable subscription (an agent, the governor, a projection) of the source stood: the last
     * exported event it had handled. An import into a database that has no checkpoint of that name gives
     * it one at that event, so a restored engine goes on where the source's left off instead of handling
     * the whole history again.
     */
    public record Checkpoint(
            String subscription,
            @JsonProperty("event_id") java.util.UUID eventId,
            @JsonProperty("source_position") SourcePosition sourcePosition) {}

    static ExportManifest empty(String source, Filter filter, Instant now) {
        return new ExportManifest(FORMAT, now, now, source, filter, 0, null, null, List.of(), List.of());
    }

    ExportManifest with(Segment segment, Instant now) {
        var all = new ArrayList<>(segments);
        all.add(segment);
        return new ExportManifest(
                format,
                createdAt,
                now,
                source,
                filter,
                events + segment.events(),
                firstPosition == null ? segment.firstPosition() : firstPosition,
                segment.lastPosition(),
                all,
                checkpoints);
    }

    ExportManifest with(List<Checkpoint> subscriptions, Instant now) {
        return new ExportManifest(
                format, createdAt, now, source, filter, events, firstPosition, lastPosition, segments, subscriptions);
    }

    /** Reads {@code dir}'s manifest; a missing or unreadable one is a {@link BackupException} naming the file. */
    public static ExportManifest read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new BackupException(file + " does not exist: " + dir + " holds no export");
        }
        ExportManifest manifest;
        try {
            manifest = JSON.readValue(file.toFile(), ExportManifest.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BackupException(file + " is not a valid export manifest: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BackupException(file + " cannot be read: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(manifest.format())) {
            throw new BackupException(
                    file + " has format '" + manifest.format() + "'; this engine reads '" + FORMAT + "'");
        }
        if (manifest.segments() == null) {
            throw new BackupException(file + " lists no segments");
        }
        return manifest;
    }

    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    void write(Path dir) throws IOException {
        Path temporary = dir.resolve(FILE + ".tmp");
        JSON.writeValue(temporary.toFile(), this);
        try (var channel = java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(
                    temporary, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
