// Photos: upload-service stores each photo as variants (w1080, w640, w320 keep the aspect ratio,
// thumb150 is a square crop; docs/upload-service.md). The browser picks one from srcset.
import { h } from './dom.js';

const WIDE = ['w1080', 'w640', 'w320'];

const byKind = (images, kind) => images.find((image) => image.kind === kind);

/** The full photo for a post card or page: srcset of the wide variants, lazy loaded. */
export function photo(post, sizes = '(max-width: 640px) 100vw, 600px', eager = false) {
  const images = post.images ?? [];
  const wide = WIDE.map((kind) => byKind(images, kind)).filter(Boolean);
  if (wide.length === 0) {
    return null;
  }
  const main = byKind(images, 'w640') ?? wide[0];
  return h('img', {
    class: 'photo',
    src: main.url,
    srcset: unique(wide).map((image) => `${image.url} ${image.width}w`).join(', '),
    sizes,
    width: main.width,
    height: main.height,
    alt: altText(post),
    loading: eager ? 'eager' : 'lazy',
    decoding: 'async',
  });
}

/** A square grid tile: the 150 px crop, or a wider variant on dense screens (object-fit: cover). */
export function tile(post) {
  const images = post.images ?? [];
  const candidates = ['thumb150', 'w320', 'w640'].map((kind) => byKind(images, kind)).filter(Boolean);
  if (candidates.length === 0) {
    return h('span', { class: 'tile-text' }, post.caption ?? '');
  }
  return h('img', {
    src: candidates[0].url,
    srcset: unique(candidates).map((image) => `${image.url} ${image.width}w`).join(', '),
    sizes: '(max-width: 640px) 33vw, 300px',
    width: 150,
    height: 150,
    alt: altText(post),
    loading: 'lazy',
    decoding: 'async',
  });
}

/** The media key of a post's 1080 px variant (what an ad campaign's creative references). */
export function mediaKeyOf(post) {
  const image = byKind(post.images ?? [], 'w1080');
  return image ? image.url.split('/').pop() : null;
}

const altText = (post) => (post.caption ? `Photo by @${post.authorHandle}: ${post.caption}` : `Photo by @${post.authorHandle}`);

// a small photo has w1080 and w640 of the same width: one srcset entry per width
function unique(images) {
  const seen = new Set();
  return images.filter((image) => !seen.has(image.width) && seen.add(image.width));
}
