// What the analysts' dashboard (/) and the auditors' view (/audit) share: the key, asked once and
// kept for the tab; the registry's API with that key; and building the DOM from text. A plain ES
// module both pages import (no build step).

/**
 * sessionStorage, not localStorage: the key goes with the tab (closing it forgets the key) and is
 * never left on a shared laptop for the next person who opens the browser. One name for both
 * pages, so that following a link from one page to the other does not ask for the key again.
 */
const KEY_STORAGE = 'uccn.registry.key';

export const $ = (id) => document.getElementById(id);

/** A refusal of the registry: its status and the problem's detail. */
export class Refused extends Error {
  constructor(status, detail, path) {
    super(`${path}: ${status} ${detail}`);
    this.status = status;
    this.detail = detail;
  }
}

/** The registry's API with one key: `get` a JSON answer, `all` the items of every page of a list. */
export function registryClient(key) {
  /** the answer's body, and the instant the server answered (its Date header, to the second) */
  const answer = async (path) => {
    const response = await fetch(path, { headers: { authorization: `Bearer ${key}`, accept: 'application/json' } });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Refused(response.status, problem.detail ?? response.statusText, path);
    }
    const date = response.headers.get('date');
    return { body: await response.json(), answeredAt: date ? new Date(date) : new Date() };
  };
  const get = async (path) => (await answer(path)).body;
  /** every item of a paged list (at most 500 a page), however large the network grows */
  const all = async (path) => {
    const items = [];
    for (let page = 1; ; page += 1) {
      const body = await get(`${path}${path.includes('?') ? '&' : '?'}limit=500&page=${page}`);
      items.push(...body.items);
      if (body.items.length === 0 || items.length >= body.total) return { ...body, items };
    }
  };
  return { get, all, answer };
}

/**
 * The key form both pages show (`#key-form-section` with `#key-form`, `#key-input`,
 * `#key-message`; `#forget-key`, `#load-message`). `open(key)` loads and draws the page and
 * throws what the registry refused; a 401 or a 403 brings the form back with the reason, any other
 * failure is said in `#load-message`. `close()` takes the page's view down when the key goes.
 * `reads` names what the page reads and `roles` the roles that may, for the 403's message.
 */
export function keySession({ open, close, reads, roles, loading }) {
  const ask = (message = '') => {
    sessionStorage.removeItem(KEY_STORAGE);
    close();
    $('forget-key').hidden = true;
    $('key-message').textContent = message;
    $('key-form-section').hidden = false;
    $('key-input').value = '';
    $('key-input').focus();
  };
  const use = async (key) => {
    $('key-form-section').hidden = true;
    $('forget-key').hidden = false;
    $('load-message').textContent = loading;
    try {
      await open(key);
      $('load-message').textContent = '';
    } catch (error) {
      $('load-message').textContent = '';
      if (error instanceof Refused && error.status === 401) {
        ask(`The registry refused this key (401): ${error.detail}. Check it and enter it again.`);
      } else if (error instanceof Refused && error.status === 403) {
        ask(`This key may not read ${reads} (403): ${error.detail}. Use ${roles} key.`);
      } else {
        $('load-message').textContent = `The page could not load ${reads}: ${String(error?.message ?? error)}`;
      }
    }
  };
  $('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const key = $('key-input').value.trim();
    if (!key) return;
    sessionStorage.setItem(KEY_STORAGE, key);
    $('key-message').textContent = '';
    void use(key);
  });
  $('forget-key').addEventListener('click', () => ask('The key is forgotten: this tab no longer holds it.'));
  const stored = sessionStorage.getItem(KEY_STORAGE);
  if (stored) void use(stored);
  else ask();
}

/**
 * An element with text content only, never HTML: names and reasons come from the log.
 * `attributes` are set as attributes (`class`, `href`, `aria-label`, `hidden`…); children are
 * elements or strings (text nodes); null and false children are left out.
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children.filter((c) => c !== null && c !== false && c !== undefined).map((c) => (typeof c === 'string' || typeof c === 'number' ? String(c) : c)));
  return element;
}

/** A table row of cells, each a string (text) or an element; `numeric` names the right-aligned ones. */
export function row(cells, numeric = []) {
  return el('tr', {}, ...cells.map((cell, i) => el('td', numeric.includes(i) ? { class: 'num' } : {}, cell)));
}

/** The auditors' history of a city, from any page: `/audit#city=<cityId>`. */
export const historyHref = (cityId) => `/audit#city=${encodeURIComponent(cityId)}`;

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
export const countryName = (code) => {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
};

/** An instant as an auditor reads it: ISO 8601 in UTC, to the second (`2025-01-15 09:30:00 UTC`). */
export const utc = (instant) => `${new Date(instant).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

/** Today's date in UTC, the registry's calendar (YYYY-MM-DD). */
export const todayUtc = () => new Date().toISOString().slice(0, 10);
