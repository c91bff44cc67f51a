// A correlation's causal chain: every event of the flow, each under the event that caused it.
import {card, h} from '../lib/dom.js';
import {rest} from '../lib/api.js';
import {eventRow, eventTable} from './event-table.js';

export async function render(root, {args: [correlationId]}) {
  const events = await rest('events', {correlation_id: `eq.${correlationId}`, order: 'global_position.asc', limit: 1000});
  root.append(h('div', {class: 'page-head'}, h('h1', {}, 'Causal chain'),
    h('span', {class: 'muted'}, `correlation ${correlationId} · ${events.length} events`)),
  card(null, chain(events)));
}

// Depth-first from the roots (events whose cause is outside the flow), children in commit order.
function chain(events) {
  const byId = new Map(events.map(e => [e.event_id, e]));
  const children = new Map();
  const roots = [];
  for (const event of events) {
    if (event.causation_id && byId.has(event.causation_id) && event.causation_id !== event.event_id) {
      if (!children.has(event.causation_id)) children.set(event.causation_id, []);
      children.get(event.causation_id).push(event);
    } else {
      roots.push(event);
    }
  }
  const ordered = [];
  const visit = (event, depth) => {
    ordered.push([event, depth]);
    (children.get(event.event_id) ?? []).forEach(child => visit(child, depth + 1));
  };
  roots.forEach(root => visit(root, 0));
  const table = eventTable([]);
  const body = table.querySelector('tbody');
  ordered.forEach(([event, depth]) => body.append(...eventRow(event, {indent: depth})));
  return events.length ? table : h('p', {class: 'muted'}, 'No events you may read carry this correlation.');
}

