package com.bigbox.autonomic.sop;

/** An SOP file's name (for messages) and text. */
public record SopFile(String name, String text) {}
