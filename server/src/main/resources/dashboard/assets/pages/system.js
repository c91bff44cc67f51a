// System health: this instance's readiness (/health: database, real-time bus, a writer holding delivery
// back), the cluster's instances, each subscription's lag, and the database's latency over the last
// minutes. Refreshed every five seconds.
import {badge, card, errorBox, fmt, h, kpi, table, put} from '../lib/dom.js';
import {get, health as readiness, rest} from '../lib/api.js';
import {lines} from '../lib/charts.js';

const REFRESH_MS = 5_000;

export async function render(root) {
  const body = h('div', {id: 'system-health'});
  root.append(h('div', {class: 'page-head'}, h('h1', {}, 'System health'), h('span', {class: 'muted small'}, 'refreshed every 5 s')), body);
  const latency = [];
  const chart = lines([{name: 'round trip', points: latency}], {height: 200, label: 'database round trip'});
  const draw = async () => {
    const [health, instances, agents, metrics] = await Promise.all([readiness(),
      rest('engine_instances', {order: 'instance_name.asc'}), get('/api/v1/agents'), prometheus()]);
    const db = health.database ?? {};
    if (db.latency_ms !== undefined) latency.push([Date.now(), db.latency_ms]);
    if (latency.length > 120) latency.shift();
    const bus = health.bus ?? {};
    put(body,
      h('div', {class: 'kpis'},
        kpi('This instance', badge(health.status, health.status === 'up' ? 'good' : 'bad'), {hint: bus.instance}),
        kpi('Database', badge(db.status ?? '—', db.status === 'up' ? 'good' : 'bad')),
        kpi('DB round trip', db.latency_ms === undefined ? '—' : `${fmt.num(db.latency_ms, 1)} ms`),
        kpi('Bus', bus.listening ? 'listening' : 'polling', {tone: bus.listening ? '' : 'warn'}),
        kpi('Delivered here', fmt.num(bus.delivered)),
        kpi('Feed position', fmt.num(bus.position))),
      bus.held_back_by ? h('p', {class: 'notice warn', id: 'held-back'}, `Delivery is held back by an open writer: pid ${bus.held_back_by.pid} `
        + `(${bus.held_back_by.application}, ${bus.held_back_by.state}, open ${bus.held_back_by.open_seconds} s).`) : null,
      bus.error ? errorBox(new Error(`bus: ${bus.error}`)) : null,
      card('Instances', table([
        {label: 'Instance', value: i => i.instance_name},
        {label: 'URL', value: i => i.url},
        {label: 'Heartbeat', value: i => badge(fmt.relative(i.heartbeat_at), Date.now() - new Date(i.heartbeat_at) < 30_000 ? 'good' : 'bad')},
        {label: 'Started', value: i => fmt.time(i.started_at)},
        {label: 'Embedded DB', value: i => i.embedded_database ? 'yes' : 'no'},
      ], instances, {empty: 'No instance has announced itself.'})),
      card('Subscriptions', subscriptions(agents, metrics, bus.instance)),
      card('Database round trip (ms)', chart));
    chart.update?.({series: [{data: latency}]});
  };
  await draw();
  const timer = setInterval(() => draw().catch(e => body.prepend(errorBox(e))), REFRESH_MS);
  return () => clearInterval(timer);
}

// Lag per subscription: the agents' subscriptions from /api/v1/agents (where each runs), and the lag
// series /metrics exports (this instance's feed and every durable subscription).
function subscriptions(agents, metrics, here) {
  const rows = agents.map(a => ({name: a.subscription, where: a.instance ?? '—', state: a.status, lag: a.lag}));
  for (const m of metrics) {
    rows.push({name: m.labels.subscription ?? 'real-time feed', where: m.labels.instance ?? here ?? '—', state: 'from /metrics', lag: m.value});
  }
  return table([
    {label: 'Subscription', value: r => r.name},
    {label: 'Instance', value: r => r.where},
    {label: 'State', value: r => r.state},
    {label: 'Lag (events)', value: r => badge(fmt.num(r.lag), r.lag > 100 ? 'bad' : r.lag > 0 ? 'warn' : 'good'), class: 'num'},
  ], rows, {empty: 'No subscription is registered.'});
}

// The lag series of the Prometheus text at /metrics: lines like name{label="v",...} value.
async function prometheus() {
  const response = await fetch('/metrics');
  if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
  const series = [];
  for (const line of (await response.text()).split('\n')) {
    const match = /^([a-z_:]*lag[a-z_:]*)(?:\{([^}]*)\})?\s+([0-9.eE+-]+)$/.exec(line);
    if (!match) continue;
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map(m => [m[1], m[2]]));
    series.push({name: match[1], labels, value: Number(match[3])});
  }
  return series;
}
