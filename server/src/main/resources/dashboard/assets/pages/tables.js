// A browser over every table the user may read, through /rest/v1 (so through the same row-level
// security as every request): choose a table, filter by columns, sort, and page through it.
import {card, errorBox, fmt, h} from '../lib/dom.js';
import {get, restPage} from '../lib/api.js';

const OPERATORS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'like', 'ilike', 'is', 'in'];
const PAGE_SIZES = [25, 50, 100];

let known = null;

// The schema lists the tables this user may read (the server leaves out the others). Asked once per user.
async function catalog(userId) {
  if (known?.userId !== userId) {
    known = {userId, answer: (async () => {
      const schemas = (await get('/rest/v1/')).components?.schemas ?? {};
      return {schemas, tables: Object.keys(schemas).sort()};
    })().catch(e => {
      known = null;
      throw e;
    })};
  }
  return known.answer;
}

export async function render(root, {args: [name], params, user}) {
  const {schemas, tables} = await catalog(user.id);
  const picker = h('nav', {class: 'table-list', id: 'table-list'}, tables.map(t =>
    h('a', {href: `#/tables/${encodeURIComponent(t)}`, class: t === name ? 'active' : ''}, t)));
  root.append(h('h1', {}, 'Tables'), h('div', {class: 'browser'}, card(null, picker),
    name ? await browse(name, tables.includes(name) ? schemas[name] : null, params) : card(null, h('p', {class: 'muted'},
      'Choose a table. You see the rows your role may read — the same as any request with your token.'))));
}

async function browse(table, definition, params) {
  if (!definition) return errorBox(new Error(`There is no table ${table} you may read.`));
  const columns = Object.keys(definition.properties ?? {});
  const size = PAGE_SIZES.includes(Number(params.get('size'))) ? Number(params.get('size')) : PAGE_SIZES[0];
  const page = Math.max(0, Number(params.get('page')) || 0);
  const order = params.get('order') ?? '';
  const filters = params.getAll('f').map(f => f.split(':')).filter(parts => parts.length >= 3)
    .map(([column, op, ...value]) => ({column, op, value: value.join(':')}));

  // PostgREST's form: column=op.value, a column filtered twice repeats the parameter.
  const query = {order: order || undefined};
  for (const f of filters) query[f.column] = [...(query[f.column] ?? []), `${f.op}.${f.value}`];
  let result;
  try {
    result = await restPage(table, query, page * size, size);
  } catch (e) {
    return card(table, filterForm(table, columns, filters, order, size), errorBox(e));
  }
  const {rows, total} = result;
  const pages = total === null ? null : Math.max(1, Math.ceil(total / size));
  const go = p => `#/tables/${encodeURIComponent(table)}?${state({page: p, size, order, filters})}`;
  return card(table,
    filterForm(table, columns, filters, order, size),
    h('p', {class: 'muted small', id: 'table-count'},
      total === null ? `${rows.length} rows` : `${fmt.num(total)} rows · page ${page + 1} of ${pages}`),
    rows.length ? h('div', {class: 'table-wrap'}, h('table', {class: 'rows', id: 'table-rows'},
      h('thead', {}, h('tr', {}, columns.map(c => h('th', {},
        h('a', {href: `#/tables/${encodeURIComponent(table)}?${state({page: 0, size, order: order === `${c}.asc` ? `${c}.desc` : `${c}.asc`, filters})}`},
          c, order.startsWith(`${c}.`) ? (order.endsWith('desc') ? ' ↓' : ' ↑') : ''))))),
      h('tbody', {}, rows.map(row => h('tr', {}, columns.map(c => h('td', {title: typeof row[c] === 'object' ? JSON.stringify(row[c]) : row[c]},
        fmt.cell(row[c])))))))) : h('p', {class: 'muted empty'}, 'No rows you may read match.'),
    h('div', {class: 'pager'},
      page > 0 ? h('a', {class: 'button', href: go(page - 1), id: 'page-previous'}, '← Previous') : null,
      pages === null || page + 1 < pages ? h('a', {class: 'button', href: go(page + 1), id: 'page-next'}, 'Next →') : null));
}

function filterForm(table, columns, filters, order, size) {
  const rows = h('div', {class: 'filter-rows'});
  const addRow = (f = {column: columns[0], op: 'eq', value: ''}) => rows.append(h('div', {class: 'filter-row'},
    h('select', {name: 'column'}, columns.map(c => h('option', {value: c, selected: c === f.column}, c))),
    h('select', {name: 'op'}, OPERATORS.map(o => h('option', {value: o, selected: o === f.op}, o))),
    h('input', {name: 'value', value: f.value, placeholder: 'value (is: null, true; in: (a,b))'}),
    h('button', {type: 'button', class: 'link', onclick: e => e.target.parentElement.remove()}, 'remove')));
  filters.forEach(addRow);
  const form = h('form', {class: 'filters', id: 'table-filters'}, rows,
    h('button', {type: 'button', onclick: () => addRow()}, '+ Filter'),
    h('label', {}, 'Rows per page', h('select', {name: 'size'}, PAGE_SIZES.map(s => h('option', {value: s, selected: s === size}, s)))),
    h('button', {type: 'submit', class: 'primary'}, 'Apply'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const chosen = [...rows.children].map(row => ({column: row.querySelector('[name=column]').value,
      op: row.querySelector('[name=op]').value, value: row.querySelector('[name=value]').value}))
      .filter(f => f.value.trim() !== '');
    location.hash = `#/tables/${encodeURIComponent(table)}?${state({page: 0, size: Number(form.elements.size.value), order, filters: chosen})}`;
  });
  return form;
}

function state({page, size, order, filters}) {
  const search = new URLSearchParams({page, size});
  if (order) search.set('order', order);
  filters.forEach(f => search.append('f', `${f.column}:${f.op}:${f.value}`));
  return search.toString();
}
