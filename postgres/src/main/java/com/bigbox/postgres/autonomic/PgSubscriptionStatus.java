package com.bigbox.postgres.autonomic;

import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.Jdbc;
import com.bigbox.postgres.SqlResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the subscriptions' checkpoints, leases and lag (for {@code GET /api/v1/agents}). */
public final class PgSubscriptionStatus {
    private static final String STATUS = SqlResource.load(PgSubscriptionStatus.class, "subscription_status");

    public Map<String, SubscriptionStatus> of(UnitOfWork work, List<String> names) {
        var statuses = new LinkedHashMap<String, SubscriptionStatus>();
        Jdbc.list(
                        work,
                        STATUS,
                        s -> s.setArray(1, Jdbc.connection(work).createArrayOf("text", names.toArray())),
                        rs -> new SubscriptionStatus(
                                rs.getString("name"),
                                rs.getString("owner"),
                                rs.getBoolean("running"),
                                rs.getLong("global_position"),
                                rs.getLong("lag"),
                                Jdbc.instant(rs, "updated_at")))
                .forEach(s -> statuses.put(s.name(), s));
        return statuses;
    }
}
