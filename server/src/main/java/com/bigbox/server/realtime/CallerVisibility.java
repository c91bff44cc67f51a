package com.bigbox.server.realtime;

import com.bigbox.postgres.access.DbRole;
import com.bigbox.postgres.realtime.RealtimeVisibility;
import com.bigbox.server.auth.Caller;
import com.bigbox.server.auth.CallerRequestTransactions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;

/**
 * Which changes of a batch one caller may see: asked once per batch per distinct caller, in a transaction opened
 * as that caller, so row-level security decides; the service role sees everything without asking.
 */
final class CallerVisibility {
    private final CallerRequestTransactions transactions;
    private volatile long queries;

    CallerVisibility(CallerRequestTransactions transactions) {
        this.transactions = transactions;
    }

    /** How many visibility queries ran. */
    long queries() {
        return queries;
    }

    Set<Change> visible(Caller caller, Set<Change> changes) {
        if (caller.role() == DbRole.SERVICE_ROLE) {
            return changes;
        }
        var positions = new ArrayList<Long>();
        var changeIds = new ArrayList<Long>();
        for (Change change : changes) {
            switch (change) {
                case Change.EventInserted e -> positions.add(e.event().globalPosition());
                case Change.RowChanged r -> changeIds.add(r.change().changeId());
            }
        }
        queries++;
        RealtimeVisibility.Visible allowed =
                transactions.run(caller, work -> RealtimeVisibility.visible(work, positions, changeIds));
        var visible = new HashSet<Change>();
        for (Change change : changes) {
            boolean ok = switch (change) {
                case Change.EventInserted e ->
                    allowed.events().contains(e.event().globalPosition());
                case Change.RowChanged r ->
                    allowed.changes().contains(r.change().changeId());
            };
            if (ok) {
                visible.add(change);
            }
        }
        return visible;
    }
}
