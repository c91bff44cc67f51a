// Reading and working the human approval queue. Rows come from human_approvals through /rest/v1 (row-level
// security applies); decisions and comments go to the approval service (/api/v1/approvals), which keeps
// the audit trail, dual approval and the decision events.
import {api, rest} from './api.js';

export function pending() {
  return rest('human_approvals', {status: 'eq.pending', order: 'created_at.asc', limit: 500});
}

export function recentlyDecided(limit = 10) {
  return rest('human_approvals', {status: 'neq.pending', order: 'resolved_at.desc.nullslast', limit});
}

/** decision: 'approve' | 'reject'; a rejection needs notes saying why. */
export async function decide(approvalId, decision, notes, decidedBy) {
  return (await api(`/api/v1/approvals/${approvalId}/decision`, {method: 'POST',
    body: {decision, decided_by: decidedBy, notes: notes || null}})).data;
}

export async function comments(approvalId) {
  return (await api(`/api/v1/approvals/${approvalId}/comments`)).data;
}

export async function comment(approvalId, author, body) {
  return (await api(`/api/v1/approvals/${approvalId}/comments`, {method: 'POST', body: {author, body}})).data;
}
