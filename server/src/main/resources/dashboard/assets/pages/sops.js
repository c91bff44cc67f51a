// SOP definitions (every version, the active one marked) and their execution metrics: the seed's
// sop_execution_metrics query (through GraphQL's sopMetrics) as a table and as charts.
import {badge, card, fmt, h, json, table} from '../lib/dom.js';
import {graphql, rest} from '../lib/api.js';
import {bars} from '../lib/charts.js';

const METRICS = `{ sopMetrics { sopId executions avgCycleTimeHours avgAutomationRate humanHours totalCost } }`;

export async function render(root) {
  const [definitions, {sopMetrics: metrics}] = await Promise.all([
    rest('sop_definitions', {order: 'sop_id.asc,version.desc', limit: 1000}), graphql(METRICS)]);
  const targets = new Map(definitions.filter(d => !d.deactivated_at).map(d => [d.sop_id, d.definition?.metrics ?? {}]));
  const detail = h('div', {id: 'sop-detail'});
  root.append(h('h1', {}, 'SOPs'),
    card('Execution metrics', h('p', {class: 'muted small'}, 'Completed executions per SOP (the seed’s “SOP execution metrics” query).'),
      table([
        {label: 'SOP', value: m => m.sopId},
        {label: 'Executions', value: m => fmt.num(m.executions), class: 'num'},
        {label: 'Avg cycle time (h)', value: m => fmt.num(m.avgCycleTimeHours, 2), class: 'num'},
        {label: 'Target (h)', value: m => fmt.num(targets.get(m.sopId)?.cycle_time_target_hours, 0), class: 'num'},
        {label: 'Avg automation', value: m => fmt.pct(m.avgAutomationRate), class: 'num'},
        {label: 'Target', value: m => fmt.pct(targets.get(m.sopId)?.automation_rate_target), class: 'num'},
        {label: 'Human hours', value: m => fmt.num(m.humanHours, 2), class: 'num'},
        {label: 'Total cost', value: m => fmt.money(m.totalCost), class: 'num'},
      ], metrics, {empty: 'No SOP execution has completed yet.'}),
      metrics.length ? h('div', {class: 'two'},
        bars(metrics.map(m => m.sopId), [
          {name: 'Automation rate', values: metrics.map(m => m.avgAutomationRate)},
          {name: 'Target', values: metrics.map(m => targets.get(m.sopId)?.automation_rate_target ?? null)}],
        {percent: true, label: 'automation rate per SOP'}),
        bars(metrics.map(m => m.sopId), [{name: 'Avg cycle time (h)', values: metrics.map(m => m.avgCycleTimeHours)},
          {name: 'Target (h)', values: metrics.map(m => targets.get(m.sopId)?.cycle_time_target_hours ?? null)}],
        {label: 'cycle time per SOP'})) : null),
    card('Definitions', table([
      {label: 'SOP', value: d => d.sop_id},
      {label: 'Name', value: d => d.definition?.metadata?.name ?? '—'},
      {label: 'Version', value: d => d.definition?.metadata?.version ?? d.version},
      {label: 'State', value: d => d.deactivated_at ? badge('retired') : badge('active', 'good')},
      {label: 'Steps', value: d => (d.definition?.steps ?? []).length, class: 'num'},
      {label: 'Changes approved by', value: d => d.approval_mechanism},
      {label: 'Activated', value: d => fmt.time(d.activated_at)},
    ], definitions, {empty: 'No SOP is loaded (bigbox load-sops).', onRowClick: d => show(detail, d)})),
    detail);
}

function show(detail, definition) {
  const steps = definition.definition?.steps ?? [];
  detail.replaceChildren(card(`${definition.sop_id} v${definition.version}`,
    table([
      {label: 'Step', value: s => s.step_id},
      {label: 'Name', value: s => s.name},
      {label: 'Automation', value: s => badge(s.automation_level ?? '—', s.automation_level === 'full' ? 'good' : s.automation_level === 'manual' ? 'warn' : '')},
      {label: 'Agent', value: s => s.responsible_agent ?? '—'},
      {label: 'Human', value: s => s.requires_human ? 'yes' : 'no'},
      {label: 'Timeout (h)', value: s => s.timeout_hours ?? '—', class: 'num'},
      {label: 'After', value: s => (s.dependencies ?? []).join(', ')},
    ], steps, {empty: 'This definition has no steps.'}),
    h('details', {}, h('summary', {}, 'The whole definition'), json(definition.definition))));
  detail.scrollIntoView({behavior: 'smooth'});
}
