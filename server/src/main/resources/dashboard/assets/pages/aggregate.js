// One aggregate's history: its stream in sequence order.
import {card, h} from '../lib/dom.js';
import {get} from '../lib/api.js';
import {eventTable} from './event-table.js';

export async function render(root, {args: [type, id]}) {
  const events = await get(`/api/v1/aggregates/${encodeURIComponent(type)}/${encodeURIComponent(id)}/events`);
  root.append(h('div', {class: 'page-head'}, h('h1', {}, `${type} / ${id}`),
    h('span', {class: 'muted'}, `${events.length} events, version ${events.at(-1)?.sequence_number ?? 0}`)),
  card('History', eventTable(events)));
}
