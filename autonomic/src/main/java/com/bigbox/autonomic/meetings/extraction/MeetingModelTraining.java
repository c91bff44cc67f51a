package com.bigbox.autonomic.meetings.extraction;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Produces the shipped models from the development meetings: the action-item setting and threshold chosen by
 * series-grouped cross-validation, then both models trained on all development meetings. Held-out meetings in
 * the folder are skipped, never read into training.
 */
public final class MeetingModelTraining {
    static final double TYPER_L2 = 0.5;

    private MeetingModelTraining() {}

    public static void run(Path meetingsDir, Path outDir, List<ActionItemTrainer.Setting> grid, PrintWriter log) {
        List<AmiMeeting> all = AmiMeeting.readAll(meetingsDir);
        List<AmiMeeting> dev = AmiSplit.development(all);
        log.printf(
                Locale.ROOT,
                "%d meetings, %d held out (series %s) and not used, %d for development%n",
                all.size(),
                all.size() - dev.size(),
                String.join(" ", AmiSplit.HELD_OUT_SERIES.stream().sorted().toList()),
                dev.size());
        ActionItemTrainer.CvResult best = null;
        for (ActionItemTrainer.Setting s : grid) {
            ActionItemTrainer.CvResult r = ActionItemTrainer.crossValidate(dev, s);
            log.printf(
                    Locale.ROOT,
                    "cv %s: threshold %.3f  P %.3f R %.3f F1 %.3f%n",
                    s,
                    r.threshold(),
                    r.counts().precision(),
                    r.counts().recall(),
                    r.counts().f1());
            log.flush();
            if (best == null || r.counts().f1() > best.counts().f1()) {
                best = r;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no setting to try");
        }
        log.printf(Locale.ROOT, "chosen %s threshold %.3f%n", best.setting(), best.threshold());
        var actions = new ActionItemModel(ActionItemTrainer.train(dev, best.setting()), best.threshold());
        var typer = new EntityTyper(EntityTyperTrainer.train(dev, TYPER_L2));
        try {
            Files.createDirectories(outDir);
            Files.write(outDir.resolve(fileName(ActionItemModel.RESOURCE)), actions.write());
            Files.write(outDir.resolve(fileName(ShippedModels.TYPER_RESOURCE)), typer.write());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.printf("wrote %s%n", outDir);
        log.flush();
    }

    private static String fileName(String resource) {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }
}
