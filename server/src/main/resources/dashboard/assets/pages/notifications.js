// Notifications: where the signed-in person is reached (channels, quiet hours, the roles they decide
// for) and, for the CEO, the dead-letter list — deliveries every retry failed — with a retry each.
import {add, badge, card, fmt, h, table} from '../lib/dom.js';
import {api, get} from '../lib/api.js';
import * as session from '../lib/session.js';

export async function render(root) {
  const mine = await get('/api/v1/notifications/me');
  const p = mine.preferences;
  add(root, h('h1', {}, 'Notifications'),
    card('How you are reached', h('p', {}, p.quiet_from
        ? `Quiet hours ${p.quiet_from}–${p.quiet_until} (${p.time_zone})` + (p.ceo_interrupts_override ? '; CEO interrupts come through them.' : '.')
        : 'No quiet hours.', ' Roles you decide for: ', p.roles.length ? p.roles.join(', ') : 'none'),
      table([
        {label: 'Channel', value: c => c.kind},
        {label: 'Target', value: c => c.target},
      ], mine.channels, {empty: 'No channel of your own: approvals reach you in this dashboard (PUT /api/v1/notifications/me, POST /api/v1/notifications/me/channels).'})));
  if (session.user()?.role !== 'ceo') return;
  const list = h('div', {id: 'dead-letters'});
  add(root, card('Dead letters', list));
  await deadLetters(list);
}

async function deadLetters(list) {
  const letters = await get('/api/v1/notifications/dead-letters');
  list.replaceChildren(table([
    {label: 'Failed', value: d => fmt.time(d.failed_at)},
    {label: 'Approval', value: d => h('a', {href: `#/approvals/${d.approval_id}`}, d.approval_id.slice(0, 8))},
    {label: 'Why', value: d => d.trigger},
    {label: 'Channel', value: d => badge(d.channel)},
    {label: 'To', value: d => d.recipient},
    {label: 'Attempts', value: d => fmt.num(d.attempts), class: 'num'},
    {label: 'Reason', value: d => d.reason},
    {label: '', value: d => h('button', {type: 'button', onclick: async () => {
      await api(`/api/v1/notifications/dead-letters/${d.delivery_id}/retry`, {method: 'POST', body: {}});
      await deadLetters(list);
    }}, 'Retry')},
  ], letters, {empty: 'No dead letters: every notification was delivered or is still being retried.'}));
}
