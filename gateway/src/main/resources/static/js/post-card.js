// A post as a card (feed, post page) and a sponsored post.
import * as api from './api.js';
import { h, ago, avatar, richText, dateTime } from './dom.js';
import { photo } from './media.js';

export function postCard(post, { eager = false, headingLevel = 'h2' } = {}) {
  const authorHref = `#/u/${encodeURIComponent(post.authorHandle)}`;
  return h('article', { class: 'post card', 'aria-labelledby': `post-${post.id}-author` },
    h('header', { class: 'post-head' },
      avatar(post.authorHandle, 'small'),
      h(headingLevel, { class: 'post-author', id: `post-${post.id}-author` }, h('a', { href: authorHref }, `@${post.authorHandle}`)),
      h('a', { class: 'post-time muted', href: `#/p/${encodeURIComponent(post.id)}`, title: dateTime(post.createdAt) },
        h('time', { datetime: post.createdAt }, ago(post.createdAt)))),
    post.images?.length ? h('a', { class: 'post-photo', href: `#/p/${encodeURIComponent(post.id)}`, tabindex: '-1' },
      photo(post, undefined, eager)) : null,
    post.caption ? h('p', { class: 'caption' }, h('a', { class: 'caption-author', href: authorHref }, post.authorHandle), ' ',
      richText(post.caption)) : null);
}

let impressions = null;

/** A sponsored post from a placement: marked "Sponsored"; reported seen once half of it is visible. */
export function sponsoredCard(placement) {
  impressions ??= new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        impressions.unobserve(entry.target);
        api.reportImpression(entry.target.dataset.impressionUrl);
      }
    }
  }, { threshold: 0.5 });
  const link = h('a', {
    class: 'button cta', href: placement.callToActionUrl, target: '_blank', rel: 'sponsored noopener noreferrer',
    onclick: () => api.reportClick(placement.clickUrl),
  }, 'Learn more', h('span', { class: 'visually-hidden' }, ' (opens a new tab)'));
  const card = h('article', { class: 'post card sponsored', 'aria-label': `Sponsored: ${placement.headline}`,
    dataset: { impressionUrl: placement.impressionUrl, campaignId: placement.campaignId } },
  h('header', { class: 'post-head' },
    h('span', { class: 'avatar small ad-mark', 'aria-hidden': 'true' }, 'Ad'),
    h('p', { class: 'post-author' }, h('span', { class: 'sponsored-label' }, 'Sponsored'))),
  h('img', { class: 'photo', src: `/api/media/${encodeURIComponent(placement.mediaKey)}`, alt: placement.headline,
    loading: 'lazy', decoding: 'async' }),
  h('div', { class: 'sponsored-foot' }, h('p', { class: 'caption headline' }, placement.headline), link));
  impressions.observe(card);
  return card;
}
