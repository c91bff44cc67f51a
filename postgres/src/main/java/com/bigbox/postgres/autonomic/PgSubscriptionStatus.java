package com.bigbox.postgres.autonomic;

import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.Jdbc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the subscriptions' checkpoints, leases and lag (for {@code GET /api/v1/agents}). */
public final class PgSubscriptionStatus {
    // A subscription runs where its advisory lease (hashtext('bigbox.subscription'), hashtext(name)) is held.
    private static final String STATUS = """
            select n.name, c.owner, c.updated_at, coalesce(c.global_position, 0) as global_position,
                   exists (select 1 from pg_locks l
                            where l.locktype = 'advisory' and l.granted and l.objsubid = 2
                              and l.classid::bigint = (hashtext('bigbox.subscription')::bigint & 4294967295)
                              and l.objid::bigint = (hashtext(n.name)::bigint & 4294967295)
                              and l.database = (select oid from pg_database where datname = current_database())) as running,
                   (select count(*) from events e
                     where (e.transaction_seq, e.global_position)
                           > (coalesce(c.transaction_seq, 0), coalesce(c.global_position, 0))) as lag
              from unnest(?::text[]) as n(name)
              left join subscription_checkpoints c on c.subscription_name = n.name""";

    public Map<String, SubscriptionStatus> of(UnitOfWork work, List<String> names) {
        var statuses = new LinkedHashMap<String, SubscriptionStatus>();
        Jdbc.list(work, STATUS, s -> s.setArray(1, Jdbc.connection(work).createArrayOf("text", names.toArray())),
                rs -> new SubscriptionStatus(rs.getString("name"), rs.getString("owner"), rs.getBoolean("running"),
                        rs.getLong("global_position"), rs.getLong("lag"), Jdbc.instant(rs, "updated_at")))
                .forEach(s -> statuses.put(s.name(), s));
        return statuses;
    }
}
