// Reading and working the human approval queue. Rows come from human_approvals through /rest/v1 (row-level
// security applies); decisions and comments go to the approval service's routes (/api/v1/approvals), which
// record them with the audit trail and dual approval. An engine without those routes yet decides through
// GraphQL's decideApproval.
import {api, graphql, rest, routeMissing} from './api.js';

const DECIDE = `mutation Decide($id: ID!, $decision: Decision!, $notes: String) {
  decideApproval(approvalId: $id, decision: $decision, notes: $notes) { approvalId status }
}`;

export function pending() {
  return rest('human_approvals', {status: 'eq.pending', order: 'created_at.asc', limit: 500});
}

export function recentlyDecided(limit = 10) {
  return rest('human_approvals', {status: 'neq.pending', order: 'resolved_at.desc.nullslast', limit});
}

/** decision: 'approve' | 'reject'; a rejection needs notes saying why. */
export async function decide(approvalId, decision, notes, decidedBy) {
  try {
    return (await api(`/api/v1/approvals/${approvalId}/decision`, {method: 'POST',
      body: {decision, decided_by: decidedBy, notes: notes || null}})).data;
  } catch (e) {
    if (!routeMissing(e)) throw e;
  }
  return graphql(DECIDE, {id: approvalId, decision: decision === 'approve' ? 'APPROVED' : 'REJECTED', notes: notes || null});
}

/** The comments on an approval, or null when this engine has no comment routes. */
export async function comments(approvalId) {
  try {
    return (await api(`/api/v1/approvals/${approvalId}/comments`)).data;
  } catch (e) {
    if (routeMissing(e)) return null;
    throw e;
  }
}

export async function comment(approvalId, author, body) {
  return (await api(`/api/v1/approvals/${approvalId}/comments`, {method: 'POST', body: {author, body}})).data;
}

