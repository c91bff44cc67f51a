// The rows of an event list, shared by the stream, an aggregate's history and a causal chain: each
// links to its aggregate and its correlation; a click shows the payload and metadata.
import {fmt, h, json, link} from '../lib/dom.js';

export function eventRow(event, {indent = 0} = {}) {
  const detail = h('tr', {class: 'detail', hidden: true}, h('td', {colspan: 7},
    h('div', {class: 'two'}, h('div', {}, h('h3', {}, 'Payload'), json(event.payload)),
      h('div', {}, h('h3', {}, 'Metadata'), json(event.metadata),
        h('p', {class: 'muted small'}, `event ${event.event_id} · caused by ${event.causation_id ?? 'nothing'}`)))));
  const row = h('tr', {class: 'event', dataset: {eventId: event.event_id, type: event.event_type}},
    h('td', {class: 'num'}, event.global_position),
    h('td', {}, fmt.time(event.timestamp)),
    h('td', {style: indent ? `padding-left:${0.6 + indent * 1.2}rem` : null},
      h('button', {type: 'button', class: 'link', onclick: () => { detail.hidden = !detail.hidden; }}, event.event_type)),
    h('td', {}, link(`#/aggregate/${encodeURIComponent(event.aggregate_type)}/${encodeURIComponent(event.aggregate_id)}`,
      `${event.aggregate_type}/${event.aggregate_id}`), h('span', {class: 'muted'}, ` #${event.sequence_number}`)),
    h('td', {}, link(`#/correlation/${event.correlation_id}`, fmt.short(event.correlation_id))),
    h('td', {}, event.emitted_by),
    h('td', {class: 'num'}, event.confidence === null ? '—' : fmt.num(event.confidence, 2)));
  return [row, detail];
}

export function eventTable(events, options) {
  return h('div', {class: 'table-wrap'}, h('table', {class: 'events'},
    h('thead', {}, h('tr', {}, ['#', 'Time', 'Type', 'Aggregate', 'Correlation', 'Emitted by', 'Confidence']
      .map(label => h('th', {}, label)))),
    h('tbody', {}, events.map(event => eventRow(event, options)))));
}
