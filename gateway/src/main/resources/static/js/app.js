// The first Instaclone web page: sign up, sign in, sign out, "me", look up a profile, follow and
// unfollow, list followers and following. Plain ES modules, no framework, no inline code (CSP).
import * as api from './api.js';

const $ = (id) => document.getElementById(id);

const view = {
  me: null,           // the signed-in account
  profile: null,      // the profile on screen
  relation: 'followers',
  cursor: null,
  following: false,   // whether "me" follows the profile on screen
};

// ---- messages ------------------------------------------------------------------------------------

function showProblem(error, form) {
  const notice = $('notice');
  notice.classList.remove('info');
  $('notice-title').textContent = error.title ?? 'Something went wrong';
  $('notice-detail').textContent = error.detail ?? String(error.message ?? '');
  const list = $('notice-errors');
  list.replaceChildren(...(error.errors ?? []).map((fieldError) => {
    const item = document.createElement('li');
    item.textContent = fieldError.field ? `${fieldError.field}: ${fieldError.message}` : fieldError.message;
    return item;
  }));
  if (form) {
    for (const fieldError of error.errors ?? []) {
      const input = form.elements.namedItem(fieldError.field);
      if (input) {
        input.setAttribute('aria-invalid', 'true');
      }
    }
  }
  notice.hidden = false;
  notice.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
}

function showInfo(title, detail = '') {
  const notice = $('notice');
  notice.classList.add('info');
  $('notice-title').textContent = title;
  $('notice-detail').textContent = detail;
  $('notice-errors').replaceChildren();
  notice.hidden = false;
}

function clearNotice(form) {
  $('notice').hidden = true;
  form?.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
}

/** Runs an action for a form or button: disables it meanwhile and shows any problem. */
async function run(control, action, form) {
  clearNotice(form);
  control.disabled = true;
  form?.setAttribute('aria-busy', 'true');
  try {
    await action();
  } catch (error) {
    showProblem(error, form);
  } finally {
    control.disabled = false;
    form?.removeAttribute('aria-busy');
  }
}

// ---- session -------------------------------------------------------------------------------------

function renderSession(account) {
  view.me = account;
  const signedIn = account !== null;
  $('signed-out').hidden = signedIn;
  $('signed-in').hidden = !signedIn;
  $('session').hidden = !signedIn;
  if (!signedIn) {
    $('profile').hidden = true;
    view.profile = null;
    return;
  }
  $('session-handle').textContent = `@${account.handle}`;
  $('me-handle').textContent = `@${account.handle}`;
  $('me-name').textContent = account.displayName || '—';
  $('me-email').textContent = account.email || '—';
}

api.onSessionChange((account) => {
  if (account) {
    renderSession(account);
  } else {
    renderSession(null);
  }
});

function formValue(form, name) {
  return form.elements.namedItem(name).value.trim();
}

$('sign-up-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  run(form.querySelector('button'), async () => {
    await api.signUp(formValue(form, 'handle'), formValue(form, 'email'), form.elements.namedItem('password').value);
    form.reset();
    showInfo('Welcome to Instaclone!', 'Your account is ready. Find people to follow below.');
  }, form);
});

$('sign-in-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  run(form.querySelector('button'), async () => {
    await api.signIn(formValue(form, 'login'), form.elements.namedItem('password').value);
    form.reset();
  }, form);
});

$('sign-out').addEventListener('click', (event) => {
  run(event.currentTarget, async () => {
    await api.signOut();
    showInfo('Signed out', 'See you soon.');
  });
});

$('notice-close').addEventListener('click', () => clearNotice());

// ---- profiles ------------------------------------------------------------------------------------

async function openProfile(handle) {
  const profile = await api.profile(handle);
  view.profile = profile;
  view.following = false;
  if (view.me && profile.handle !== view.me.handle) {
    const relation = await api.follows(view.me.handle, profile.handle);
    view.following = Boolean(relation?.follows);
  }
  renderProfile();
  await loadPeople(view.relation, true);
  $('profile').hidden = false;
}

function renderProfile() {
  const profile = view.profile;
  $('profile-handle').textContent = `@${profile.handle}`;
  $('profile-name').textContent = profile.displayName || '';
  $('profile-bio').textContent = profile.bio || '';
  $('profile-bio').hidden = !profile.bio;
  $('profile-avatar').textContent = (profile.displayName || profile.handle).charAt(0).toUpperCase();
  $('profile-followers').textContent = profile.followers ?? 0;
  $('profile-following').textContent = profile.following ?? 0;
  const button = $('follow-button');
  const self = view.me && profile.handle === view.me.handle;
  button.hidden = Boolean(self);
  button.textContent = view.following ? 'Unfollow' : 'Follow';
  button.classList.toggle('secondary', view.following);
  button.setAttribute('aria-pressed', String(view.following));
}

async function loadPeople(relation, fresh) {
  if (fresh) {
    view.relation = relation;
    view.cursor = null;
    $('people').replaceChildren();
    $('tab-followers').setAttribute('aria-selected', String(relation === 'followers'));
    $('tab-following').setAttribute('aria-selected', String(relation === 'following'));
  }
  const page = await api.people(view.profile.handle, relation, view.cursor);
  const items = page?.items ?? [];
  $('people').append(...items.map(personItem));
  view.cursor = page?.nextCursor ?? null;
  $('people-more').hidden = !view.cursor;
  $('people-empty').hidden = $('people').children.length > 0;
}

function personItem(person) {
  const item = document.createElement('li');
  const avatar = document.createElement('span');
  avatar.className = 'avatar small';
  avatar.setAttribute('aria-hidden', 'true');
  avatar.textContent = (person.displayName || person.handle).charAt(0).toUpperCase();
  const link = document.createElement('button');
  link.type = 'button';
  link.className = 'link person';
  link.textContent = `@${person.handle}`;
  link.addEventListener('click', () => run(link, () => openProfile(person.handle)));
  const name = document.createElement('span');
  name.className = 'muted';
  name.textContent = person.displayName && person.displayName !== person.handle ? person.displayName : '';
  item.append(avatar, link, name);
  return item;
}

$('lookup-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const handle = formValue(form, 'handle').replace(/^@/, '');
  if (!handle) {
    showProblem({ title: 'Enter a handle', detail: 'Type the handle of the person you are looking for.' });
    return;
  }
  run(form.querySelector('button'), () => openProfile(handle), form);
});

$('show-me').addEventListener('click', (event) => {
  run(event.currentTarget, () => openProfile(view.me.handle));
});

$('follow-button').addEventListener('click', (event) => {
  run(event.currentTarget, async () => {
    const handle = view.profile.handle;
    if (view.following) {
      await api.unfollow(handle);
    } else {
      await api.follow(handle);
    }
    await openProfile(handle);
  });
});

$('tab-followers').addEventListener('click', (event) => run(event.currentTarget, () => loadPeople('followers', true)));
$('tab-following').addEventListener('click', (event) => run(event.currentTarget, () => loadPeople('following', true)));
$('people-more').addEventListener('click', (event) => run(event.currentTarget, () => loadPeople(view.relation, false)));

// ---- start ---------------------------------------------------------------------------------------

// A refresh-token cookie from an earlier visit restores the session without storing any token.
api.refresh().then(async (restored) => {
  if (restored && !view.me) {
    renderSession(await api.me());
  }
});
