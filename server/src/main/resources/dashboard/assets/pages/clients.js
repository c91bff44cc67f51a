// Client health with risk levels: every client's projection row, the riskiest first, as a table and
// as charts.
import {add, badge, card, fmt, h, HEALTH_TONES, table} from '../lib/dom.js';
import {rest} from '../lib/api.js';
import {bars, donut} from '../lib/charts.js';

const RISK_ORDER = ['critical', 'at_risk', 'attention_needed', 'healthy'];

export async function render(root) {
  const clients = (await rest('client_health', {order: 'client_id.asc', limit: 5000}))
    .sort((a, b) => RISK_ORDER.indexOf(a.health_status) - RISK_ORDER.indexOf(b.health_status) || (a.trust_score ?? 1) - (b.trust_score ?? 1));
  const counts = RISK_ORDER.map(status => ({name: status.replace('_', ' '), value: clients.filter(c => c.health_status === status).length}));
  add(root, h('h1', {}, 'Client health'),
    clients.length ? h('div', {class: 'two'},
      card('Risk levels', donut(counts.filter(c => c.value > 0), {label: 'clients by risk level'})),
      card('Trust score (lowest first)', bars(clients.slice(0, 15).map(c => c.client_id),
        [{name: 'Trust score', values: clients.slice(0, 15).map(c => c.trust_score)}], {horizontal: true, percent: true, label: 'trust score per client'}))) : null,
    card('Clients', table([
      {label: 'Client', value: c => c.client_id},
      {label: 'Risk', value: c => badge(c.health_status.replace('_', ' '), HEALTH_TONES[c.health_status])},
      {label: 'Trust', value: c => fmt.pct(c.trust_score), class: 'num'},
      {label: 'Events (30 d)', value: c => fmt.num(c.events_last_30d), class: 'num'},
      {label: 'Meetings (30 d)', value: c => fmt.num(c.meetings_last_30d), class: 'num'},
      {label: 'Revenue (30 d)', value: c => fmt.money(c.revenue_30d), class: 'num'},
      {label: 'Automation', value: c => fmt.pct(c.automation_rate), class: 'num'},
      {label: 'Interventions', value: c => fmt.num(c.proactive_interventions), class: 'num'},
      {label: 'Why', value: c => (c.health_reasons ?? []).map(r => r.reason ?? r.message ?? r).join('; ')},
      {label: 'Last event', value: c => fmt.relative(c.last_event_at)},
    ], clients, {empty: 'No client has a health record yet.'})));
}
