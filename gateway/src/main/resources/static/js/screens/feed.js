// Home: the viewer's feed (own posts and followees'), newest first, loaded page by page as the
// reader scrolls (IntersectionObserver on a sentinel, cursor paging), with sponsored posts from
// ads-service between them. Ads are asked for after a page is on screen, with an 800 ms limit: if
// ads-service is slow or down the feed simply has no ads.
import * as api from '../api.js';
import * as views from '../views.js';
import { h, infiniteScroll } from '../dom.js';
import { postCard, sponsoredCard } from '../post-card.js';

const PAGE = 10;
const POSTS_PER_AD = 5;
const HASHTAG = /^[\p{L}\p{N}_]{1,50}$/u;

export function render(main) {
  const list = h('div', { class: 'feed', role: 'feed', 'aria-label': 'Your feed', id: 'feed' });
  const sentinel = h('div', { class: 'sentinel', 'aria-hidden': 'true' });
  const status = h('p', { class: 'muted center', role: 'status' });
  const refresh = h('button', { type: 'button', class: 'secondary', id: 'feed-refresh' }, 'Refresh');
  main.append(h('div', { class: 'screen-head narrow' }, h('h1', {}, 'Home'), refresh), list, sentinel, status);

  let stop = null;
  let generation = 0;
  function start() {
    stop?.();
    const current = ++generation;
    list.replaceChildren();
    let cursor = null;
    let loaded = 0;
    status.textContent = 'Loading…';
    list.setAttribute('aria-busy', 'true');
    stop = infiniteScroll(sentinel, async () => {
      const page = await api.feed(cursor, PAGE);
      if (current !== generation) {
        return false; // refreshed meanwhile
      }
      const posts = page?.items ?? [];
      const cards = posts.map((post) => {
        const card = postCard(post, { eager: loaded === 0 && post === posts[0] });
        views.watch(card, post);
        return card;
      });
      list.append(...cards);
      loaded += posts.length;
      cursor = page?.nextCursor ?? null;
      list.removeAttribute('aria-busy');
      if (loaded === 0) {
        status.replaceChildren('Your feed is empty. ', h('a', { href: '#/search' }, 'Find people to follow'),
          ' or ', h('a', { href: '#/upload' }, 'post a photo'), '.');
      } else {
        status.textContent = cursor ? 'Loading more…' : 'You are all caught up.';
      }
      interleaveAds(posts, cards);
      return cursor !== null;
    });
  }
  refresh.addEventListener('click', start);
  start();
  return () => stop?.();
}

async function interleaveAds(posts, cards) {
  if (posts.length === 0) {
    return;
  }
  const slots = Math.max(1, Math.floor(posts.length / POSTS_PER_AD));
  const hashtags = [...new Set(posts.flatMap((post) => post.hashtags ?? []))].filter((tag) => HASHTAG.test(tag)).slice(0, 10);
  const placements = await api.placements(slots, hashtags);
  placements.slice(0, slots).forEach((placement, k) => {
    const after = cards[Math.min(cards.length - 1, 2 + k * POSTS_PER_AD)];
    if (after.isConnected) {
      after.after(sponsoredCard(placement));
    }
  });
}
