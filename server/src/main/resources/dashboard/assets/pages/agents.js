// Agent performance over 30 days: the seed's agent_performance_30d query (GraphQL agentPerformance) as a
// table, and each agent's daily trend from its agent_metrics windows.
import {add, card, fmt, h, table} from '../lib/dom.js';
import {get, graphql, rest} from '../lib/api.js';
import {lines} from '../lib/charts.js';

const PERFORMANCE = `{ agentPerformance { agentId eventsProcessed eventsEmitted humanEscalations avgConfidence automationRate } }`;
const DAY = 86_400_000;

export async function render(root) {
  const since = new Date(Date.now() - 30 * DAY).toISOString();
  const [{agentPerformance: performance}, windows, settings] = await Promise.all([
    graphql(PERFORMANCE),
    rest('agent_metrics', {window_start: `gte.${since}`, order: 'window_start.asc', limit: 10000}),
    get('/api/v1/agents')]);
  const bySetting = new Map(settings.map(a => [a.name, a]));
  const trend = daily(windows);
  add(root, h('h1', {}, 'Agents'),
    card('Last 30 days', table([
      {label: 'Agent', value: a => a.agentId},
      {label: 'Events processed', value: a => fmt.num(a.eventsProcessed), class: 'num'},
      {label: 'Emitted', value: a => fmt.num(a.eventsEmitted), class: 'num'},
      {label: 'Escalated to people', value: a => fmt.num(a.humanEscalations), class: 'num'},
      {label: 'Avg confidence', value: a => fmt.num(a.avgConfidence, 2), class: 'num'},
      {label: 'Automation', value: a => fmt.pct(a.automationRate), class: 'num'},
      {label: 'Trend (automation)', value: a => arrow(trend.get(a.agentId), 'automation')},
      {label: 'Autonomy', value: a => bySetting.get(a.agentId)?.autonomy_level ?? '—'},
      {label: 'Threshold', value: a => fmt.num(bySetting.get(a.agentId)?.threshold, 2), class: 'num'},
    ], performance, {empty: 'No agent has reported metrics in the last 30 days.'})),
    performance.length ? h('div', {class: 'two'},
      card('Automation rate per day', lines(series(trend, 'automation'), {percent: true, label: 'automation rate per agent'})),
      card('Average confidence per day', lines(series(trend, 'confidence'), {threshold: 0.75, label: 'confidence per agent'})),
      card('Events processed per day', lines(series(trend, 'processed'), {label: 'events processed per agent'})),
      card('Escalations per day', lines(series(trend, 'escalations'), {label: 'escalations per agent'}))) : null);
}

// agent -> [[day, {processed, escalations, confidence, automation}]] from the metric windows.
function daily(windows) {
  const agents = new Map();
  for (const w of windows) {
    const day = Math.floor(new Date(w.window_start).getTime() / DAY) * DAY;
    if (!agents.has(w.agent_id)) agents.set(w.agent_id, new Map());
    const days = agents.get(w.agent_id);
    const d = days.get(day) ?? {processed: 0, escalations: 0, confidence: [], automation: []};
    d.processed += w.events_processed;
    d.escalations += w.human_escalations;
    if (w.avg_confidence !== null) d.confidence.push(Number(w.avg_confidence));
    if (w.automation_rate !== null) d.automation.push(Number(w.automation_rate));
    days.set(day, d);
  }
  const mean = values => values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
  return new Map([...agents].map(([agent, days]) => [agent, [...days].sort((a, b) => a[0] - b[0]).map(([day, d]) =>
    [day, {processed: d.processed, escalations: d.escalations, confidence: mean(d.confidence), automation: mean(d.automation)}])]));
}

function series(trend, field) {
  return [...trend].map(([agent, days]) => ({name: agent, points: days.map(([day, d]) => [day, d[field]])}));
}

// The last week against the three before it.
function arrow(days, field) {
  if (!days?.length) return '—';
  const cut = Date.now() - 7 * DAY;
  const avg = list => { const v = list.map(([, d]) => d[field]).filter(x => x !== null); return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null; };
  const recent = avg(days.filter(([day]) => day >= cut));
  const before = avg(days.filter(([day]) => day < cut));
  if (recent === null || before === null) return h('span', {class: 'muted'}, 'new');
  const change = recent - before;
  if (Math.abs(change) < 0.01) return h('span', {class: 'muted'}, '→ steady');
  return h('span', {class: change > 0 ? 'good-text' : 'bad-text'}, `${change > 0 ? '↑' : '↓'} ${Math.round(Math.abs(change) * 100)} pts`);
}
