package com.bigbox.autonomic.meetings.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The trained models in the jar, and a version naming them by digest so a retrained model is a new version. */
record ShippedModels(ActionItemModel actionItems, EntityTyper typer, String version) {
    static final String TYPER_RESOURCE = "/com/bigbox/autonomic/meetings/extraction/entity-typer.model";
    static final String VERSION_PREFIX = "1.0";

    static ShippedModels load() {
        try {
            byte[] actions = bytes(ActionItemModel.RESOURCE);
            byte[] typer = bytes(TYPER_RESOURCE);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(actions);
            sha.update(typer);
            String digest = HexFormat.of().formatHex(sha.digest()).substring(0, 12);
            return new ShippedModels(
                    ActionItemModel.read(actions), EntityTyper.read(typer), VERSION_PREFIX + "+" + digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String resource) throws IOException {
        try (InputStream in = ShippedModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the model " + resource
                        + " is missing from the jar: run ./bigbox train meetings (see docs/meetings.md)");
            }
            return in.readAllBytes();
        }
    }
}
