// The live event stream: the latest events the user may read, filtered by type, aggregate and
// correlation, with new ones added as they commit (no reload).
import {followEvents} from '../lib/feed.js';
import {badge, card, h} from '../lib/dom.js';
import {rest} from '../lib/api.js';
import {eventRow} from './event-table.js';

const FILTERS = [['event_type', 'Type', 'LEAD_RECEIVED'], ['aggregate_type', 'Aggregate type', 'LEAD'],
  ['aggregate_id', 'Aggregate id', 'lead-42'], ['correlation_id', 'Correlation', 'uuid']];
const SHOWN = 200;

export async function render(root, {params}) {
  const filter = Object.fromEntries(FILTERS.map(([name]) => [name, params.get(name) ?? '']).filter(([, v]) => v));
  const status = badge('connecting…', 'warn');
  status.id = 'stream-status';
  const form = h('form', {class: 'filters', id: 'event-filters'},
    FILTERS.map(([name, label, example]) => h('label', {}, label,
      h('input', {name, value: filter[name] ?? '', placeholder: example}))),
    h('button', {type: 'submit'}, 'Filter'),
    h('a', {href: '#/events', class: 'button'}, 'Clear'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const chosen = new URLSearchParams([...new FormData(form)].filter(([, v]) => v.trim()));
    location.hash = `#/events?${chosen}`;
  });
  const body = h('tbody', {id: 'event-rows'});
  const counter = h('span', {class: 'muted'});
  root.append(h('div', {class: 'page-head'}, h('h1', {}, 'Event stream'), status),
    card(null, form),
    card(null, h('p', {class: 'muted small'}, 'Newest first. Click a type for its payload, an aggregate for its history, ',
      'a correlation for its causal chain. ', counter),
    h('div', {class: 'table-wrap'}, h('table', {class: 'events'},
      h('thead', {}, h('tr', {}, ['#', 'Time', 'Type', 'Aggregate', 'Correlation', 'Emitted by', 'Confidence']
        .map(label => h('th', {}, label)))), body))));

  const seen = new Set();
  const matches = event => Object.entries(filter).every(([name, value]) => String(event[name]) === value);
  const add = (event, atTop) => {
    if (seen.has(event.event_id) || !matches(event)) return;
    seen.add(event.event_id);
    body.querySelector('.empty-row')?.remove();
    const rows = eventRow(event);
    if (atTop) {
      rows[0].classList.add('fresh');
      body.prepend(...rows);
    } else {
      body.append(...rows);
    }
    while (body.children.length > SHOWN * 2) body.lastElementChild.remove();
    counter.textContent = `${Math.min(seen.size, SHOWN)} shown.`;
  };

  // Follow first, then read what is already there: an event committed in between arrives by one way
  // or the other, and is shown once.
  let connected;
  const ready = new Promise(resolve => { connected = resolve; });
  const stop = followEvents(event => add(event, true), state => {
    status.textContent = state === 'live' ? 'live' : 'reconnecting…';
    status.className = `badge ${state === 'live' ? 'good' : 'warn'}`;
    connected();
  });
  await Promise.race([ready, new Promise(resolve => setTimeout(resolve, 3_000))]);
  const conditions = Object.fromEntries(Object.entries(filter).map(([name, value]) => [name, `eq.${value}`]));
  const latest = await rest('events', {...conditions, order: 'global_position.desc', limit: SHOWN});
  latest.forEach(event => add(event, false));
  if (!latest.length && !seen.size) body.append(h('tr', {class: 'empty-row'}, h('td', {colspan: 7, class: 'muted'}, 'No events match yet.')));
  return stop;
}
