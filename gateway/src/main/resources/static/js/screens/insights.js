// Insights: your followers gained and lost, and the views of your posts, over the last 48 hours
// (hourly) or 30 days (daily), from metrics-service. Views are the sum over your most viewed posts.
import * as api from '../api.js';
import { h, count } from '../dom.js';
import { barChart, range, align, labelsOf } from '../chart.js';
import { tile } from '../media.js';

const RANGES = { hours: ['hour', 48, 'Last 48 hours'], days: ['day', 30, 'Last 30 days'] };

export function render(main, { query, isCurrent }) {
  const chosen = RANGES[query.get('range')] ? query.get('range') : 'hours';
  const select = h('select', { id: 'insights-range', name: 'range' },
    Object.entries(RANGES).map(([key, [, , label]]) => h('option', { value: key, selected: key === chosen }, label)));
  select.addEventListener('change', () => {
    location.hash = `#/insights?range=${select.value}`;
  });
  const refresh = h('button', { type: 'button', class: 'secondary', id: 'insights-refresh' }, 'Refresh');
  const followers = h('section', { class: 'card', id: 'insights-followers', 'aria-labelledby': 'followers-title' },
    h('h2', { id: 'followers-title' }, 'Followers'), h('p', { class: 'muted' }, 'Loading…'));
  const views = h('section', { class: 'card', id: 'insights-views', 'aria-labelledby': 'views-title' },
    h('h2', { id: 'views-title' }, 'Post views'), h('p', { class: 'muted' }, 'Loading…'));
  main.append(
    h('div', { class: 'screen-head' }, h('h1', {}, 'Insights'),
      h('div', { class: 'row' }, h('label', { for: 'insights-range', class: 'visually-hidden' }, 'Period'), select, refresh)),
    followers, views);

  const [granularity, buckets] = RANGES[chosen];
  const load = async () => {
    const span = range(granularity, buckets);
    await Promise.all([
      loadFollowers(followers, span, granularity).catch((error) => failed(followers, error)),
      loadViews(views, span, granularity).catch((error) => failed(views, error)),
    ]);
  };
  refresh.addEventListener('click', async () => {
    refresh.disabled = true;
    try {
      if (isCurrent()) {
        await load();
      }
    } finally {
      refresh.disabled = false;
    }
  });
  return load().then(() => undefined);
}

async function loadFollowers(section, span, granularity) {
  const series = await api.followerSeries(granularity, span.from, span.to);
  section.replaceChildren(section.firstChild,
    barChart({ title: 'Followers', labels: labelsOf(span), granularity, series: [
      { name: 'gained', className: 'gained', values: align(span, series.points, (p) => p.gained) },
      { name: 'lost', className: 'lost', values: align(span, series.points, (p) => p.lost) },
    ] }),
    h('p', { class: 'muted' }, `Net ${series.net >= 0 ? '+' : '−'}${count(Math.abs(series.net))} in this period.`));
}

async function loadViews(section, span, granularity) {
  const top = await api.topPosts(10);
  const posts = top?.posts ?? [];
  const perPost = await Promise.all(posts.map((entry) =>
    api.postViews(entry.postId, granularity, span.from, span.to).catch(() => ({ points: [] }))));
  const values = new Array(span.buckets).fill(0);
  for (const series of perPost) {
    align(span, series.points).forEach((value, i) => {
      values[i] += value;
    });
  }
  const chart = barChart({ title: 'Post views', labels: labelsOf(span), granularity,
    series: [{ name: 'views', className: 'views', values }] });
  const list = h('ol', { class: 'top-posts', 'aria-label': 'Most viewed posts, last 30 days' });
  const details = await Promise.all(posts.map((entry) => api.post(entry.postId).catch(() => null)));
  posts.forEach((entry, i) => {
    const post = details[i];
    if (post) {
      list.append(h('li', {}, h('a', { href: `#/p/${encodeURIComponent(post.id)}`, class: 'tile small' }, tile(post)),
        h('span', {}, h('strong', {}, count(entry.views)), ' views', post.caption ? ` · ${post.caption.slice(0, 60)}` : '')));
    }
  });
  section.replaceChildren(section.firstChild, chart,
    posts.length ? [h('h3', {}, 'Most viewed posts (30 days)'), list]
      : h('p', { class: 'muted' }, 'No views of your posts yet. Views are counted when others see your posts.'));
}

function failed(section, error) {
  section.replaceChildren(section.firstChild, h('p', { class: 'muted' },
    `Not available right now: ${error?.detail || error?.title || 'unknown error'}`));
}
