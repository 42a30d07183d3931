import { h } from '../dom.js';

export function render(main) {
  main.append(h('section', { class: 'card' }, h('h1', {}, 'Page not found'),
    h('p', {}, 'There is nothing at this address. ', h('a', { href: '#/' }, 'Go to your feed'), '.')));
}
