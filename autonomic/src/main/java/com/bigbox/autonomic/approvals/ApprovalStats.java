package com.bigbox.autonomic.approvals;

import java.util.Map;

/**
 * @param byStatus count per status
 * @param byResolution count per way an approval ended
 * @param avgResolutionHours mean time from request to resolution, or null
 */
public record ApprovalStats(
        Map<String, Long> byStatus, Map<String, Long> byResolution, Double avgResolutionHours, long overdue) {}
