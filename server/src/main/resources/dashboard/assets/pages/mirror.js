// The client portal, the "Client Autonomy Mirror": the client's own timeline, projects, invoices, trust
// score, proactive interventions, automation rate and on-time share. Every request carries the client
// user's token, so row-level security (client isolation, always on) returns only this client's rows.
import {badge, card, fmt, h, HEALTH_TONES, kpi, table} from '../lib/dom.js';
import {optional, rest} from '../lib/api.js';
import {gauge} from '../lib/charts.js';
import {invoices as foldInvoices, projects as foldProjects} from '../lib/folds.js';
import {eventTable} from './event-table.js';

const INTERVENTIONS = ['RISK_DETECTED', 'PAYMENT_REMINDER_SENT', 'PROJECT_AT_RISK', 'CLIENT_ATTENTION_DECAY'];

export async function render(root, {user}) {
  // The trust score exists once the client has a health record: asking before would only earn a 404.
  const healthFirst = rest('client_health', {limit: 1});
  const [health, timeline, projectEvents, invoiceEvents, interventions, trust] = await Promise.all([
    healthFirst,
    rest('events', {order: 'global_position.desc', limit: 30}),
    rest('events', {aggregate_type: 'eq.PROJECT', order: 'global_position.asc', limit: 2000}),
    rest('events', {aggregate_type: 'eq.INVOICE', order: 'global_position.asc', limit: 2000}),
    rest('events', {event_type: `in.(${INTERVENTIONS.join(',')})`, order: 'global_position.desc', limit: 10}),
    healthFirst.then(rows => user.clientId && rows.length
      ? optional(`/api/clients/${encodeURIComponent(user.clientId)}/trust-score`) : null)]);
  const me = health[0] ?? {};
  const projects = foldProjects(projectEvents);
  const invoices = foldInvoices(invoiceEvents);
  root.append(h('div', {class: 'page-head'}, h('h1', {}, 'Your account'),
    me.health_status ? badge(me.health_status.replace('_', ' '), HEALTH_TONES[me.health_status]) : null),
  h('div', {class: 'mirror-top'},
    card('Trust score', gauge(me.trust_score === undefined ? null : Number(me.trust_score), 'trust', {label: 'trust score'})),
    card('How we work for you', h('div', {class: 'kpis'},
      kpi('Automation rate', fmt.pct(me.automation_rate), {hint: 'share of the work on your account done without waiting for a person'}),
      kpi('On-time share', fmt.pct(trust?.on_time_share), {hint: 'share of finished work delivered within its target time'}),
      kpi('Proactive interventions', fmt.num(me.proactive_interventions), {hint: 'times we acted before you had to ask'}),
      kpi('Projects', projects.length), kpi('Open invoices', invoices.filter(i => i.status !== 'paid').length)))),
  card('Projects', table([
    {label: 'Project', value: p => p.name},
    {label: 'State', value: p => badge(p.status, p.status === 'at risk' ? 'bad' : p.status === 'completed' ? 'good' : '')},
    {label: 'Budget', value: p => fmt.money(p.budget), class: 'num'},
    {label: 'Since', value: p => fmt.time(p.started)},
  ], projects, {empty: 'No project yet.'})),
  card('Invoices', table([
    {label: 'Invoice', value: i => i.id},
    {label: 'Amount', value: i => fmt.money(i.amount), class: 'num'},
    {label: 'Issued', value: i => fmt.time(i.issued)},
    {label: 'Due', value: i => fmt.time(i.due)},
    {label: 'State', value: i => badge(i.status, i.status === 'paid' ? 'good' : i.status === 'overdue' ? 'bad' : 'warn')},
  ], invoices, {empty: 'No invoice yet.'})),
  card('Proactive interventions', table([
    {label: 'When', value: e => fmt.time(e.timestamp)},
    {label: 'What', value: e => e.event_type.replaceAll('_', ' ').toLowerCase()},
    {label: 'Details', value: e => e.payload?.reason ?? e.payload?.summary ?? fmt.cell(e.payload, 70)},
  ], interventions, {empty: 'Nothing needed our attention.'})),
  card('Timeline', h('div', {id: 'client-timeline'}, timeline.length ? eventTable(timeline) : h('p', {class: 'muted'}, 'No activity yet.'))));
}
