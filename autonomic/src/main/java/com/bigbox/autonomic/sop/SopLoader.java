package com.bigbox.autonomic.sop;

import com.bigbox.autonomic.InvalidInputException;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.SopEvent;
import com.bigbox.autonomic.projections.ProjectionLock;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads SOP files: validates every file first and loads none if any is invalid; an SOP whose content is
 * unchanged is skipped; a new or changed one becomes the SOP's next version, announced by
 * {@code SOP_VERSION_ACTIVATED}, which carries the document and becomes the {@code sop_definitions} row
 * ({@link SopDefinitionsProjection}). A person loading files approves them: {@code explicit_human}.
 */
public final class SopLoader {
    public static final String LOADED_BY_PERSON = "explicit_human";
    private static final Logger log = LoggerFactory.getLogger(SopLoader.class);

    private final SopStore store;
    private final SopDefinitionsProjection definitions;
    private final ProjectionLock lock;
    private final SopValidator validator;
    private final Clock clock;

    public SopLoader(
            SopStore store,
            SopDefinitionsProjection definitions,
            ProjectionLock lock,
            SopValidator validator,
            Clock clock) {
        this.store = store;
        this.definitions = definitions;
        this.lock = lock;
        this.validator = validator;
        this.clock = clock;
    }

    /** @param outcome loaded (first version), updated (new version) or unchanged */
    public record Entry(
            String sopId,
            String file,
            String outcome,
            int version,
            @Nullable Integer previousVersion) {}

    public record Report(List<Entry> entries) {
        public Report {
            entries = List.copyOf(entries);
        }

        public long count(String outcome) {
            return entries.stream().filter(e -> e.outcome().equals(outcome)).count();
        }
    }

    /**
     * @throws SopValidationException listing every problem of every file (and SOP ids used by two files)
     */
    public List<SopValidator.Valid> validateAll(List<SopFile> files) {
        if (files.isEmpty()) {
            throw new InvalidInputException("directory", "no SOP files (*.yaml, *.yml) to load");
        }
        var problems = new ArrayList<SopProblem>();
        var valid = new ArrayList<SopValidator.Valid>();
        Map<String, String> fileById = new HashMap<>();
        for (SopFile file : files) {
            SopValidator.Result result = validator.validate(file);
            problems.addAll(result.problems());
            if (result.ok()) {
                SopValidator.Valid v = Objects.requireNonNull(result.valid(), "ok() means valid");
                String earlier = fileById.putIfAbsent(v.sop().id(), file.name());
                if (earlier != null) {
                    problems.add(new SopProblem(
                            file.name(),
                            1,
                            "metadata.id",
                            "SOP id '" + v.sop().id() + "' is also defined in " + earlier));
                } else {
                    valid.add(v);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new SopValidationException(problems);
        }
        return valid;
    }

    public Report load(UnitOfWork work, List<SopFile> files, String loadedBy) {
        List<SopValidator.Valid> valid = validateAll(files);
        lock.shared(work);
        Instant now = clock.instant();
        var entries = new ArrayList<Entry>();
        for (SopValidator.Valid v : valid) {
            String sopId = v.sop().id();
            store.lockForChange(work, sopId);
            var active = store.activeVersion(work, sopId);
            if (active.isPresent() && active.get().checksum().equals(v.checksum())) {
                entries.add(new Entry(
                        sopId,
                        v.file().name(),
                        "unchanged",
                        active.get().version(),
                        active.get().previousVersion()));
                continue;
            }
            SopVersion stored =
                    activate(work, v, active.map(SopVersion::version).orElse(null), loadedBy, now);
            String outcome = active.isPresent() ? "updated" : "loaded";
            entries.add(new Entry(sopId, v.file().name(), outcome, stored.version(), stored.previousVersion()));
            log.info(
                    "SOP {} {} as version {} (document version {}, from {})",
                    sopId,
                    outcome,
                    stored.version(),
                    v.sop().metadata().version(),
                    v.file().name());
        }
        return new Report(entries);
    }

    /**
     * Activates {@code documentJson} as the SOP's next version on behalf of a control loop (an approved
     * proposal, or a revert): validated like a file, announced by {@code SOP_VERSION_ACTIVATED} under
     * {@code eventId}, so activating the same proposal twice stores one version.
     *
     * @param mechanism auto_approve, silent_timeout or explicit_human: how it was approved
     * @param source what it came from, e.g. {@code proposal:<id>} or {@code revert:<sop>@<version>}
     */
    @SuppressWarnings("unchecked")
    public SopVersion activateDocument(
            UnitOfWork work,
            UUID eventId,
            String sopId,
            String documentJson,
            String mechanism,
            String by,
            String source) {
        SopValidator.Result result = validator.validate(new SopFile(source, documentJson));
        if (!result.ok()) {
            throw new SopValidationException(result.problems());
        }
        SopValidator.Valid v = Objects.requireNonNull(result.valid(), "ok() means valid");
        if (!v.sop().id().equals(sopId)) {
            throw new InvalidInputException(
                    "metadata.id", "the document is SOP " + v.sop().id() + ", not " + sopId);
        }
        lock.shared(work);
        store.lockForChange(work, sopId);
        var previous = store.activeVersion(work, sopId);
        var activated = new SopEvent.VersionActivated(
                sopId,
                store.nextVersion(work, sopId),
                previous.map(SopVersion::version).orElse(null),
                v.sop().metadata().version(),
                v.sop().metadata().name(),
                v.checksum(),
                source,
                mechanism,
                EventCodec.convert(v.document(), Map.class));
        var append = work.append(
                StreamId.of("SOP", sopId),
                ExpectedVersion.any(),
                List.of(new NewEvent(
                        eventId,
                        EventCodec.typeOf(activated),
                        EventCodec.payload(activated),
                        "{}",
                        null,
                        null,
                        by,
                        null,
                        clock.instant())));
        if (append.duplicate()) {
            SopEvent.VersionActivated earlier =
                    EventCodec.decode(append.events().getFirst(), SopEvent.VersionActivated.class);
            return store.version(work, sopId, earlier.version()).orElseThrow();
        }
        definitions.apply(append.events().getFirst(), work);
        log.info("SOP {} version {} activated ({}, {} by {})", sopId, activated.version(), source, mechanism, by);
        return store.version(work, sopId, activated.version()).orElseThrow();
    }

    // The next version, announced with its document; the announcement is what writes the row.
    @SuppressWarnings("unchecked")
    private SopVersion activate(
            UnitOfWork work, SopValidator.Valid v, @Nullable Integer previous, String loadedBy, Instant now) {
        String sopId = v.sop().id();
        var activated = new SopEvent.VersionActivated(
                sopId,
                store.nextVersion(work, sopId),
                previous,
                v.sop().metadata().version(),
                v.sop().metadata().name(),
                v.checksum(),
                v.file().name(),
                LOADED_BY_PERSON,
                EventCodec.convert(v.document(), Map.class));
        RecordedEvent stored = work.append(
                        StreamId.of("SOP", sopId),
                        ExpectedVersion.any(),
                        List.of(new NewEvent(
                                UUID.randomUUID(),
                                EventCodec.typeOf(activated),
                                EventCodec.payload(activated),
                                "{}",
                                null,
                                null,
                                loadedBy,
                                null,
                                now)))
                .events()
                .getFirst();
        definitions.apply(stored, work);
        return store.version(work, sopId, activated.version()).orElseThrow();
    }
}
