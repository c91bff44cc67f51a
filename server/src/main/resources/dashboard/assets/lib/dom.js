// Small helpers to build the page: elements, tables, cards, figures and formats.

/** h('div', {class: 'x', onclick: fn}, child, 'text', [more]) — children may be nodes, text, arrays or null. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends children as h() takes them (null and false are left out, arrays are flattened). */
export function add(el, ...children) {
  append(el, children);
  return el;
}

/** Replaces an element's children, as add() takes them. */
export function put(el, ...children) {
  el.replaceChildren();
  return add(el, ...children);
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function card(title, ...children) {
  return h('section', {class: 'card'}, title ? h('h2', {}, title) : null, ...children);
}

export function kpi(label, value, {tone, hint} = {}) {
  return h('div', {class: `kpi ${tone ?? ''}`, title: hint},
    h('div', {class: 'kpi-value'}, value ?? '—'), h('div', {class: 'kpi-label'}, label));
}

export function badge(text, tone = '') {
  return h('span', {class: `badge ${tone}`}, text);
}

export function notice(text, tone = 'info') {
  return h('p', {class: `notice ${tone}`}, text);
}

export function errorBox(error) {
  return h('p', {class: 'notice error', role: 'alert'}, error?.message ?? String(error));
}

/**
 * A table. columns: [{label, value: row => text|node, class}]; rows: objects.
 * options.onRowClick(row) makes rows clickable; options.empty is shown when there are none.
 */
export function table(columns, rows, {onRowClick, empty = 'Nothing here yet.', rowAttrs} = {}) {
  if (!rows.length) return h('p', {class: 'muted empty'}, empty);
  return h('div', {class: 'table-wrap'}, h('table', {class: onRowClick ? 'clickable' : ''},
    h('thead', {}, h('tr', {}, columns.map(c => h('th', {class: c.class}, c.label)))),
    h('tbody', {}, rows.map(row => h('tr', {...(rowAttrs?.(row) ?? {}), onclick: onRowClick && (() => onRowClick(row))},
      columns.map(c => h('td', {class: c.class}, c.value(row))))))));
}

export function link(href, text) {
  return h('a', {href}, text);
}

export function json(value) {
  return h('pre', {class: 'json'}, JSON.stringify(value, null, 2));
}

export const fmt = {
  time(value) {
    return value ? new Date(value).toLocaleString(undefined, {dateStyle: 'medium', timeStyle: 'medium'}) : '—';
  },
  /** "in 3 h 4 min" / "12 min ago" */
  relative(value, now = Date.now()) {
    if (!value) return '—';
    const ms = new Date(value).getTime() - now;
    const text = fmt.duration(Math.abs(ms));
    return ms >= 0 ? `in ${text}` : `${text} ago`;
  },
  duration(ms) {
    const s = Math.floor(ms / 1000);
    if (s < 60) return `${s} s`;
    const m = Math.floor(s / 60);
    if (m < 60) return `${m} min ${s % 60} s`;
    const hrs = Math.floor(m / 60);
    if (hrs < 48) return `${hrs} h ${m % 60} min`;
    return `${Math.floor(hrs / 24)} d ${hrs % 24} h`;
  },
  num(value, digits = 0) {
    if (value === null || value === undefined || value === '') return '—';
    return Number(value).toLocaleString(undefined, {minimumFractionDigits: digits, maximumFractionDigits: digits});
  },
  money(value) {
    return value === null || value === undefined ? '—'
      : Number(value).toLocaleString(undefined, {style: 'currency', currency: 'USD', maximumFractionDigits: 0});
  },
  pct(value) {
    return value === null || value === undefined ? '—' : `${Math.round(Number(value) * 100)}%`;
  },
  short(value, length = 8) {
    return value ? String(value).slice(0, length) : '—';
  },
  /** A JSON value as one line, cut to a readable length. */
  cell(value, length = 80) {
    if (value === null || value === undefined) return '∅';
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    return text.length > length ? text.slice(0, length - 1) + '…' : text;
  },
};

export const HEALTH_TONES = {healthy: 'good', attention_needed: 'warn', at_risk: 'bad', critical: 'critical'};
