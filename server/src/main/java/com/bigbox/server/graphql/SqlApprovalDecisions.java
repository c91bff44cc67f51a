package com.bigbox.server.graphql;

import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Resolves the {@code human_approvals} row (status, time, the deciding user, notes) and appends the
 * decision as an event ({@code HUMAN_APPROVAL_GRANTED} or {@code HUMAN_APPROVAL_REJECTED} on
 * {@code APPROVAL/<id>}), in one transaction as the caller: a caller whose policies hide the row cannot
 * decide it. Only a pending approval can be decided.
 */
public final class SqlApprovalDecisions implements ApprovalDecisions {
    private static final String DECIDE = """
            update human_approvals
               set status = ?, resolved_at = now(), resolved_by = ?, resolution_notes = ?
             where approval_id = ? and status = 'pending'
            returning""" + " " + GraphqlQueries.APPROVAL_COLUMNS;
    private static final String STATUS = "select status from human_approvals where approval_id = ?";

    private final ObjectMapper json;

    public SqlApprovalDecisions(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Map<String, Object> decide(UnitOfWork work, UUID approvalId, boolean approve, String decidedBy, String notes) {
        Connection c = work.unwrap(Connection.class);
        Map<String, Object> approval;
        try (var s = c.prepareStatement(DECIDE)) {
            s.setString(1, approve ? "approved" : "rejected");
            s.setString(2, decidedBy);
            s.setString(3, notes);
            s.setObject(4, approvalId);
            try (var rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException(whyNot(c, approvalId));
                }
                approval = GraphqlQueries.approval(json, rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("deciding approval " + approvalId + " failed: " + e.getMessage(), e);
        }
        var payload = new LinkedHashMap<String, Object>();
        payload.put("approval_id", approvalId.toString());
        payload.put("decided_by", decidedBy);
        payload.put("notes", notes);
        payload.put("recommended_action", approval.get("recommendedAction"));
        try {
            NewEvent event = NewEvent.of(approve ? "HUMAN_APPROVAL_GRANTED" : "HUMAN_APPROVAL_REJECTED", json.writeValueAsString(payload))
                    .emittedBy(decidedBy);
            if (approval.get("eventId") != null) {
                event = event.causedBy(UUID.fromString((String) approval.get("eventId")));
            }
            work.append(new StreamId("APPROVAL", approvalId.toString()), ExpectedVersion.any(), List.of(event));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return approval;
    }

    private static String whyNot(Connection c, UUID approvalId) throws SQLException {
        try (var s = c.prepareStatement(STATUS)) {
            s.setObject(1, approvalId);
            try (var rs = s.executeQuery()) {
                return rs.next() ? "approval " + approvalId + " is already " + rs.getString(1) : "no approval " + approvalId;
            }
        }
    }
}
