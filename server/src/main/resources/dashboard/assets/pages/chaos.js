// Chaos experiments and their results: each run's fault, intensity, what it hit and how the system held
// up, and the resilience score's trend (an alert below 0.7).
import {add, badge, card, fmt, h, json, table} from '../lib/dom.js';
import {rest} from '../lib/api.js';
import {lines} from '../lib/charts.js';

const ALERT = 0.7;

export async function render(root) {
  const runs = await rest('chaos_experiments', {order: 'started_at.desc', limit: 500});
  const scored = runs.filter(r => resilience(r) !== null).reverse();
  const detail = h('div', {id: 'chaos-detail'});
  add(root, h('h1', {}, 'Chaos experiments'),
    scored.length ? card('Resilience score', lines([{name: 'Resilience', points: scored.map(r => [r.started_at, resilience(r)])}],
      {threshold: ALERT, label: 'resilience score over time'})) : null,
    card('Runs', table([
      {label: 'Started', value: r => fmt.time(r.started_at)},
      {label: 'Experiment', value: r => r.title ?? r.experiment_type},
      {label: 'Type', value: r => r.experiment_type},
      {label: 'Intensity', value: r => badge(r.intensity, r.intensity === 'high' ? 'bad' : r.intensity === 'medium' ? 'warn' : '')},
      {label: 'Status', value: r => badge(r.status, r.status === 'completed' ? 'good' : r.status === 'aborted' ? 'bad' : 'warn')},
      {label: 'Events hit', value: r => fmt.num(r.events_affected), class: 'num'},
      {label: 'Failures', value: r => fmt.num(r.failures_detected), class: 'num'},
      {label: 'Recovery (s)', value: r => fmt.num(r.recovery_time_seconds), class: 'num'},
      {label: 'Resilience', value: r => score(resilience(r)), class: 'num'},
    ], runs, {empty: 'No chaos experiment has run yet (bigbox chaos run FILE).', onRowClick: r => show(detail, r)})),
    detail);
}

// The recorded score, else 1 − degradation (the original engine's definition).
function resilience(run) {
  if (run.resilience_score !== undefined && run.resilience_score !== null) return Number(run.resilience_score);
  return run.system_degradation === null ? null : 1 - Number(run.system_degradation);
}

function score(value) {
  return value === null ? '—' : badge(fmt.num(value, 2), value < ALERT ? 'bad' : 'good');
}

function show(detail, run) {
  const parts = ['hypothesis_before', 'actions', 'hypothesis_after', 'rollbacks', 'findings', 'target_filter']
    .filter(name => run[name] !== undefined && run[name] !== null)
    .map(name => h('div', {}, h('h3', {}, name.replace('_', ' ')), json(run[name])));
  detail.replaceChildren(card(run.title ?? `${run.experiment_type} (${run.intensity})`,
    h('p', {class: 'muted small'}, `${fmt.time(run.started_at)} → ${fmt.time(run.ended_at)} · degradation ${fmt.num(run.system_degradation, 2)}`),
    parts.length ? h('div', {class: 'two'}, parts) : h('p', {class: 'muted'}, 'This run recorded no hypothesis or findings.')));
  detail.scrollIntoView({behavior: 'smooth'});
}
