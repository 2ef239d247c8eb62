// The storefront's only way to the server: the public JSON API, in browser mode. The access token lives
// in this module's memory only; the session itself is the HttpOnly refresh cookie the API sets, and
// the CSRF token is echoed on every unsafe request (docs/frontend.md).

/**
 * Types only, which browsers ignore: the API's schemas as generated from its OpenAPI document, and the
 * answer of api(). .ci/api-contract type-checks the storefront against them, so a breaking change to
 * the API fails the build.
 * @typedef {import('emporium-api').components['schemas']} Schemas
 */
/**
 * @template T
 * @typedef {{ status: number, etag: string | null, link: string | null, body: T }} Answer
 */

/** @type {HTMLMetaElement | null} */
const baseMeta = document.querySelector('meta[name="emporium-api-base"]');
export const API_BASE = (baseMeta ? baseMeta.content : '').replace(/\/+$/, '');
const V1 = API_BASE + '/api/v1';

const CSRF_COOKIE = '__Host-emporium-csrf';
// Kept for pages on another origin, which cannot read the API's cookie after a reload. The token alone
// is worthless: it only counts together with the HttpOnly session cookie.
const CSRF_STORE = 'emporium.csrf';

let access = null; // { token, expiresAt }
let refreshing = null;
const listeners = new Set();

/** An RFC 9457 problem answered by the API (or a network failure, status 0). */
export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || 'Request failed (' + status + ')');
    this.status = status;
    this.type = problem.type || 'about:blank';
    this.title = problem.title || '';
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

export function onSessionChange(listener) {
  listeners.add(listener);
}

export function signedIn() {
  return access !== null;
}

function changed() {
  for (const listener of listeners) listener(signedIn());
}

function csrfToken() {
  const fromCookie = document.cookie
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(CSRF_COOKIE + '='));
  if (fromCookie) return fromCookie.substring(CSRF_COOKIE.length + 1);
  return localStorage.getItem(CSRF_STORE);
}

/** @param {Schemas['TokenResponse']} grant */
function keepGrant(grant) {
  access = { token: grant.accessToken, expiresAt: Date.now() + (grant.expiresIn - 15) * 1000 };
  if (grant.csrfToken) localStorage.setItem(CSRF_STORE, grant.csrfToken);
}

function forget() {
  access = null;
  localStorage.removeItem(CSRF_STORE);
}

/**
 * @typedef {{ method?: string, body?: unknown, headers?: Record<string, string>, cache?: RequestCache }} CallOptions
 */

/** @param {string} path @param {CallOptions} [options] */
async function send(path, { method = 'GET', body, headers = {}, cache } = {}) {
  /** @type {Record<string, string>} */
  const all = { Accept: 'application/json, application/problem+json', ...headers };
  if (body !== undefined) all['Content-Type'] = 'application/json';
  if (access) all.Authorization = 'Bearer ' + access.token;
  const csrf = csrfToken();
  if (method !== 'GET' && csrf) all['X-CSRF-Token'] = csrf;
  try {
    return await fetch(V1 + path, {
      method,
      headers: all,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'include',
      cache,
    });
  } catch (e) {
    throw new ApiProblem(0, { title: 'Network error', detail: 'The shop cannot be reached. Check your connection and try again.' });
  }
}

async function problemOf(response) {
  let problem = {};
  try {
    problem = await response.json();
  } catch (e) {
    problem = { title: response.statusText };
  }
  return new ApiProblem(response.status, problem);
}

/**
 * Calls the API and answers { body, etag, status }; throws ApiProblem for any error answer. An expired
 * access token is renewed once through the refresh cookie and the call repeated. The body is typed by
 * the caller, from Schemas.
 * @param {string} path
 * @param {CallOptions} [options]
 * @returns {Promise<Answer<any>>}
 */
export async function api(path, options = {}) {
  if (access && Date.now() > access.expiresAt) await refresh();
  let response = await send(path, options);
  if (response.status === 401 && access) {
    if (await refresh()) response = await send(path, options);
  }
  if (!response.ok) throw await problemOf(response);
  const text = response.status === 204 ? '' : await response.text();
  return {
    status: response.status,
    etag: response.headers.get('ETag'),
    link: response.headers.get('Link'),
    body: text ? JSON.parse(text) : null,
  };
}

/** Exchanges the refresh cookie for a new access token; one exchange at a time (each spends the token). */
export function refresh() {
  if (!refreshing) {
    refreshing = (async () => {
      const csrf = csrfToken();
      if (!csrf) {
        forget();
        return false;
      }
      const response = await fetch(V1 + '/auth/refresh', {
        method: 'POST',
        headers: { Accept: 'application/json', 'X-CSRF-Token': csrf },
        credentials: 'include',
      }).catch(() => null);
      if (response && response.ok) {
        keepGrant(await response.json());
        return true;
      }
      forget();
      return false;
    })().finally(() => {
      refreshing = null;
    });
  }
  return refreshing.then((ok) => {
    changed();
    return ok;
  });
}

/** After a page load: the session survives in the cookie, the access token has to be fetched again. */
export async function restoreSession() {
  if (!csrfToken()) return false;
  return refresh();
}

export async function signIn(email, password) {
  const { body } = /** @type {Answer<Schemas['TokenResponse']>} */ (
    await api('/auth/login?mode=cookie', { method: 'POST', body: { email, password } }));
  keepGrant(body);
  changed();
}

export async function register(email, password) {
  await api('/auth/register', { method: 'POST', body: { email, password } });
}

export async function signOut() {
  try {
    await api('/auth/logout', { method: 'POST' });
  } finally {
    forget();
    changed();
  }
}

/** Opens the live stock stream for some products; the caller closes it. */
export function stockStream(productIds) {
  const query = productIds.map((id) => 'product=' + encodeURIComponent(id)).join('&');
  return new EventSource(V1 + '/inventory/stream' + (query ? '?' + query : ''));
}

/** Formats minor units exactly: the amount goes to Intl as a decimal string, never through a float. */
export function money(amount, currency) {
  const format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits;
  const negative = amount < 0;
  const text = String(Math.abs(amount)).padStart(digits + 1, '0');
  const whole = digits ? text.slice(0, -digits) : text;
  const fraction = digits ? '.' + text.slice(-digits) : '';
  // A decimal string keeps every digit (Intl reads it exactly); its type says so to the type-checker.
  return format.format(/** @type {Intl.StringNumericLiteral} */ ((negative ? '-' : '') + whole + fraction));
}

/** "12.5" or "12,50" in major units to minor units, by text; null when it is not a plain amount. */
export function minorUnits(text, digits = 2) {
  const match = /^\s*(\d{1,13})(?:[.,](\d+))?\s*$/.exec(text);
  if (!match || (match[2] && match[2].length > digits)) return null;
  return match[1] + (match[2] || '').padEnd(digits, '0');
}
