// The signed-in user's session: /auth/v1 tokens kept in this tab's sessionStorage, refreshed a minute
// before they expire. Everything the dashboard shows is fetched with session.token().

const STORAGE_KEY = 'bigbox.session';
const listeners = new Set();
let anonKey = null;
let current = read();
let refreshTimer = null;

/** Starts with the anon key; a session whose access token expired while the tab was away is refreshed first. */
export async function configure(key) {
  anonKey = key;
  if (current && current.expires_at * 1000 <= Date.now() + 5_000) await refresh();
  else schedule();
}

export function apiKey() {
  return anonKey;
}

/** The signed-in user ({email, role, clientId}) or null. */
export function user() {
  if (!current) return null;
  const claims = claimsOf(current.access_token);
  return {email: claims.email, role: claims.app_role, clientId: claims.client_id ?? null, id: claims.sub};
}

export function token() {
  return current?.access_token ?? null;
}

export function onChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function signIn(email, password, totpCode) {
  const body = {email, password};
  if (totpCode) body.totp_code = totpCode;
  store(await tokenGrant('password', body));
}

export async function signOut() {
  const bearer = token();
  store(null);
  if (bearer) {
    await fetch('/auth/v1/logout', {method: 'POST', headers: {apikey: anonKey, Authorization: `Bearer ${bearer}`}}).catch(() => {});
  }
}

async function refresh() {
  try {
    store(await tokenGrant('refresh_token', {refresh_token: current.refresh_token}));
  } catch (e) {
    console.warn('session refresh failed; signing out', e);
    store(null);
  }
}

async function tokenGrant(grant, body) {
  const response = await fetch(`/auth/v1/token?grant_type=${grant}`, {
    method: 'POST', headers: {apikey: anonKey, 'Content-Type': 'application/json'}, body: JSON.stringify(body)});
  const reply = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(reply.msg ?? reply.message ?? `sign-in failed (${response.status})`);
  return reply;
}

function store(session) {
  current = session;
  if (session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(STORAGE_KEY);
  schedule();
  listeners.forEach(listener => listener(user()));
}

function read() {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE_KEY));
  } catch {
    return null;
  }
}

function schedule() {
  clearTimeout(refreshTimer);
  if (!current || !anonKey) return;
  const due = current.expires_at * 1000 - Date.now() - 60_000;
  refreshTimer = setTimeout(refresh, Math.max(due, 1_000));
}

// The token's payload, to know the role and client to show; the engine verifies the token, not this.
function claimsOf(jwt) {
  const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(part + '='.repeat((4 - part.length % 4) % 4)), c => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}
