// The Instaclone web client: hash routing over screens in js/screens/, each loaded on first use.
// Plain ES modules, no framework, no build step, no inline script or style (CSP).
import * as api from './api.js';
import * as views from './views.js';
import { $, h, run, clearNotice, showInfo } from './dom.js';

const ROUTES = [
  { name: 'feed', pattern: /^\/(?:feed)?$/, screen: 'feed' },
  { name: 'upload', pattern: /^\/upload$/, screen: 'upload' },
  { name: 'post', pattern: /^\/p\/([^/]+)$/, screen: 'post' },
  { name: 'profile', pattern: /^\/u\/([^/]+)(?:\/(posts|followers|following))?$/, screen: 'profile' },
  { name: 'search', pattern: /^\/search$/, screen: 'search' },
  { name: 'insights', pattern: /^\/insights$/, screen: 'insights' },
  { name: 'integrations', pattern: /^\/integrations(?:\/([^/]+))?$/, screen: 'integrations' },
  { name: 'ads', pattern: /^\/ads(?:\/([^/]+))?$/, screen: 'ads' },
];

let cleanup = null;
let generation = 0;
let started = false;

function parseHash() {
  const hash = location.hash.startsWith('#/') ? location.hash.slice(1) : '/';
  const [path, search = ''] = hash.split('?');
  return { path: decodeURI(path), query: new URLSearchParams(search) };
}

/** Renders the screen for the current hash (the sign-in screen while signed out). */
async function route() {
  const current = ++generation;
  if (typeof cleanup === 'function') {
    cleanup();
  }
  cleanup = null;
  const { path, query } = parseHash();
  let match = null;
  let chosen = ROUTES[0];
  if (api.signedIn()) {
    for (const candidate of ROUTES) {
      match = path.match(candidate.pattern);
      if (match) {
        chosen = candidate;
        break;
      }
    }
  }
  const main = $('content');
  const screen = !api.signedIn() ? 'auth' : match ? chosen.screen : 'not-found';
  markNav(match ? chosen.name : null, path);
  try {
    const module = await import(`./screens/${screen}.js`);
    if (current !== generation) {
      return;
    }
    main.replaceChildren();
    main.setAttribute('aria-busy', 'true');
    cleanup = await module.render(main, { match: match ?? [], query, me: api.account, isCurrent: () => current === generation });
  } catch (error) {
    if (current === generation) {
      main.replaceChildren(h('section', { class: 'card' }, h('h1', {}, error?.title ?? 'Something went wrong'),
        h('p', {}, error?.detail ?? String(error?.message ?? error))));
    }
  } finally {
    main.removeAttribute('aria-busy');
  }
  if (current === generation && started) {
    // move keyboard and screen-reader focus to the new screen's heading
    const heading = main.querySelector('h1');
    const from = document.activeElement;
    if (heading && (!from || from === document.body || from.closest('.topbar'))) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
  }
  started = true;
}

function markNav(name, path) {
  for (const link of $('nav').querySelectorAll('a')) {
    const own = link.id === 'nav-profile' && api.account && path.startsWith(`/u/${api.account.handle}`);
    const active = own || (link.dataset.route === name && link.id !== 'nav-profile');
    if (active) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
}

api.onSessionChange((account) => {
  const wasShown = !$('nav').hidden;
  $('nav').hidden = !account;
  if (account) {
    $('nav-profile').href = `#/u/${encodeURIComponent(account.handle)}`;
    $('nav-profile').textContent = `@${account.handle}`;
  }
  // a token renewal also reports the account: re-render only when signing in or out
  if (wasShown !== Boolean(account)) {
    route();
  }
});

$('sign-out').addEventListener('click', (event) => {
  run(event.currentTarget, async () => {
    await views.flushAll(); // the views seen so far are this person's: send them while the token is valid
    history.replaceState(null, '', '#/');
    await api.signOut(); // re-renders: the sign-in screen
    views.reset();
    showInfo('Signed out', 'See you soon.');
  });
});

$('notice-close').addEventListener('click', () => clearNotice());
$('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  $('content').focus();
});

window.addEventListener('hashchange', () => {
  if (location.hash === '' || location.hash.startsWith('#/')) {
    clearNotice();
    route();
  }
});

// A refresh-token cookie from an earlier visit restores the session without storing any token.
api.refresh().then((restored) => {
  if (!restored) {
    route();
  }
});
