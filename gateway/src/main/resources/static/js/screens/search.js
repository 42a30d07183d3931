// Search by handle or hashtag. "#beach" lists posts tagged beach; "ada" looks up @ada and also
// lists posts tagged #ada. (The API finds a handle exactly; there is no prefix search yet.)
import * as api from '../api.js';
import { h, avatar, count, infiniteScroll } from '../dom.js';
import { gridItem } from './profile.js';

const HASHTAG = /^[\p{L}\p{N}_]{1,100}$/u;

export async function render(main, { query }) {
  const q = (query.get('q') ?? '').trim();
  const input = h('input', { id: 'search-q', name: 'q', type: 'search', value: q, required: true, autocomplete: 'off',
    placeholder: 'handle or #hashtag', 'aria-describedby': 'search-hint' });
  const form = h('form', { class: 'card', role: 'search', id: 'search-form' },
    h('h1', {}, 'Search'),
    h('label', { for: 'search-q' }, 'Handle or hashtag'),
    h('div', { class: 'row' }, input, h('button', { type: 'submit' }, 'Search')),
    h('small', { id: 'search-hint' }, 'Type a handle (ada) or a hashtag (#sunset).'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/search?q=${encodeURIComponent(input.value.trim())}`;
  });
  main.append(form);
  if (!q) {
    input.focus();
    return undefined;
  }
  const results = h('section', { class: 'results', 'aria-label': 'Results' });
  main.append(results);
  const word = q.replace(/^[#@]/, '');
  if (!q.startsWith('#')) {
    try {
      const person = await api.profile(word);
      results.append(h('a', { class: 'card person-result', href: `#/u/${encodeURIComponent(person.handle)}` },
        avatar(person.displayName || person.handle, 'small'),
        h('span', {}, h('strong', {}, `@${person.handle}`), person.displayName ? ` ${person.displayName}` : ''),
        h('span', { class: 'muted' }, `${count(person.followers)} followers`)));
    } catch (error) {
      if (error?.status !== 404 && error?.status !== 400) {
        throw error;
      }
      results.append(h('p', { class: 'muted' }, `No account @${word}.`));
    }
  }
  if (!HASHTAG.test(word) || q.startsWith('@')) {
    return undefined;
  }
  const grid = h('ul', { class: 'grid', id: 'search-posts', 'aria-label': `Posts tagged #${word}` });
  const empty = h('p', { class: 'muted', hidden: true }, `No posts tagged #${word} yet.`);
  const sentinel = h('div', { class: 'sentinel', 'aria-hidden': 'true' });
  results.append(h('h2', {}, `#${word}`), grid, empty, sentinel);
  let cursor = null;
  return infiniteScroll(sentinel, async () => {
    const page = await api.postsTagged(word, cursor);
    grid.append(...(page?.items ?? []).map(gridItem));
    empty.hidden = grid.children.length > 0;
    cursor = page?.nextCursor ?? null;
    return cursor !== null;
  });
}
