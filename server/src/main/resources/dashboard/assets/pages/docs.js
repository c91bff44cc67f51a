// The API documentation, rendered by Swagger UI from the engine's own OpenAPI documents: the
// PostgREST-compatible /rest/v1/ and the engine API's /api/v1/openapi.json. "Try it out" sends the
// signed-in user's token.
import {h} from '../lib/dom.js';
import {get} from '../lib/api.js';
import {apiKey, token} from '../lib/session.js';
import {script, stylesheet, SWAGGER_UI_CSS, SWAGGER_UI_JS} from '../lib/vendor.js';

const DOCUMENTS = {rest: ['Tables and functions (/rest/v1)', '/rest/v1/'], engine: ['Engine API (/api/v1)', '/api/v1/openapi.json']};

export async function render(root, {args: [which = 'rest']}) {
  const chosen = DOCUMENTS[which] ? which : 'rest';
  const host = h('div', {id: 'swagger', class: 'swagger'});
  root.append(h('div', {class: 'page-head'}, h('h1', {}, 'API documentation'),
    h('nav', {class: 'tabs'}, Object.entries(DOCUMENTS).map(([key, [title]]) =>
      h('a', {href: `#/docs/${key}`, class: key === chosen ? 'active' : ''}, title)))), host);
  stylesheet(SWAGGER_UI_CSS);
  const [spec] = await Promise.all([get(DOCUMENTS[chosen][1]), script(SWAGGER_UI_JS)]);
  window.SwaggerUIBundle({
    spec,
    domNode: host,
    deepLinking: false,
    requestInterceptor: request => {
      request.headers.apikey = apiKey();
      request.headers.Authorization = `Bearer ${token()}`;
      return request;
    },
  });
}
