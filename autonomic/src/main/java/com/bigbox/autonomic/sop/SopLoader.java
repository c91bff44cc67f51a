package com.bigbox.autonomic.sop;

import com.bigbox.autonomic.InvalidInputException;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.SopEvent;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads SOP files: validates every file first and loads none if any is invalid; an SOP whose content is
 * unchanged is skipped; a new or changed one becomes the SOP's next version, announced by
 * {@code SOP_VERSION_ACTIVATED}. A person loading files approves them: {@code explicit_human}.
 */
public final class SopLoader {
    public static final String LOADED_BY_PERSON = "explicit_human";
    private static final Logger log = LoggerFactory.getLogger(SopLoader.class);

    private final SopStore store;
    private final SopValidator validator;
    private final Clock clock;

    public SopLoader(SopStore store, SopValidator validator, Clock clock) {
        this.store = store;
        this.validator = validator;
        this.clock = clock;
    }

    /** @param outcome loaded (first version), updated (new version) or unchanged */
    public record Entry(String sopId, String file, String outcome, int version, Integer previousVersion) {}

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
                String earlier = fileById.putIfAbsent(result.valid().sop().id(), file.name());
                if (earlier != null) {
                    problems.add(new SopProblem(file.name(), 1, "metadata.id", "SOP id '" + result.valid().sop().id()
                            + "' is also defined in " + earlier));
                } else {
                    valid.add(result.valid());
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
        Instant now = clock.instant();
        var entries = new ArrayList<Entry>();
        for (SopValidator.Valid v : valid) {
            String sopId = v.sop().id();
            store.lockForChange(work, sopId);
            var active = store.activeVersion(work, sopId);
            if (active.isPresent() && active.get().checksum().equals(v.checksum())) {
                entries.add(new Entry(sopId, v.file().name(), "unchanged", active.get().version(), active.get().previousVersion()));
                continue;
            }
            SopVersion stored = store.activate(work, sopId, v.document().toString(), v.checksum(), v.file().name(),
                    LOADED_BY_PERSON, now);
            var activated = new SopEvent.VersionActivated(sopId, stored.version(), stored.previousVersion(),
                    v.sop().metadata().version(), v.sop().metadata().name(), v.checksum(), v.file().name(), LOADED_BY_PERSON);
            work.append(StreamId.of("SOP", sopId), ExpectedVersion.any(), List.of(new NewEvent(UUID.randomUUID(),
                    EventCodec.typeOf(activated), EventCodec.payload(activated), "{}", null, null, loadedBy, null, now)));
            String outcome = active.isPresent() ? "updated" : "loaded";
            entries.add(new Entry(sopId, v.file().name(), outcome, stored.version(), stored.previousVersion()));
            log.info("SOP {} {} as version {} (document version {}, from {})", sopId, outcome, stored.version(),
                    v.sop().metadata().version(), v.file().name());
        }
        return new Report(entries);
    }
}
