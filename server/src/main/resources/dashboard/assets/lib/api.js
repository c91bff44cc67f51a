// Every data request of the dashboard: the anon key as apikey and the signed-in user's token as bearer,
// so the engine runs it as that user and row-level security decides what comes back.
import {apiKey, token} from './session.js';

export class ApiError extends Error {
  constructor(status, body) {
    super(messageOf(status, body));
    this.status = status;
    this.body = body;
  }
}

function messageOf(status, body) {
  const text = body?.message ?? body?.msg ?? body?.error_description ?? body?.error;
  return text ? `${text} (HTTP ${status})` : `request failed with HTTP ${status}`;
}

function headers(extra = {}) {
  const all = {apikey: apiKey(), ...extra};
  if (token()) all.Authorization = `Bearer ${token()}`;
  return all;
}

/** Fetches JSON; throws ApiError with the server's message on a refusal. */
export async function api(path, {method = 'GET', body, headers: extra = {}} = {}) {
  const response = await fetch(path, {
    method,
    headers: headers(body === undefined ? extra : {'Content-Type': 'application/json', ...extra}),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = text;
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return {data, response};
}

export async function get(path) {
  return (await api(path)).data;
}

/**
 * A path another part of the engine may not serve yet (a route or a table that arrives with another
 * feature): its data, or null when the engine answers 404.
 */
export async function optional(path) {
  try {
    return await get(path);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/** /rest/v1/<table> with PostgREST query parameters ({column: 'eq.x', order: 'a.desc', limit: 10}). */
export async function rest(table, params = {}) {
  return get(`/rest/v1/${encodeURIComponent(table)}?${query(params)}`);
}

/** /health: this instance's readiness. It answers 503 with the same body when a check fails: a result, not an error. */
export async function health() {
  try {
    return await get('/health');
  } catch (e) {
    if (e instanceof ApiError && e.status === 503) return e.body;
    throw e;
  }
}

/** One page of a table and how many rows match in all: {rows, total}. */
export async function restPage(table, params, offset, limit) {
  const {data, response} = await api(`/rest/v1/${encodeURIComponent(table)}?${query(params)}`, {
    headers: {Prefer: 'count=exact', Range: `${offset}-${offset + limit - 1}`, 'Range-Unit': 'items'}});
  const range = response.headers.get('Content-Range') ?? '';
  const total = Number(range.split('/')[1]);
  return {rows: data, total: Number.isFinite(total) ? total : null};
}

/** How many rows of a table match, without fetching them. */
export async function restCount(table, params = {}) {
  const response = await fetch(`/rest/v1/${encodeURIComponent(table)}?${query({...params, limit: 1})}`, {
    method: 'HEAD', headers: headers({Prefer: 'count=exact'})});
  if (!response.ok) throw new ApiError(response.status, null);
  return Number((response.headers.get('Content-Range') ?? '/0').split('/')[1]);
}

export async function graphql(queryText, variables = {}) {
  const {data} = await api('/graphql/v1', {method: 'POST', body: {query: queryText, variables}});
  if (data.errors?.length) throw new ApiError(400, {message: data.errors.map(e => e.message).join('; ')});
  return data.data;
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    for (const one of Array.isArray(value) ? value : [value]) search.append(name, one);
  }
  return search.toString();
}
