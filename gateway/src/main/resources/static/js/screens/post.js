// One post: the photo at full width, its caption, and for its author the views over the last 48
// hours and a Delete button.
import * as api from '../api.js';
import * as views from '../views.js';
import { h, run, count, showInfo } from '../dom.js';
import { postCard } from '../post-card.js';
import { barChart, range, align, labelsOf } from '../chart.js';

export async function render(main, { match, me }) {
  const post = await api.post(match[1]);
  const card = postCard(post, { eager: true, headingLevel: 'h1' });
  card.classList.add('post-page');
  main.append(card);
  views.watch(card, post);
  if (post.authorId !== me?.id) {
    return;
  }
  const stats = h('section', { class: 'card post-page', 'aria-labelledby': 'post-views-title' },
    h('h2', { id: 'post-views-title' }, 'Views in the last 48 hours'), h('p', { class: 'muted' }, 'Loading…'));
  const remove = h('button', { type: 'button', class: 'danger', id: 'post-delete' }, 'Delete post');
  remove.addEventListener('click', () => {
    if (!confirm('Delete this post? This cannot be undone.')) {
      return;
    }
    run(remove, async () => {
      await api.deletePost(post.id);
      location.hash = `#/u/${encodeURIComponent(post.authorHandle)}`;
      showInfo('Post deleted');
    });
  });
  main.append(stats, h('div', { class: 'row end post-page' }, remove));
  const span = range('hour', 48);
  try {
    const series = await api.postViews(post.id, 'hour', span.from, span.to);
    stats.replaceChildren(stats.firstChild, barChart({ title: 'Post views', labels: labelsOf(span), granularity: 'hour',
      series: [{ name: 'views', className: 'views', values: align(span, series.points) }] }),
    h('p', { class: 'muted' }, `${count(series.total)} views in this period.`));
  } catch (error) {
    // a post whose creation metrics-service has not seen yet answers 404 for a few seconds
    stats.replaceChildren(stats.firstChild, h('p', { class: 'muted' },
      error?.status === 404 ? 'No views counted yet.' : `Views are unavailable: ${error?.detail ?? error?.title ?? ''}`));
  }
}
