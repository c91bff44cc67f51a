// The dashboard's shell: loads the public settings, signs the user in, shows the pages their role may
// use, and renders the page named in the URL's hash (#/events, #/approvals, ...).
import {disposeAll} from './lib/charts.js';
import {errorBox, h} from './lib/dom.js';
import * as session from './lib/session.js';
import * as signin from './pages/signin.js';
import * as overview from './pages/overview.js';
import * as work from './pages/work.js';
import * as mirror from './pages/mirror.js';
import * as events from './pages/events.js';
import * as aggregate from './pages/aggregate.js';
import * as correlation from './pages/correlation.js';
import * as approvals from './pages/approvals.js';
import * as sops from './pages/sops.js';
import * as agents from './pages/agents.js';
import * as clients from './pages/clients.js';
import * as chaos from './pages/chaos.js';
import * as notifications from './pages/notifications.js';
import * as system from './pages/system.js';
import * as tables from './pages/tables.js';
import * as docs from './pages/docs.js';
import * as sql from './pages/sql.js';

const STAFF = ['ceo', 'employee'];
const EVERYONE = ['ceo', 'employee', 'client'];

// name: [page, title in the menu (null: not in the menu), roles that may open it]
const PAGES = {
  overview: [overview, 'Overview', ['ceo']],
  work: [work, 'My work', ['employee']],
  mirror: [mirror, 'My account', ['client']],
  events: [events, 'Events', EVERYONE],
  aggregate: [aggregate, null, EVERYONE],
  correlation: [correlation, null, EVERYONE],
  approvals: [approvals, 'Approvals', STAFF],
  sops: [sops, 'SOPs', STAFF],
  agents: [agents, 'Agents', STAFF],
  clients: [clients, 'Clients', STAFF],
  chaos: [chaos, 'Chaos', STAFF],
  notifications: [notifications, 'Notifications', STAFF],
  system: [system, 'System', STAFF],
  tables: [tables, 'Tables', EVERYONE],
  docs: [docs, 'API', EVERYONE],
  sql: [sql, 'SQL', ['ceo']],
};
const HOME = {ceo: 'overview', employee: 'work', client: 'mirror'};

const main = document.getElementById('page');
let leave = null;

async function boot() {
  const response = await fetch('/dashboard/config');
  const config = await response.json();
  await session.configure(config.anon_key);
  session.onChange(() => render());
  window.addEventListener('hashchange', render);
  await render();
}

/** '#/tables/events?limit=5' -> {name: 'tables', args: ['events'], params: URLSearchParams} */
function route() {
  const [path, search] = location.hash.replace(/^#\/?/, '').split('?');
  const [name, ...args] = path.split('/').filter(Boolean).map(decodeURIComponent);
  return {name, args, params: new URLSearchParams(search ?? '')};
}

async function render() {
  leave?.();
  leave = null;
  disposeAll();
  const user = session.user();
  renderChrome(user);
  main.replaceChildren();
  delete main.dataset.ready;
  if (!user) {
    document.title = 'Sign in · Big Box';
    main.dataset.page = 'signin';
    leave = await signin.render(main);
    main.dataset.ready = 'signin';
    return;
  }
  let {name, args, params} = route();
  if (!name || !PAGES[name]) name = HOME[user.role];
  const [page, title, roles] = PAGES[name];
  if (!roles.includes(user.role)) {
    main.append(errorBox(new Error(`This page is not available to the ${user.role} role.`)));
    return;
  }
  document.title = `${title ?? name} · Big Box`;
  main.dataset.page = name;
  highlight(name);
  const loading = h('p', {class: 'muted'}, 'Loading…');
  main.append(loading);
  try {
    leave = await page.render(main, {args, params, user}) ?? null;
  } catch (e) {
    console.error(e);
    main.append(errorBox(e));
  }
  loading.remove();
  // Says the page has its data (the browser tests wait for it).
  main.dataset.ready = name;
}

function renderChrome(user) {
  const nav = document.getElementById('nav');
  const who = document.getElementById('who');
  if (!user) {
    nav.replaceChildren();
    who.replaceChildren();
    return;
  }
  nav.replaceChildren(...Object.entries(PAGES)
    .filter(([, [, title, roles]]) => title && roles.includes(user.role))
    .map(([name, [, title]]) => h('a', {href: `#/${name}`, 'data-nav': name}, title)));
  who.replaceChildren(
    h('span', {class: 'user', id: 'signed-in-as'}, `${user.email} · ${user.role}${user.clientId ? ` · ${user.clientId}` : ''}`),
    h('button', {type: 'button', class: 'link', id: 'sign-out', onclick: () => session.signOut()}, 'Sign out'));
}

function highlight(name) {
  document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('active', a.dataset.nav === name));
}

boot().catch(e => main.replaceChildren(errorBox(e)));
