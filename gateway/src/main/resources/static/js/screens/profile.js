// A profile: counts, follow/unfollow, the posts grid and the followers and following lists (each
// loaded page by page as it scrolls into view). Your own profile can be edited.
import * as api from '../api.js';
import { h, run, count, avatar, infiniteScroll } from '../dom.js';
import { tile } from '../media.js';

export async function render(main, { match, me }) {
  const handle = decodeURIComponent(match[1]);
  const tab = match[2] ?? 'posts';
  const profile = await api.profile(handle);
  const self = me && profile.id === me.id;
  const base = `#/u/${encodeURIComponent(profile.handle)}`;

  let following = false;
  if (!self) {
    following = Boolean((await api.follows(me.handle, profile.handle))?.follows);
  }
  const followers = h('strong', { id: 'profile-followers' }, count(profile.followers));
  const followersWord = h('span', {}, profile.followers === 1 ? ' follower' : ' followers');
  const followButton = self ? null : h('button', { type: 'button', id: 'follow-button' });
  const showFollow = () => {
    followButton.textContent = following ? 'Unfollow' : 'Follow';
    followButton.classList.toggle('secondary', following);
    followButton.setAttribute('aria-pressed', String(following));
  };
  if (followButton) {
    showFollow();
    followButton.addEventListener('click', () => run(followButton, async () => {
      await (following ? api.unfollow(profile.handle) : api.follow(profile.handle));
      following = !following;
      showFollow();
      const fresh = await api.profile(profile.handle);
      followers.textContent = count(fresh.followers);
      followersWord.textContent = fresh.followers === 1 ? ' follower' : ' followers';
    }));
  }

  const name = h('p', { class: 'profile-name' }, profile.displayName !== profile.handle ? profile.displayName ?? '' : '');
  const bio = h('p', { class: 'bio' }, profile.bio || '');
  main.append(h('section', { class: 'card profile', 'aria-labelledby': 'profile-handle' },
    h('div', { class: 'profile-head' },
      avatar(profile.displayName || profile.handle),
      h('div', { class: 'profile-main' },
        h('h1', { id: 'profile-handle' }, `@${profile.handle}`),
        name,
        h('ul', { class: 'counts' },
          h('li', {}, h('a', { href: `${base}/followers` }, followers, followersWord)),
          h('li', {}, h('a', { href: `${base}/following` }, h('strong', { id: 'profile-following' }, count(profile.following)),
            ' following'))),
        followButton)),
    bio,
    self ? editForm(profile, name, bio) : null));

  const tabs = [['posts', 'Posts'], ['followers', 'Followers'], ['following', 'Following']];
  main.append(h('nav', { class: 'tabs', 'aria-label': 'Profile sections' }, tabs.map(([key, label]) =>
    h('a', { class: 'tab', href: key === 'posts' ? base : `${base}/${key}`, 'aria-current': key === tab ? 'page' : null }, label))));

  const sentinel = h('div', { class: 'sentinel', 'aria-hidden': 'true' });
  let cursor = null;
  if (tab === 'posts') {
    const grid = h('ul', { class: 'grid', id: 'profile-posts', 'aria-label': `Posts by @${profile.handle}` });
    const empty = h('p', { class: 'muted center', hidden: true }, self ? 'No posts yet. ' : 'No posts yet.',
      self ? h('a', { href: '#/upload' }, 'Share your first photo') : null);
    main.append(grid, empty, sentinel);
    return infiniteScroll(sentinel, async () => {
      const page = await api.postsBy(profile.id, cursor);
      grid.append(...(page?.items ?? []).map(gridItem));
      empty.hidden = grid.children.length > 0;
      cursor = page?.nextCursor ?? null;
      return cursor !== null;
    });
  }
  const list = h('ul', { class: 'people', id: 'people', 'aria-label': tab === 'followers' ? 'Followers' : 'Following' });
  const empty = h('p', { class: 'muted center', hidden: true }, 'Nobody yet.');
  main.append(list, empty, sentinel);
  return infiniteScroll(sentinel, async () => {
    const page = await api.people(profile.handle, tab, cursor);
    list.append(...(page?.items ?? []).map(personItem));
    empty.hidden = list.children.length > 0;
    cursor = page?.nextCursor ?? null;
    return cursor !== null;
  });
}

export const gridItem = (post) => h('li', {},
  h('a', { href: `#/p/${encodeURIComponent(post.id)}`, class: 'tile', 'aria-label': post.caption
    ? `Post: ${post.caption.slice(0, 80)}` : `Post by @${post.authorHandle}` }, tile(post)));

export const personItem = (person) => h('li', {},
  avatar(person.displayName || person.handle, 'small'),
  h('a', { href: `#/u/${encodeURIComponent(person.handle)}`, class: 'person' }, `@${person.handle}`),
  h('span', { class: 'muted' }, person.displayName && person.displayName !== person.handle ? person.displayName : ''));

function editForm(profile, nameNode, bioNode) {
  const form = h('form', { class: 'edit', novalidate: true },
    h('label', { for: 'edit-name' }, 'Name'),
    h('input', { id: 'edit-name', name: 'displayName', maxlength: 50, value: profile.displayName ?? '' }),
    h('label', { for: 'edit-bio' }, 'Bio'),
    h('textarea', { id: 'edit-bio', name: 'bio', rows: 3, maxlength: 300 }, profile.bio ?? ''),
    h('button', { type: 'submit' }, 'Save'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run(form.querySelector('button'), async () => {
      const updated = await api.updateMe({
        displayName: form.elements.namedItem('displayName').value.trim() || undefined, // 1..50 when given
        bio: form.elements.namedItem('bio').value.trim(),
      });
      nameNode.textContent = updated?.displayName ?? '';
      bioNode.textContent = updated?.bio ?? '';
      form.closest('details').open = false;
    }, form);
  });
  return h('details', { class: 'edit-profile' }, h('summary', {}, 'Edit profile'), form);
}
