// Post view beacons: a post counts as viewed when at least half of it has been on screen for
// 600 ms. Views are queued and sent in batches to POST /api/metrics/views every few seconds; each
// view carries a random eventId that stays the same on every retry, so the server counts it once.
import * as api from './api.js';
import { uuid } from './dom.js';

const DWELL_MS = 600;
const FLUSH_MS = 2000;
const BATCH = 100;

const queue = [];
const counted = new Set(); // post ids already counted on this page (one view per post per visit)
const timers = new Map();
let flushing = null;

const observer = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    const postId = entry.target.dataset.postId;
    if (entry.isIntersecting && entry.intersectionRatio >= 0.5) {
      if (!timers.has(entry.target) && !counted.has(postId)) {
        timers.set(entry.target, setTimeout(() => {
          timers.delete(entry.target);
          record(postId);
          observer.unobserve(entry.target);
        }, DWELL_MS));
      }
    } else if (timers.has(entry.target)) {
      clearTimeout(timers.get(entry.target));
      timers.delete(entry.target);
    }
  }
}, { threshold: [0, 0.5, 1] });

/** Watches a post element (with data-post-id); the signed-in user's own posts are not counted. */
export function watch(element, post) {
  if (api.account && post.authorId === api.account.id) {
    return;
  }
  element.dataset.postId = post.id;
  observer.observe(element);
}

function record(postId) {
  if (counted.has(postId)) {
    return;
  }
  counted.add(postId);
  queue.push({ eventId: uuid(), postId, viewedAt: new Date().toISOString() });
}

/** Sends what is queued; on a network error or 503 the batch stays queued for the next try. */
export function flush(keepalive = false) {
  if (flushing || queue.length === 0 || !api.signedIn()) {
    return flushing ?? Promise.resolve();
  }
  const batch = queue.slice(0, BATCH);
  flushing = api.sendViews(batch, keepalive)
    .then(() => queue.splice(0, batch.length))
    .catch((error) => {
      if (error?.status >= 400 && error.status < 500 && error.status !== 401) {
        queue.splice(0, batch.length); // refused for good (e.g. too old): never resend
      }
    })
    .finally(() => {
      flushing = null;
    });
  return flushing;
}

/** Sends everything (before signing out), at most a few batches. */
export async function flushAll() {
  for (let i = 0; i < 5 && queue.length > 0 && api.signedIn(); i++) {
    await flush();
  }
}

/** Forgets the page's views (after sign-out: the next person's views are theirs). */
export function reset() {
  queue.length = 0;
  counted.clear();
  timers.forEach((timer) => clearTimeout(timer));
  timers.clear();
  observer.disconnect();
}

setInterval(() => flush(), FLUSH_MS);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') {
    flush(true);
  }
});
