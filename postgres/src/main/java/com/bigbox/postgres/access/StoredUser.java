package com.bigbox.postgres.access;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code bigbox_access.users}. */
public record StoredUser(
        UUID id,
        String email,
        String passwordHash,
        String appRole,
        String clientId,
        String totpSecret,
        boolean totpEnabled,
        Instant createdAt,
        Instant updatedAt,
        Instant lastSignInAt) {}
