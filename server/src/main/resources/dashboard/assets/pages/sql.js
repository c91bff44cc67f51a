// The administrators' SQL console: one read-only query at a time, run as the signed-in user (row-level
// security applies) with a statement timeout. The seed's key queries are at hand as examples.
import {card, errorBox, fmt, h} from '../lib/dom.js';
import {api} from '../lib/api.js';

const EXAMPLES = {
  'Recent events': `select event_type, aggregate_type, aggregate_id, emitted_by, confidence, "timestamp"
  from events
 order by "timestamp" desc, global_position desc
 limit 20`,
  'Event counts by type': `select event_type, count(*) as events
  from events
 group by event_type
 order by event_type`,
  'Pending approvals': `select approval_id, agent_id, recommended_action, confidence, timeout_at, created_at
  from human_approvals
 where status = 'pending'
 order by created_at`,
  'SOP execution metrics': `select sop_id,
       count(*) as executions,
       round(avg(cycle_time_hours), 2) as avg_cycle_time_hours,
       round(avg(automation_rate), 2) as avg_automation_rate,
       round(sum(human_hours), 2) as human_hours,
       round(sum(estimated_cost), 2) as total_cost
  from sop_executions
 where status = 'completed'
 group by sop_id
 order by sop_id`,
  'Agent performance (30 days)': `select agent_id,
       sum(events_processed) as events_processed,
       sum(events_emitted) as events_emitted,
       sum(human_escalations) as human_escalations,
       round(avg(avg_confidence), 2) as avg_confidence,
       round(avg(automation_rate), 2) as automation_rate
  from agent_metrics
 where window_start >= now() - interval '30 days'
 group by agent_id
 order by agent_id`,
  'Clients at risk': `select client_id, health_status, trust_score, events_last_30d, revenue_30d
  from client_health
 where health_status <> 'healthy'
 order by client_id`,
};

export async function render(root) {
  const editor = h('textarea', {id: 'sql-input', name: 'sql', rows: 10, spellcheck: 'false'});
  editor.value = sessionStorage.getItem('bigbox.sql') ?? EXAMPLES['Recent events'];
  const output = h('div', {id: 'sql-output'});
  const run = async () => {
    sessionStorage.setItem('bigbox.sql', editor.value);
    output.replaceChildren(h('p', {class: 'muted'}, 'Running…'));
    try {
      const {data} = await api('/api/v1/dashboard/sql', {method: 'POST', body: {sql: editor.value}});
      output.replaceChildren(result(data));
    } catch (e) {
      output.replaceChildren(errorBox(e));
    }
  };
  editor.addEventListener('keydown', event => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    }
  });
  root.append(h('h1', {}, 'SQL console'),
    card(null,
      h('p', {class: 'muted small'}, 'One read-only query, as you (your rows, your rights), stopped after the statement timeout. Ctrl+Enter runs it.'),
      h('div', {class: 'examples'}, 'Examples: ', Object.entries(EXAMPLES).map(([title, text]) =>
        h('button', {type: 'button', class: 'link', onclick: () => { editor.value = text; }}, title))),
      editor,
      h('button', {type: 'button', class: 'primary', id: 'sql-run', onclick: run}, 'Run')),
    card('Result', output));
}

function result({columns, rows, truncated, elapsed_ms: elapsed}) {
  return h('div', {},
    h('p', {class: 'muted small', id: 'sql-summary'},
      `${rows.length} row${rows.length === 1 ? '' : 's'}${truncated ? ' (more not shown)' : ''} in ${elapsed} ms`),
    rows.length ? h('div', {class: 'table-wrap'}, h('table', {class: 'rows', id: 'sql-rows'},
      h('thead', {}, h('tr', {}, columns.map(c => h('th', {}, c)))),
      h('tbody', {}, rows.map(row => h('tr', {}, row.map(value => h('td', {}, fmt.cell(value, 120)))))))) : null);
}
