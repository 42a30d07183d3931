// DOM helpers. Every text goes in through textContent or attributes, never parsed as HTML, so nothing a
// user typed (a caption, a handle, an error detail) can become markup or script.

export const $ = (id) => document.getElementById(id);

/**
 * Creates an element: h('a', {href: '#/', class: 'x', onclick: fn}, 'text', child, ...).
 * Attributes with a null, undefined or false value are left out; true gives an empty attribute.
 */
export function h(tag, attributes = {}, ...children) {
  const element = tag.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'value' && 'value' in element && !tag.startsWith('svg:')) {
      element.value = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else {
      element.append(child instanceof Node ? child : String(child));
    }
  }
}

/** An SVG element: svg('rect', {x: 1, ...}). */
export const svg = (tag, attributes, ...children) => h(`svg:${tag}`, attributes, ...children);

// ---- messages ------------------------------------------------------------------------------------

/** Shows a problem (RFC 9457 title, detail and field errors) in the alert region, in words. */
export function showProblem(error, form) {
  const notice = $('notice');
  notice.classList.remove('info');
  $('notice-title').textContent = error?.title ?? 'Something went wrong';
  $('notice-detail').textContent = error?.detail ?? String(error?.message ?? '');
  $('notice-errors').replaceChildren(...(error?.errors ?? []).map((fieldError) =>
    h('li', {}, fieldError.field ? `${fieldError.field}: ${fieldError.message}` : fieldError.message)));
  if (form) {
    for (const fieldError of error?.errors ?? []) {
      const input = form.elements.namedItem(fieldError.field);
      if (input instanceof Element) {
        input.setAttribute('aria-invalid', 'true');
      }
    }
  }
  notice.hidden = false;
  notice.scrollIntoView({ block: 'nearest' });
}

export function showInfo(title, detail = '') {
  const notice = $('notice');
  notice.classList.add('info');
  $('notice-title').textContent = title;
  $('notice-detail').textContent = detail;
  $('notice-errors').replaceChildren();
  notice.hidden = false;
}

export function clearNotice(form) {
  $('notice').hidden = true;
  form?.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
}

/** Runs an action for a form or button: disables the control meanwhile and shows any problem. */
export async function run(control, action, form) {
  clearNotice(form);
  if (control) {
    control.disabled = true;
  }
  form?.setAttribute('aria-busy', 'true');
  try {
    return await action();
  } catch (error) {
    showProblem(error, form);
    return undefined;
  } finally {
    if (control) {
      control.disabled = false;
    }
    form?.removeAttribute('aria-busy');
  }
}

// ---- formatting ----------------------------------------------------------------------------------

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "3 minutes ago", "yesterday", or a date for anything older than a week. */
export function ago(iso) {
  const seconds = (new Date(iso).getTime() - Date.now()) / 1000;
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return relative.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86400) return relative.format(Math.round(seconds / 86400), 'day');
  return new Date(iso).toLocaleDateString('en', { year: 'numeric', month: 'short', day: 'numeric' });
}

export const dateTime = (iso) => (iso ? new Date(iso).toLocaleString('en', {
  year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
}) : '—');

export const count = (n) => new Intl.NumberFormat('en').format(n ?? 0);

export const money = (cents) => new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' })
  .format((cents ?? 0) / 100);

/** A caption as text nodes with #hashtags and @handles turned into links (no markup parsing). */
export function richText(text) {
  const parts = [];
  const pattern = /(^|[^\p{L}\p{N}_])([#@])([\p{L}\p{N}_.]{1,100})/gu;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index + match[1].length;
    parts.push(text.slice(last, start));
    const word = match[3].replace(/\.+$/, '');
    const href = match[2] === '#' ? `#/search?q=${encodeURIComponent(`#${word}`)}` : `#/u/${encodeURIComponent(word)}`;
    parts.push(h('a', { href }, match[2] + word));
    last = start + 1 + word.length;
  }
  parts.push(text.slice(last));
  return parts;
}

/** A letter avatar (no profile pictures yet). */
export const avatar = (name, size = '') =>
  h('span', { class: `avatar ${size}`.trim(), 'aria-hidden': 'true' }, (name || '?').charAt(0).toUpperCase());

/** A random UUID; crypto.randomUUID only exists in secure contexts, so fall back to random bytes. */
export function uuid() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Calls load() whenever the sentinel comes near the viewport, until it returns false. */
export function infiniteScroll(sentinel, load) {
  let busy = false;
  let done = false;
  const observer = new IntersectionObserver(async (entries) => {
    if (busy || done || !entries.some((entry) => entry.isIntersecting)) {
      return;
    }
    busy = true;
    try {
      done = !(await load());
    } catch (error) {
      showProblem(error);
      done = true;
    } finally {
      busy = false;
    }
    if (done) {
      observer.disconnect();
    } else {
      // still in view (a short page): observe again so the next page loads too
      observer.unobserve(sentinel);
      observer.observe(sentinel);
    }
  }, { rootMargin: '600px 0px' });
  observer.observe(sentinel);
  return () => observer.disconnect();
}
