// The CEO's overview: the interrupts waiting for the CEO, the weekly automation review, economics and
// ROI, and the system's health and resilience.
import {badge, card, fmt, h, kpi, link, notice, table} from '../lib/dom.js';
import {health as readiness, optional, rest, restCount} from '../lib/api.js';
import {bars, lines} from '../lib/charts.js';
import * as approvals from '../lib/approvals.js';

const DAY = 86_400_000;
const WEEK_TYPES = ['AUTONOMIC_DECISION_EXECUTED', 'HUMAN_APPROVAL_REQUESTED', 'CEO_INTERRUPT_REQUIRED', 'HUMAN_OVERRIDE',
  'SOP_EXECUTION_COMPLETED'];

export async function render(root) {
  root.append(h('h1', {}, 'Overview'));
  const sections = await Promise.all([interrupts(), weeklyReview(), economics(), resilience()]);
  root.append(...sections);
}

// Approvals only the CEO may decide (the oversight agent assigns CEO interrupts to the ceo role) and the
// latest CEO_INTERRUPT_REQUIRED events.
async function interrupts() {
  const since = new Date(Date.now() - 30 * DAY).toISOString();
  const [pending, raised] = await Promise.all([approvals.pending(),
    rest('events', {event_type: 'eq.CEO_INTERRUPT_REQUIRED', timestamp: `gte.${since}`, order: 'global_position.desc', limit: 10})]);
  const mine = pending.filter(a => a.assigned_role === 'ceo' || a.action_class === 'ceo_decision');
  const overdue = pending.filter(a => a.timeout_at && new Date(a.timeout_at) < new Date());
  return card('Interrupts to decide',
    h('div', {class: 'kpis'}, kpi('For the CEO', mine.length, {tone: mine.length ? 'warn' : ''}),
      kpi('Pending approvals', pending.length), kpi('Overdue', overdue.length, {tone: overdue.length ? 'bad' : ''}),
      kpi('Interrupts (30 d)', raised.length === 10 ? '10+' : raised.length)),
    table([
      {label: 'Decision', value: a => a.recommended_action},
      {label: 'Agent', value: a => a.agent_id},
      {label: 'Deadline', value: a => fmt.relative(a.timeout_at)},
    ], mine, {empty: 'Nothing waits for the CEO.', onRowClick: () => { location.hash = '#/approvals'; }}),
    raised.length ? h('div', {}, h('h3', {}, 'Latest interrupts raised'), table([
      {label: 'When', value: e => fmt.time(e.timestamp)},
      {label: 'Why', value: e => e.payload?.reason ?? e.payload?.rule ?? e.payload?.summary ?? fmt.cell(e.payload, 70)},
      {label: 'Flow', value: e => link(`#/correlation/${e.correlation_id}`, fmt.short(e.correlation_id))},
    ], raised)) : null,
    h('p', {}, link('#/approvals', 'Open the approval queue →')));
}

// GET /api/v1/reviews/weekly when the engine serves it; otherwise this week's figures from the event log.
async function weeklyReview() {
  const review = await optional('/api/v1/reviews/weekly');
  if (review) return card('Weekly automation review', reviewBody(review));
  const since = new Date(Date.now() - 7 * DAY).toISOString();
  const counts = await Promise.all(WEEK_TYPES.map(type => restCount('events', {event_type: `eq.${type}`, timestamp: `gte.${since}`})));
  const [autonomous, toHuman, toCeo, overrides, sopRuns] = counts;
  const decided = autonomous + toHuman + toCeo;
  return card('Weekly automation review',
    notice('The engine does not serve the weekly review (GET /api/v1/reviews/weekly) yet; these are the last 7 days from the event log.'),
    h('div', {class: 'kpis'},
      kpi('Decided autonomously', decided ? fmt.pct(autonomous / decided) : '—', {hint: `${autonomous} of ${decided} decisions`}),
      kpi('Handed to people', toHuman), kpi('CEO interrupts', toCeo, {tone: toCeo >= 7 ? 'bad' : ''}),
      kpi('Overrides', overrides), kpi('SOP runs completed', sopRuns)));
}

// Renders whatever the review holds: figures as tiles, lists of records as tables, text as text.
function reviewBody(review) {
  const figures = Object.entries(review).filter(([, v]) => typeof v === 'number');
  const texts = Object.entries(review).filter(([, v]) => typeof v === 'string');
  const lists = Object.entries(review).filter(([, v]) => Array.isArray(v) && v.length && typeof v[0] === 'object');
  return h('div', {id: 'weekly-review'},
    texts.map(([name, value]) => h('p', {}, h('strong', {}, `${name.replaceAll('_', ' ')}: `), value)),
    h('div', {class: 'kpis'}, figures.map(([name, value]) => kpi(name.replaceAll('_', ' '), fmt.num(value, Number.isInteger(value) ? 0 : 2)))),
    lists.map(([name, rows]) => h('div', {}, h('h3', {}, name.replaceAll('_', ' ')),
      table(Object.keys(rows[0]).map(key => ({label: key.replaceAll('_', ' '), value: row => fmt.cell(row[key])})), rows))));
}

// The last 30 days of completed SOP runs against each active SOP's cost target: what automation saves.
async function economics() {
  const since = new Date(Date.now() - 30 * DAY).toISOString();
  const [runs, definitions] = await Promise.all([
    rest('sop_executions', {status: 'eq.completed', completed_at: `gte.${since}`, limit: 10000,
      select: 'sop_id,estimated_cost,human_hours,automation_rate'}),
    rest('sop_definitions', {deactivated_at: 'is.null', select: 'sop_id,definition'})]);
  const targets = new Map(definitions.map(d => [d.sop_id, d.definition?.metrics ?? {}]));
  const bySop = new Map();
  for (const run of runs) {
    const s = bySop.get(run.sop_id) ?? {runs: 0, cost: 0, hours: 0, automation: 0};
    s.runs += 1;
    s.cost += Number(run.estimated_cost ?? 0);
    s.hours += Number(run.human_hours ?? 0);
    s.automation += Number(run.automation_rate ?? 0);
    bySop.set(run.sop_id, s);
  }
  const rows = [...bySop].map(([sop, s]) => {
    const target = targets.get(sop)?.cost_per_execution_target;
    const avgCost = s.cost / s.runs;
    return {sop, runs: s.runs, avgCost, target, hours: s.hours, automation: s.automation / s.runs,
      savings: target === undefined ? null : (target - avgCost) * s.runs};
  }).sort((a, b) => a.sop.localeCompare(b.sop));
  const cost = rows.reduce((sum, r) => sum + r.avgCost * r.runs, 0);
  const savings = rows.reduce((sum, r) => sum + (r.savings ?? 0), 0);
  return card('Economics and ROI (30 days)',
    h('div', {class: 'kpis'}, kpi('SOP runs', fmt.num(runs.length)), kpi('Cost', fmt.money(cost)),
      kpi('Human hours', fmt.num(rows.reduce((sum, r) => sum + r.hours, 0), 1)),
      kpi('Savings against targets', fmt.money(savings), {tone: savings < 0 ? 'bad' : 'good', hint: 'Σ (target cost − actual cost) per run'}),
      kpi('Return on cost', cost ? fmt.pct(savings / cost) : '—', {hint: 'savings against targets ÷ cost'})),
    rows.length ? bars(rows.map(r => r.sop), [{name: 'Average cost', values: rows.map(r => r.avgCost)},
      {name: 'Target cost', values: rows.map(r => r.target ?? null)}], {label: 'cost per run against target'}) : null,
    table([
      {label: 'SOP', value: r => r.sop},
      {label: 'Runs', value: r => r.runs, class: 'num'},
      {label: 'Avg cost', value: r => fmt.money(r.avgCost), class: 'num'},
      {label: 'Target', value: r => fmt.money(r.target), class: 'num'},
      {label: 'Automation', value: r => fmt.pct(r.automation), class: 'num'},
      {label: 'Savings', value: r => fmt.money(r.savings), class: 'num'},
    ], rows, {empty: 'No SOP run completed in the last 30 days.'}));
}

async function resilience() {
  const [health, runs] = await Promise.all([readiness(), rest('chaos_experiments', {order: 'started_at.asc', limit: 200})]);
  const scored = runs.map(r => [r.started_at, r.resilience_score ?? (r.system_degradation === null ? null : 1 - Number(r.system_degradation))])
    .filter(([, score]) => score !== null).map(([at, score]) => [at, Number(score)]);
  const last = scored.at(-1)?.[1];
  return card('System health and resilience',
    h('div', {class: 'kpis'},
      kpi('Engine', badge(health.status, health.status === 'up' ? 'good' : 'bad')),
      kpi('Database', `${fmt.num(health.database?.latency_ms, 1)} ms`),
      kpi('Experiments run', runs.length),
      kpi('Last resilience score', last === undefined ? '—' : fmt.num(last, 2), {tone: last !== undefined && last < 0.7 ? 'bad' : ''})),
    scored.length ? lines([{name: 'Resilience', points: scored}], {threshold: 0.7, height: 200, label: 'resilience trend'}) : null,
    h('p', {}, link('#/system', 'System health →'), ' ', link('#/chaos', 'Chaos experiments →')));
}
