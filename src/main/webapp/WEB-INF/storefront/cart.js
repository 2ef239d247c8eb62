// The shopper's cart: a guest cart opened by its Cart-Token, or the signed-in customer's own cart.
// Every write sends If-Match with the last ETag; a 412 (someone else changed it, e.g. another tab)
// reloads the cart and tries once more.
import { api, ApiProblem, signedIn } from './api.js';

/** @typedef {import('./api.js').Schemas} Schemas */
/** @template T @typedef {import('./api.js').Answer<T>} Answer */

const STORE = 'emporium.cart'; // { id, token } (token only for guest carts)
let etag = null;
/** @type {Schemas['CartView'] | null} */
let current = null;
const listeners = new Set();

export function onCartChange(listener) {
  listeners.add(listener);
}

function stored() {
  try {
    return JSON.parse(localStorage.getItem(STORE));
  } catch (e) {
    return null;
  }
}

function headers(ref) {
  return ref && ref.token ? { 'Cart-Token': ref.token } : {};
}

/** @param {{ token?: string | null }} ref @param {Answer<Schemas['CartView']>} answer */
function keep(ref, answer) {
  current = answer.body;
  etag = answer.etag;
  localStorage.setItem(STORE, JSON.stringify({ id: current.id, token: ref.token || null }));
  for (const listener of listeners) listener(current);
  return current;
}

export function forgetCart() {
  localStorage.removeItem(STORE);
  current = null;
  etag = null;
  for (const listener of listeners) listener(null);
}

/** The cart as it is now, or null when there is none. */
export async function loadCart() {
  const ref = stored();
  if (!ref) return null;
  if (!ref.token && !signedIn()) return null; // a customer's cart, but nobody is signed in
  try {
    return keep(ref, await api('/carts/' + encodeURIComponent(ref.id), { headers: headers(ref), cache: 'no-store' }));
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 404) {
      forgetCart();
      return null;
    }
    throw e;
  }
}

async function ensureCart() {
  const existing = await loadCart();
  if (existing && existing.status === 'OPEN') return existing;
  const created = await api('/carts', { method: 'POST' });
  return keep({ token: created.body.token }, created);
}

async function write(method, path, body) {
  await ensureCart();
  const ref = stored();
  const attempt = () =>
    api('/carts/' + encodeURIComponent(ref.id) + path, {
      method,
      body,
      headers: { ...headers(ref), 'If-Match': etag },
    });
  try {
    return keep(ref, await attempt());
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 412) {
      await loadCart();
      return keep(ref, await attempt());
    }
    throw e;
  }
}

export const addLine = (sku, quantity) => write('POST', '/lines', { sku, quantity });
export const changeLine = (sku, quantity) => write('PATCH', '/lines/' + encodeURIComponent(sku), { quantity });
export const removeLine = (sku) => write('DELETE', '/lines/' + encodeURIComponent(sku));
export const setDestination = (country) => write('PATCH', '', { country });

/** On sign-in: the guest cart becomes (or joins) the customer's cart. */
export async function claimGuestCart() {
  const ref = stored();
  if (!ref || !ref.token) return;
  try {
    const claimed = await api('/carts/' + encodeURIComponent(ref.id) + '/claim', {
      method: 'POST',
      headers: headers(ref),
    });
    keep({ token: null }, claimed);
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 404) forgetCart();
    else throw e;
  }
}

/** The checkout headers for the current cart (guests prove the cart with its token). */
export function cartReference() {
  const ref = stored();
  return ref ? { id: ref.id, headers: headers(ref) } : null;
}

/** @param {Schemas['CartView'] | null} cart */
export function itemCount(cart) {
  return cart ? cart.lines.reduce((n, line) => n + line.quantity, 0) : 0;
}
