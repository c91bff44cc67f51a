// The human approval queue: approve, reject or comment; each deadline counts down; the queue follows
// every change of human_approvals live, so a decision by another operator takes the item away at once.
import {badge, card, errorBox, fmt, h, json, table} from '../lib/dom.js';
import * as approvals from '../lib/approvals.js';
import {watchTable} from '../lib/realtime.js';

export async function render(root, {user}) {
  const status = badge('connecting…', 'warn');
  status.id = 'queue-status';
  const queue = h('div', {id: 'approval-queue'});
  const decided = h('div', {id: 'approvals-decided'});
  root.append(h('div', {class: 'page-head'}, h('h1', {}, 'Approval queue'), status),
    card(null, h('p', {class: 'muted small'}, 'Decisions the agents handed to a person, oldest first. ',
      'The deadline is when silence approves or escalates the item.'), queue),
    card('Recently decided', decided));

  let open = null;
  const drafts = new Map();
  async function reload() {
    const [items, done] = await Promise.all([approvals.pending(), approvals.recentlyDecided()]);
    if (open && !items.some(a => a.approval_id === open)) open = null;
    queue.replaceChildren(items.length
      ? h('ul', {class: 'approvals'}, items.map(a => item(a, user, {expanded: open === a.approval_id, drafts, setOpen: id => { open = id; }, reload})))
      : h('p', {class: 'muted empty', id: 'queue-empty'}, 'Nothing is waiting for a person.'));
    decided.replaceChildren(table([
      {label: 'Decided', value: a => fmt.time(a.resolved_at)},
      {label: 'Action', value: a => a.recommended_action},
      {label: 'Agent', value: a => a.agent_id},
      {label: 'Outcome', value: a => badge(a.status, a.status === 'approved' ? 'good' : a.status === 'rejected' ? 'bad' : 'warn')},
      {label: 'By', value: a => a.resolved_by ?? '—'},
      {label: 'Notes', value: a => a.resolution_notes ?? ''},
    ], done, {empty: 'No decisions yet.'}));
  }

  let pendingReload = null;
  const stopWatching = watchTable('human_approvals', () => {
    clearTimeout(pendingReload);
    pendingReload = setTimeout(() => reload().catch(console.error), 100);
  }, state => {
    status.textContent = state === 'live' ? 'live' : 'reconnecting…';
    status.className = `badge ${state === 'live' ? 'good' : 'warn'}`;
    if (state === 'live') reload().catch(console.error);
  });
  const ticker = setInterval(() => queue.querySelectorAll('[data-deadline]').forEach(countdown), 1_000);
  await reload();
  return () => {
    stopWatching();
    clearInterval(ticker);
    clearTimeout(pendingReload);
  };
}

// One queued approval; what was typed into its notes survives the queue being redrawn by a live change.
function item(approval, user, {expanded, drafts, setOpen, reload}) {
  const deadline = h('span', {class: 'deadline', dataset: {deadline: approval.timeout_at ?? ''}});
  countdown(deadline);
  const notes = h('textarea', {name: 'notes', rows: 2, placeholder: 'Notes (required to reject)',
    oninput: () => drafts.set(approval.approval_id, notes.value)});
  notes.value = drafts.get(approval.approval_id) ?? '';
  const problem = h('div', {});
  const act = async (decision) => {
    problem.replaceChildren();
    try {
      await approvals.decide(approval.approval_id, decision, notes.value.trim(), user.email);
      drafts.delete(approval.approval_id);
      await reload();
    } catch (e) {
      problem.replaceChildren(errorBox(e));
    }
  };
  const details = h('div', {class: 'approval-details', hidden: !expanded});
  const li = h('li', {class: 'approval', dataset: {approvalId: approval.approval_id}},
    h('div', {class: 'approval-head'},
      h('button', {type: 'button', class: 'link title', onclick: () => {
        details.hidden = !details.hidden;
        setOpen(details.hidden ? null : approval.approval_id);
        if (!details.hidden) loadComments(approval, user, details);
      }}, approval.recommended_action),
      deadline),
    h('div', {class: 'approval-meta muted small'},
      `${approval.agent_id} · confidence ${fmt.num(approval.confidence, 2)} · requested ${fmt.relative(approval.created_at)}`,
      approval.priority ? [' · ', badge(approval.priority, approval.priority === 'critical' ? 'critical' : '')] : null,
      approval.assigned_role ? ` · for ${approval.assigned_role}` : null,
      approval.required_approvals > 1 ? ` · ${approval.approved_by?.length ?? 0}/${approval.required_approvals} approvals` : null),
    details,
    h('div', {class: 'approval-actions'}, notes,
      h('button', {type: 'button', class: 'primary approve', onclick: () => act('approve')}, 'Approve'),
      h('button', {type: 'button', class: 'danger reject', onclick: () => act('reject')}, 'Reject')),
    problem);
  if (expanded) loadComments(approval, user, details);
  return li;
}

async function loadComments(approval, user, details) {
  details.replaceChildren(h('h3', {}, 'Context'), json(approval.decision_context));
  const list = await approvals.comments(approval.approval_id).catch(e => e);
  if (list instanceof Error) {
    details.append(errorBox(list));
    return;
  }
  const text = h('input', {name: 'comment', placeholder: 'Add a comment'});
  const form = h('form', {class: 'comment-form'}, text, h('button', {type: 'submit'}, 'Comment'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!text.value.trim()) return;
    try {
      await approvals.comment(approval.approval_id, user.email, text.value.trim());
      await loadComments(approval, user, details);
    } catch (e) {
      form.append(errorBox(e));
    }
  });
  details.append(h('h3', {}, 'Comments'),
    list.length ? h('ul', {class: 'comments'}, list.map(c => h('li', {}, h('strong', {}, c.author), ' ',
      h('span', {class: 'muted small'}, fmt.relative(c.created_at)), h('div', {}, c.body)))) : h('p', {class: 'muted small'}, 'No comments yet.'),
    form);
}

// "2 h 5 min left" in green, amber in the last hour, red once overdue.
function countdown(el) {
  const deadline = el.dataset.deadline;
  if (!deadline) {
    el.textContent = 'no deadline';
    el.className = 'deadline muted';
    return;
  }
  const left = new Date(deadline).getTime() - Date.now();
  el.textContent = left >= 0 ? `${fmt.duration(left)} left` : `overdue by ${fmt.duration(-left)}`;
  el.className = `deadline ${left < 0 ? 'bad' : left < 3_600_000 ? 'warn' : 'good'}`;
}
