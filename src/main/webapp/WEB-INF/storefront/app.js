// The storefront's pages, one function each, routed by the URL fragment (#/c/apparel, #/p/ocean-hoodie)
// so the server only ever serves one page. Everything is built with DOM calls, never innerHTML: API
// text is data, not markup.
import {
  api, ApiProblem, money, minorUnits, onSessionChange, register, restoreSession, signIn, signOut, signedIn,
  stockStream,
} from './api.js';
import {
  addLine, cartReference, changeLine, claimGuestCart, forgetCart, itemCount, loadCart, onCartChange, removeLine,
  setDestination,
} from './cart.js';

/** @typedef {import('./api.js').Schemas} Schemas */
/** @template T @typedef {import('./api.js').Answer<T>} Answer */

const main = document.getElementById('main');
const status = document.getElementById('status');
let leavePage = () => {};

/** h('a', {href: '#/'}, 'text', child...): an element with attributes (on* become listeners) and children. */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.substring(2), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

function say(message) {
  status.textContent = message;
}

function show(title, ...content) {
  document.title = title + ' · Emporium';
  main.replaceChildren(h('h1', {}, title), ...content.filter((part) => part !== null && part !== undefined && part !== false));
  window.scrollTo(0, 0);
  main.focus({ preventScroll: true });
}

function problemBox(error) {
  const box = h('div', { class: 'problem', role: 'alert' }, h('p', {}, error.message));
  if (error instanceof ApiProblem && error.errors.length) {
    box.append(h('ul', {}, error.errors.map((e) => h('li', {}, (e.field ? e.field + ': ' : '') + (e.message || e.detail || '')))));
  }
  return box;
}

const LEVELS = { IN_STOCK: 'In stock', LOW: 'Only a few left', OUT: 'Out of stock' };

function badge(availability) {
  const level = availability ? availability.level : 'OUT';
  return h('span', { class: 'badge badge-' + level.toLowerCase().replace('_', '-'), 'data-level': level }, LEVELS[level] || level);
}

function productImage(image, name) {
  const placeholder = () => h('div', { class: 'placeholder', 'aria-hidden': 'true' }, name.substring(0, 1));
  if (!image) return placeholder();
  const img = h('img', { src: image.url || image, alt: image.alt || '', loading: 'lazy', width: 320, height: 240 });
  img.addEventListener('error', () => img.replaceWith(placeholder()));
  return img;
}

// ---- catalog ----------------------------------------------------------------------------------------

let categoryTree = /** @type {Schemas['CategoryNode'][]} */ ([]);

async function loadCategories() {
  try {
    categoryTree = /** @type {Answer<Schemas['CategoryNode'][]>} */ (await api('/categories')).body;
  } catch (e) {
    categoryTree = [];
  }
  const nav = document.getElementById('categories');
  nav.replaceChildren(h('ul', {}, categoryTree.map((c) => h('li', {}, h('a', { href: '#/c/' + c.slug }, c.name)))));
}

function findCategory(slug, nodes = categoryTree) {
  for (const node of nodes) {
    if (node.slug === slug) return node;
    const below = findCategory(slug, node.children || []);
    if (below) return below;
  }
  return null;
}

/** The list query from the route: only the parameters the API knows, passed on unchanged. */
function listQuery(params, fixed) {
  const query = new URLSearchParams(fixed);
  for (const name of ['q', 'minPrice', 'maxPrice', 'inStock', 'sort', 'cursor']) {
    if (params.get(name)) query.set(name, params.get(name));
  }
  query.set('limit', '12');
  return query;
}

function filterForm(base, params, withSort) {
  const toMajor = (minor) => {
    if (!minor) return '';
    const digits = minor.padStart(3, '0');
    return digits.slice(0, -2) + '.' + digits.slice(-2);
  };
  const error = h('p', { class: 'field-error', id: 'filter-error', role: 'alert' });
  const form = h('form', { class: 'filters', id: 'filters', 'aria-label': 'Filters' },
    h('div', {}, h('label', { for: 'min-price' }, 'Min price (€)'),
      h('input', { id: 'min-price', name: 'minPrice', inputmode: 'decimal', value: toMajor(params.get('minPrice')), size: 6 })),
    h('div', {}, h('label', { for: 'max-price' }, 'Max price (€)'),
      h('input', { id: 'max-price', name: 'maxPrice', inputmode: 'decimal', value: toMajor(params.get('maxPrice')), size: 6 })),
    h('div', { class: 'check' }, h('input', { id: 'in-stock', name: 'inStock', type: 'checkbox', checked: params.get('inStock') === 'true' }),
      h('label', { for: 'in-stock' }, 'In stock only')),
    withSort ? h('div', {}, h('label', { for: 'sort' }, 'Sort by'),
      h('select', { id: 'sort', name: 'sort' },
        [['', 'Newest'], ['price', 'Price: low to high'], ['-price', 'Price: high to low'], ['name', 'Name']].map(([v, t]) =>
          h('option', { value: v, selected: (params.get('sort') || '') === v }, t)))) : null,
    h('button', { type: 'submit' }, 'Apply'),
    error);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (params.get('q')) next.set('q', params.get('q'));
    for (const name of ['minPrice', 'maxPrice']) {
      const text = form.elements[name].value;
      if (!text.trim()) continue;
      const minor = minorUnits(text);
      if (minor === null) {
        error.textContent = 'Enter a price like 12.50.';
        form.elements[name].focus();
        return;
      }
      next.set(name, minor);
    }
    if (form.elements.inStock.checked) next.set('inStock', 'true');
    if (withSort && form.elements.sort.value) next.set('sort', form.elements.sort.value);
    location.hash = base + (next.toString() ? '?' + next : '');
  });
  return form;
}

function productCards(items) {
  if (!items.length) return h('p', { id: 'no-results' }, 'No products match.');
  return h('ul', { class: 'cards', id: 'products' }, items.map((p) =>
    h('li', { class: 'card' },
      productImage(p.image, p.name),
      h('h2', {}, h('a', { href: '#/p/' + p.slug, class: 'product-link' }, p.name)),
      p.priceFrom ? h('p', { class: 'price' }, 'from ', money(p.priceFrom.amount, p.priceFrom.currency)) : null)));
}

function nextLink(base, params, nextCursor) {
  if (!nextCursor) return null;
  const next = new URLSearchParams(params);
  next.set('cursor', nextCursor);
  return h('nav', { class: 'paging', 'aria-label': 'Pages' },
    params.get('cursor') ? h('a', { href: '#' + base + stripCursor(params) }, 'First page') : null,
    h('a', { href: '#' + base + '?' + next, id: 'next-page', rel: 'next' }, 'Next page'));
}

function stripCursor(params) {
  const copy = new URLSearchParams(params);
  copy.delete('cursor');
  return copy.toString() ? '?' + copy : '';
}

async function browsePage(slug, params) {
  const category = slug ? findCategory(slug) : null;
  const title = slug ? (category ? category.name : slug) : 'New in';
  const base = slug ? '/c/' + slug : '/';
  const { body } = /** @type {Answer<Schemas['ProductPage']>} */ (
    await api('/products?' + listQuery(params, slug ? { category: slug } : {})));
  const sub = category && category.children && category.children.length
    ? h('ul', { class: 'subcategories' }, category.children.map((c) => h('li', {}, h('a', { href: '#/c/' + c.slug }, c.name))))
    : null;
  show(title, sub, filterForm(base, params, true), productCards(body.items), nextLink(base, params, body.nextCursor),
    params.get('cursor') && !body.nextCursor ? h('nav', { class: 'paging' }, h('a', { href: '#' + base + stripCursor(params) }, 'First page')) : null);
}

async function searchPage(params) {
  const q = (params.get('q') || '').trim();
  /** @type {HTMLInputElement} */ (document.getElementById('search-q')).value = q;
  if (!q) {
    show('Search', h('p', {}, 'Type what you are looking for in the search box.'));
    return;
  }
  const { body } = /** @type {Answer<Schemas['ProductPage']>} */ (await api('/products?' + listQuery(params, {})));
  // The API forgives typos only when the exact words find nothing (README); it does not say which
  // of the two answered, so the page says what it searched for and lets the results speak.
  show('Results for “' + q + '”', filterForm('/search', params, false), productCards(body.items),
    nextLink('/search', params, body.nextCursor));
}

async function productPage(slug) {
  // Subscribe first, then read: every change committed after the read arrives on the stream, and each
  // event carries the SKU's new total, so applying them in order after the read ends on the current
  // state. The product's id is only known after the read, so this page listens to all SKUs and keeps
  // its own; a second, filtered stream opened later could miss what happened in between.
  const stream = stockStream([]);
  leavePage = () => stream.close();
  /** @type {Schemas['ProductView'] | null} */
  let view = null;
  /** @type {Schemas['VariantView'] | null} */
  let selected = null;
  const pending = [];
  const apply = (event) => {
    const change = JSON.parse(event.data);
    const variant = view.variants.find((v) => v.sku === change.sku);
    if (!variant) return;
    variant.availability = { level: change.availability, count: change.available };
    if (variant === selected) renderStock();
  };
  const opened = new Promise((resolve) => {
    stream.addEventListener('open', resolve, { once: true });
    stream.addEventListener('error', resolve, { once: true });
    setTimeout(resolve, 2000);
  });
  stream.addEventListener('stock', (event) => (view ? apply(event) : pending.push(event)));
  // History older than the stream keeps: read the product again, then keep listening.
  stream.addEventListener('reset', async () => {
    const fresh = /** @type {Answer<Schemas['ProductView']>} */ (
      await api('/products/' + encodeURIComponent(slug), { cache: 'no-cache' })).body;
    view.variants = fresh.variants;
    selected = view.variants.find((v) => v.sku === selected.sku) || view.variants[0];
    renderStock();
  });
  await opened;
  view = /** @type {Answer<Schemas['ProductView']>} */ (await api('/products/' + encodeURIComponent(slug), { cache: 'no-cache' })).body;
  pending.forEach(apply);

  selected = view.variants.find((v) => v.availability && v.availability.level !== 'OUT') || view.variants[0];
  const stockSlot = h('p', { id: 'stock', class: 'stock', 'aria-live': 'polite' });
  const price = h('p', { class: 'price big', id: 'price' });
  const quantity = h('input', { id: 'quantity', name: 'quantity', type: 'number', min: 1, max: 99, value: 1, inputmode: 'numeric' });
  const add = h('button', { type: 'submit', id: 'add-to-cart' }, 'Add to cart');
  const message = h('p', { class: 'field-error', role: 'alert' });
  function renderStock() {
    if (!selected) return;
    stockSlot.replaceChildren(badge(selected.availability));
    price.textContent = money(selected.price.amount, selected.price.currency);
    add.disabled = !selected.availability || selected.availability.level === 'OUT';
  }
  const variantPicker = view.variants.length > 1
    ? h('div', {}, h('label', { for: 'variant' }, 'Option'),
      h('select', { id: 'variant', onchange: (e) => { selected = view.variants.find((v) => v.sku === e.target.value); renderStock(); } },
        view.variants.map((v) => h('option', { value: v.sku, selected: v === selected }, v.title))))
    : null;
  const form = h('form', { class: 'buy', id: 'buy' }, variantPicker,
    h('div', {}, h('label', { for: 'quantity' }, 'Quantity'), quantity), add, message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const count = Number.parseInt(quantity.value, 10);
    if (!Number.isSafeInteger(count) || count < 1) {
      message.textContent = 'Enter a quantity of at least 1.';
      return;
    }
    add.disabled = true;
    try {
      await addLine(selected.sku, count);
      message.textContent = '';
      say('Added ' + count + ' × ' + view.name + ' to your cart.');
    } catch (e) {
      message.textContent = e.message;
    } finally {
      renderStock();
    }
  });
  renderStock();
  show(view.name,
    h('p', { class: 'crumbs' }, h('a', { href: '#/c/' + view.category.slug }, view.category.name)),
    h('div', { class: 'detail' },
      productImage(view.images[0], view.name),
      h('div', {}, price, stockSlot, h('p', { class: 'description' }, view.description || ''), form)));
}

// ---- account ----------------------------------------------------------------------------------------

function credentialsForm(id, legend, submitText, onSubmit, autocomplete) {
  const error = h('div', { class: 'form-error' });
  const form = h('form', { id, class: 'panel' },
    h('h2', {}, legend),
    h('label', { for: id + '-email' }, 'Email'),
    h('input', { id: id + '-email', name: 'email', type: 'email', required: true, autocomplete: 'email', maxlength: 254 }),
    h('label', { for: id + '-password' }, 'Password'),
    h('input', { id: id + '-password', name: 'password', type: 'password', required: true, minlength: 12, maxlength: 128, autocomplete, 'aria-describedby': id + '-hint' }),
    h('p', { class: 'hint', id: id + '-hint' }, 'At least 12 characters.'),
    h('button', { type: 'submit' }, submitText),
    error);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.replaceChildren();
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      await onSubmit(form.elements.email.value.trim(), form.elements.password.value);
    } catch (e) {
      error.replaceChildren(problemBox(e));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

async function afterSignIn() {
  await claimGuestCart();
  await refreshCartCount();
  location.hash = '/account';
}

function signInPage() {
  if (signedIn()) {
    location.hash = '/account';
    return;
  }
  show('Sign in',
    h('div', { class: 'columns' },
      credentialsForm('signin', 'I have an account', 'Sign in', async (email, password) => {
        await signIn(email, password);
        await afterSignIn();
      }, 'current-password'),
      credentialsForm('register', 'I am new here', 'Create account', async (email, password) => {
        await register(email, password);
        await signIn(email, password);
        await afterSignIn();
      }, 'new-password')));
}

async function accountPage() {
  if (!signedIn()) {
    location.hash = '/signin';
    return;
  }
  const me = /** @type {Answer<Schemas['AccountView']>} */ (await api('/me')).body;
  const orders = /** @type {Answer<Schemas['OrderPage']>} */ (await api('/me/orders?limit=10')).body;
  const signOutButton = h('button', { type: 'button', id: 'sign-out' }, 'Sign out');
  signOutButton.addEventListener('click', async () => {
    signOutButton.disabled = true;
    try {
      await signOut();
    } finally {
      forgetCart();
      location.hash = '/';
    }
  });
  show('Your account',
    h('p', {}, 'Signed in as ', h('strong', { id: 'account-email' }, me.email)),
    signOutButton,
    h('h2', {}, 'Your orders'),
    orders.items.length
      ? h('ul', { class: 'orders' }, orders.items.map((o) => h('li', {}, h('a', { href: '#/orders/' + o.id }, 'Order ' + o.id), ' · ',
        o.state, ' · ', money(o.total, o.currency))))
      : h('p', {}, 'No orders yet.'));
}

// ---- cart and checkout ------------------------------------------------------------------------------

function cartLines(cart, editable) {
  return h('table', { class: 'lines', id: 'cart-lines' },
    h('caption', { class: 'visually-hidden' }, 'Items in your cart'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Item'), h('th', { scope: 'col' }, 'Quantity'), h('th', { scope: 'col' }, 'Amount'))),
    h('tbody', {}, cart.lines.map((line) => {
      const quantity = editable
        ? h('input', { type: 'number', min: 1, max: 99, value: line.quantity, 'aria-label': 'Quantity of ' + line.name,
          onchange: async (e) => update(() => changeLine(line.sku, Number.parseInt(e.target.value, 10))) })
        : line.quantity;
      return h('tr', { 'data-sku': line.sku },
        h('td', {}, line.name, line.available ? null : h('span', { class: 'field-error' }, ' (', line.problem, ')')),
        h('td', {}, quantity, editable ? h('button', { type: 'button', class: 'link', 'aria-label': 'Remove ' + line.name,
          onclick: () => update(() => removeLine(line.sku)) }, 'Remove') : null),
        h('td', { class: 'amount' }, money(line.amount, cart.currency)));
    })));
}

function totals(cart) {
  const rows = [['Subtotal', cart.subtotal]];
  if (cart.discount) rows.push(['Discount', -cart.discount]);
  rows.push([cart.pricesIncludeTax ? 'Included tax' : 'Tax', cart.tax]);
  if (cart.shipping !== undefined) rows.push(['Shipping', cart.shipping]);
  rows.push(['Total', cart.amountDue !== undefined ? cart.amountDue : cart.total]);
  return h('dl', { class: 'totals' }, rows.map(([name, amount]) => [h('dt', {}, name), h('dd', { id: 'total-' + name.toLowerCase().replace(' ', '-') }, money(amount, cart.currency))]));
}

async function update(change) {
  try {
    await change();
    route();
  } catch (e) {
    say(e.message);
  }
}

async function cartPage() {
  const cart = await loadCart();
  if (!cart || !cart.lines.length) {
    show('Your cart', h('p', { id: 'empty-cart' }, 'Your cart is empty.'), h('a', { href: '#/' }, 'Continue shopping'));
    return;
  }
  show('Your cart', cartLines(cart, true), totals(cart),
    h('a', { class: 'button', href: '#/checkout', id: 'to-checkout' }, 'Check out'));
}

const COUNTRIES = [['DE', 'Germany'], ['FR', 'France'], ['NL', 'Netherlands'], ['GB', 'United Kingdom'], ['US', 'United States']];
const CHECKOUT_KEY = 'emporium.checkout';

/** One idempotency key per cart until its order exists, so a retried submit cannot order twice. */
function idempotencyKey(cartId) {
  const kept = JSON.parse(sessionStorage.getItem(CHECKOUT_KEY) || 'null');
  if (kept && kept.cartId === cartId) return kept.key;
  const key = crypto.randomUUID();
  sessionStorage.setItem(CHECKOUT_KEY, JSON.stringify({ cartId, key }));
  return key;
}

async function checkoutPage() {
  let cart = await loadCart();
  if (!cart || !cart.lines.length) {
    location.hash = '/cart';
    return;
  }
  const email = signedIn() ? /** @type {Answer<Schemas['AccountView']>} */ (await api('/me')).body.email : '';
  const field = (name, label, attributes = {}) => h('div', { class: 'field' },
    h('label', { for: 'co-' + name }, label),
    h('input', { id: 'co-' + name, name, required: true, ...attributes }));
  const shipping = h('fieldset', { id: 'shipping-methods' }, h('legend', {}, 'Delivery'));
  const summary = h('div', { id: 'checkout-summary' });
  const country = h('select', { id: 'co-country', name: 'country', required: true },
    h('option', { value: '' }, 'Choose…'), COUNTRIES.map(([code, name]) => h('option', { value: code, selected: cart.country === code }, name)));
  function renderOptions() {
    const options = cart.shippingOptions || [];
    shipping.replaceChildren(h('legend', {}, 'Delivery'),
      ...(options.length ? options.map((o, i) => h('div', { class: 'check' },
        h('input', { type: 'radio', name: 'shippingMethod', id: 'ship-' + o.code, value: o.code, required: true, checked: i === 0 }),
        h('label', { for: 'ship-' + o.code }, o.name + ' · ' + money(o.price, cart.currency))))
        : [h('p', {}, cart.country ? 'We do not deliver there yet.' : 'Choose a country to see delivery options.')]));
    summary.replaceChildren(cartLines(cart, false), totals(cart));
  }
  country.addEventListener('change', async () => {
    if (!country.value) return;
    try {
      cart = await setDestination(country.value);
      renderOptions();
    } catch (e) {
      say(e.message);
    }
  });
  const error = h('div', { class: 'form-error' });
  const pay = h('button', { type: 'submit', id: 'place-order' }, 'Place order and pay');
  const form = h('form', { id: 'checkout', class: 'panel' },
    field('email', 'Email', { type: 'email', autocomplete: 'email', value: email, maxlength: 254 }),
    field('name', 'Full name', { autocomplete: 'name', maxlength: 200 }),
    field('line1', 'Street and number', { autocomplete: 'address-line1', maxlength: 200 }),
    field('city', 'City', { autocomplete: 'address-level2', maxlength: 100 }),
    field('postalCode', 'Postal code', { autocomplete: 'postal-code', maxlength: 20 }),
    h('div', { class: 'field' }, h('label', { for: 'co-country' }, 'Country'), country),
    shipping,
    h('p', { class: 'hint' }, 'Payment: test provider (no money moves).'),
    pay, error);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.replaceChildren();
    pay.disabled = true;
    const ref = cartReference();
    const values = form.elements;
    try {
      const placed = await api('/orders', {
        method: 'POST',
        headers: { ...ref.headers, 'Idempotency-Key': idempotencyKey(ref.id) },
        body: {
          cartId: ref.id,
          email: values.email.value.trim(),
          shippingMethod: values.shippingMethod ? values.shippingMethod.value : '',
          shippingAddress: {
            name: values.name.value.trim(), line1: values.line1.value.trim(), city: values.city.value.trim(),
            postalCode: values.postalCode.value.trim(), country: country.value,
          },
        },
      });
      const order = /** @type {Schemas['OrderView']} */ (placed.body);
      if (order.accessToken) sessionStorage.setItem('emporium.order.' + order.id, order.accessToken);
      sessionStorage.removeItem(CHECKOUT_KEY);
      forgetCart();
      await api('/orders/' + order.id + '/payments', { method: 'POST', headers: orderHeaders(order.id), body: { provider: 'test' } });
      location.hash = '/orders/' + order.id;
    } catch (e) {
      error.replaceChildren(problemBox(e));
      pay.disabled = false;
    }
  });
  renderOptions();
  show('Checkout', h('div', { class: 'columns' }, form, h('section', { 'aria-label': 'Order summary' }, summary)));
}

function orderHeaders(id) {
  const token = sessionStorage.getItem('emporium.order.' + id);
  return token ? { 'Order-Token': token } : {};
}

async function orderPage(id) {
  const order = /** @type {Answer<Schemas['OrderView']>} */ (await api('/orders/' + encodeURIComponent(id), { headers: orderHeaders(id) })).body;
  const paid = order.state === 'PAID';
  show(paid ? 'Thank you for your order' : 'Order ' + order.id,
    h('p', { id: 'order-state', class: paid ? 'ok' : '' }, 'Order ', h('strong', { id: 'order-id' }, String(order.id)), ' is ',
      h('strong', {}, order.state.toLowerCase()), '.'),
    h('p', {}, 'A confirmation goes to ', order.email, '.'),
    cartLines({ ...order, lines: order.lines.map((l) => ({ ...l, amount: l.unitPrice * l.quantity, available: true })) }, false),
    totals(order));
}

// ---- routing ----------------------------------------------------------------------------------------

async function refreshCartCount() {
  try {
    const cart = await loadCart();
    document.getElementById('cart-count').textContent = String(itemCount(cart));
  } catch (e) {
    document.getElementById('cart-count').textContent = '0';
  }
}

function sessionLinks(isIn) {
  const link = document.getElementById('account-link');
  link.textContent = isIn ? 'Account' : 'Sign in';
  link.setAttribute('href', isIn ? '#/account' : '#/signin');
}

async function route() {
  leavePage();
  leavePage = () => {};
  say('');
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = hash.split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  try {
    if (parts.length === 0) await browsePage(null, params);
    else if (parts[0] === 'c' && parts[1]) await browsePage(parts[1], params);
    else if (parts[0] === 'search') await searchPage(params);
    else if (parts[0] === 'p' && parts[1]) await productPage(parts[1]);
    else if (parts[0] === 'signin') signInPage();
    else if (parts[0] === 'account') await accountPage();
    else if (parts[0] === 'cart') await cartPage();
    else if (parts[0] === 'checkout') await checkoutPage();
    else if (parts[0] === 'orders' && parts[1]) await orderPage(parts[1]);
    else show('Not found', h('p', {}, 'There is no such page. '), h('a', { href: '#/' }, 'Go to the shop'));
  } catch (e) {
    show(e.status === 404 ? 'Not found' : 'Something went wrong', problemBox(e), h('a', { href: '#/' }, 'Go to the shop'));
  }
}

document.getElementById('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const q = /** @type {HTMLInputElement} */ (document.getElementById('search-q')).value.trim();
  location.hash = '/search?' + new URLSearchParams({ q });
});
onSessionChange(sessionLinks);
onCartChange((cart) => {
  document.getElementById('cart-count').textContent = String(itemCount(cart));
});
window.addEventListener('hashchange', route);

(async () => {
  await restoreSession();
  sessionLinks(signedIn());
  await Promise.all([loadCategories(), refreshCartCount()]);
  await route();
  document.body.dataset.ready = 'true';
})();
