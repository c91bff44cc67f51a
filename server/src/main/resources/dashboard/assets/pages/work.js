// An employee's work: open tasks (those assigned to them first) and the approval queue at a glance.
import {badge, card, fmt, h, kpi, link, table} from '../lib/dom.js';
import {rest} from '../lib/api.js';
import * as approvals from '../lib/approvals.js';
import {tasks as foldTasks} from '../lib/folds.js';

export async function render(root, {user}) {
  const [taskEvents, pending] = await Promise.all([
    rest('events', {aggregate_type: 'eq.TASK', order: 'global_position.desc', limit: 2000}), approvals.pending()]);
  const tasks = foldTasks(taskEvents).filter(t => t.status !== 'done')
    .sort((a, b) => Number(b.assignee === user.email) - Number(a.assignee === user.email) || a.created.localeCompare(b.created));
  const mine = tasks.filter(t => t.assignee === user.email);
  const soon = [...pending].filter(a => a.timeout_at).sort((a, b) => a.timeout_at.localeCompare(b.timeout_at)).slice(0, 5);
  const overdue = pending.filter(a => a.timeout_at && new Date(a.timeout_at) < new Date());
  root.append(h('h1', {}, 'My work'),
    h('div', {class: 'kpis'}, kpi('Open tasks', tasks.length), kpi('Assigned to me', mine.length),
      kpi('Approvals waiting', pending.length), kpi('Overdue approvals', overdue.length, {tone: overdue.length ? 'bad' : ''})),
    card('Approval queue', table([
      {label: 'Decision', value: a => a.recommended_action},
      {label: 'Agent', value: a => a.agent_id},
      {label: 'Deadline', value: a => badge(fmt.relative(a.timeout_at), new Date(a.timeout_at) < new Date() ? 'bad' : '')},
    ], soon, {empty: 'Nothing is waiting for a person.', onRowClick: () => { location.hash = '#/approvals'; }}),
    h('p', {}, link('#/approvals', `All ${pending.length} pending approvals →`))),
    card('Open tasks', table([
      {label: 'Task', value: t => t.title},
      {label: 'Assignee', value: t => t.assignee === user.email ? badge('me', 'good') : t.assignee ?? 'unassigned'},
      {label: 'State', value: t => t.status},
      {label: 'Due', value: t => t.due ? fmt.relative(t.due) : '—'},
      {label: 'Created', value: t => fmt.relative(t.created)},
      {label: 'Flow', value: t => link(`#/correlation/${t.correlation}`, fmt.short(t.correlation))},
    ], tasks, {empty: 'No open task.'})));
}
