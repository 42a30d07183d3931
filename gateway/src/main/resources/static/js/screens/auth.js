// Signed out: create an account or sign in. Both answer with an access token (kept in memory by
// api.js) and, for browsers, the refresh token as an HttpOnly cookie.
import * as api from '../api.js';
import { h, run, showInfo } from '../dom.js';

const field = (id, label, attributes, hint) => [
  h('label', { for: id }, label),
  h('input', { id, ...attributes, 'aria-describedby': hint ? `${id}-hint` : null }),
  hint ? h('small', { id: `${id}-hint` }, hint) : null,
];

export function render(main) {
  const signUp = h('form', { class: 'card', id: 'sign-up-form', novalidate: true, 'aria-labelledby': 'sign-up-title' },
    h('h2', { id: 'sign-up-title' }, 'Create an account'),
    field('sign-up-handle', 'Handle', { name: 'handle', autocomplete: 'username', required: true, minlength: 3,
      maxlength: 30, pattern: '[A-Za-z0-9._]{3,30}', placeholder: 'e.g. ada.lovelace' },
    '3 to 30 letters, digits, dots or underscores.'),
    field('sign-up-email', 'Email', { name: 'email', type: 'email', autocomplete: 'email', required: true }),
    field('sign-up-password', 'Password', { name: 'password', type: 'password', autocomplete: 'new-password',
      required: true, minlength: 12, maxlength: 128 }, '12 to 128 characters.'),
    h('button', { type: 'submit' }, 'Sign up'));
  const signIn = h('form', { class: 'card', id: 'sign-in-form', novalidate: true, 'aria-labelledby': 'sign-in-title' },
    h('h2', { id: 'sign-in-title' }, 'Sign in'),
    field('sign-in-login', 'Handle or email', { name: 'login', autocomplete: 'username', required: true }),
    field('sign-in-password', 'Password', { name: 'password', type: 'password', autocomplete: 'current-password',
      required: true }),
    h('button', { type: 'submit' }, 'Sign in'));

  signUp.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = (name) => signUp.elements.namedItem(name).value;
    run(signUp.querySelector('button'), async () => {
      await api.signUp(value('handle').trim(), value('email').trim(), value('password'));
      showInfo('Welcome to Instaclone!', 'Your account is ready. Find people to follow with Search, or upload a photo.');
    }, signUp);
  });
  signIn.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = (name) => signIn.elements.namedItem(name).value;
    run(signIn.querySelector('button'), () => api.signIn(value('login').trim(), value('password')), signIn);
  });

  main.append(
    h('section', { class: 'hero' },
      h('h1', {}, 'Share photos with the people you follow'),
      h('p', { class: 'muted' }, 'Sign up in seconds. Your session lives in this tab’s memory and an HttpOnly cookie only.')),
    h('section', { class: 'auth' }, signUp, signIn));
}
