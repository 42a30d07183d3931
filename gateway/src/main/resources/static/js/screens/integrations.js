// Integrations: your third-party apps, their webhook endpoints (the signing secret is shown once,
// when created or rotated) and the delivery log with each attempt.
import * as api from '../api.js';
import { h, run, dateTime, showInfo } from '../dom.js';

const EVENT_TYPES = [
  ['instaclone.follow.created.v1', 'Someone follows you / you follow someone'],
  ['instaclone.follow.deleted.v1', 'An unfollow'],
  ['instaclone.user.created.v1', 'Your account was created'],
  ['instaclone.user.updated.v1', 'Your profile changed'],
];

export function render(main, { match }) {
  return match[1] ? appPage(main, decodeURIComponent(match[1])) : appList(main);
}

async function appList(main) {
  const form = h('form', { class: 'card', id: 'app-form', novalidate: true, 'aria-labelledby': 'app-form-title' },
    h('h2', { id: 'app-form-title' }, 'Register an app'),
    h('label', { for: 'app-name' }, 'Name'), h('input', { id: 'app-name', name: 'name', required: true, maxlength: 100 }),
    h('label', { for: 'app-description' }, 'Description'),
    h('input', { id: 'app-description', name: 'description', required: true, maxlength: 500 }),
    h('label', { for: 'app-homepage' }, 'Homepage (optional)'),
    h('input', { id: 'app-homepage', name: 'homepageUrl', type: 'url', maxlength: 2048, placeholder: 'https://' }),
    h('button', { type: 'submit' }, 'Create app'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = (name) => form.elements.namedItem(name).value.trim();
    run(form.querySelector('button'), async () => {
      const created = await api.createApp({ name: value('name'), description: value('description'),
        homepageUrl: value('homepageUrl') || undefined });
      location.hash = `#/integrations/${encodeURIComponent(created.id)}`;
    }, form);
  });
  const list = h('ul', { class: 'list', id: 'apps' });
  main.append(h('div', { class: 'screen-head' }, h('h1', {}, 'Integrations')),
    h('p', { class: 'muted' }, 'Apps receive signed webhooks (Standard Webhooks) about your account and your follows.'),
    h('section', { class: 'card', 'aria-labelledby': 'apps-title' }, h('h2', { id: 'apps-title' }, 'Your apps'), list),
    form);
  const page = await api.listApps();
  const apps = page?.items ?? [];
  list.append(...apps.map((app) => h('li', {},
    h('a', { href: `#/integrations/${encodeURIComponent(app.id)}` }, h('strong', {}, app.name)),
    h('span', { class: 'muted' }, ` ${app.description}`))));
  if (apps.length === 0) {
    list.append(h('li', { class: 'muted' }, 'No apps yet.'));
  }
}

async function appPage(main, appId) {
  const app = await api.app(appId);
  const secretBox = h('div', { id: 'secret-box', 'aria-live': 'polite' });
  const endpointList = h('ul', { class: 'list endpoints', id: 'endpoints' });
  const deliveryList = h('ul', { class: 'list deliveries', id: 'deliveries' });
  const moreDeliveries = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Load more');

  const remove = h('button', { type: 'button', class: 'danger' }, 'Delete app');
  remove.addEventListener('click', () => {
    if (confirm(`Delete ${app.name}, its endpoints and its delivery log?`)) {
      run(remove, async () => {
        await api.deleteApp(app.id);
        location.hash = '#/integrations';
        showInfo('App deleted');
      });
    }
  });

  const form = endpointForm(app, secretBox, () => loadEndpoints());
  main.append(
    h('p', {}, h('a', { href: '#/integrations' }, '← All apps')),
    h('section', { class: 'card', 'aria-labelledby': 'app-title' },
      h('h1', { id: 'app-title' }, app.name),
      h('p', {}, app.description),
      app.homepageUrl ? h('p', {}, h('a', { href: app.homepageUrl, rel: 'noopener noreferrer', target: '_blank' }, app.homepageUrl)) : null,
      h('p', { class: 'muted' }, `Created ${dateTime(app.createdAt)}`),
      remove),
    secretBox,
    h('section', { class: 'card', 'aria-labelledby': 'endpoints-title' }, h('h2', { id: 'endpoints-title' }, 'Webhook endpoints'),
      endpointList),
    form,
    h('section', { class: 'card', 'aria-labelledby': 'deliveries-title' }, h('h2', { id: 'deliveries-title' }, 'Delivery log'),
      deliveryList, moreDeliveries));

  async function loadEndpoints() {
    const page = await api.endpoints(app.id);
    const items = page?.items ?? [];
    endpointList.replaceChildren(...items.map((endpoint) => endpointItem(app, endpoint, secretBox, loadEndpoints)));
    if (items.length === 0) {
      endpointList.append(h('li', { class: 'muted' }, 'No endpoints yet.'));
    }
  }
  let cursor = null;
  async function loadDeliveries() {
    const page = await api.deliveries(app.id, cursor);
    deliveryList.append(...(page?.items ?? []).map((delivery) => deliveryItem(app, delivery)));
    if (deliveryList.children.length === 0) {
      deliveryList.append(h('li', { class: 'muted' }, 'Nothing delivered yet.'));
    }
    cursor = page?.nextCursor ?? null;
    moreDeliveries.hidden = !cursor;
  }
  moreDeliveries.addEventListener('click', () => run(moreDeliveries, loadDeliveries));
  await Promise.all([loadEndpoints(), loadDeliveries()]);
}

function endpointForm(app, secretBox, reload) {
  const form = h('form', { class: 'card', id: 'endpoint-form', novalidate: true, 'aria-labelledby': 'endpoint-form-title' },
    h('h2', { id: 'endpoint-form-title' }, 'Add an endpoint'),
    h('label', { for: 'endpoint-url' }, 'URL'),
    h('input', { id: 'endpoint-url', name: 'url', type: 'url', required: true, maxlength: 2048,
      placeholder: 'https://example.com/webhooks', 'aria-describedby': 'endpoint-url-hint' }),
    h('small', { id: 'endpoint-url-hint' }, 'A public http(s) address; private and local addresses are refused.'),
    h('label', { for: 'endpoint-description' }, 'Description (optional)'),
    h('input', { id: 'endpoint-description', name: 'description', maxlength: 500 }),
    h('fieldset', { id: 'eventTypes' }, h('legend', {}, 'Events'),
      EVENT_TYPES.map(([type, label], i) => h('div', { class: 'check' },
        h('input', { type: 'checkbox', id: `event-${i}`, name: 'eventTypes', value: type, checked: i < 2 }),
        h('label', { for: `event-${i}` }, label, ' ', h('code', {}, type))))),
    h('button', { type: 'submit' }, 'Add endpoint'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const eventTypes = [...form.querySelectorAll('input[name="eventTypes"]:checked')].map((box) => box.value);
    run(form.querySelector('button'), async () => {
      const created = await api.createEndpoint(app.id, { url: form.elements.namedItem('url').value.trim(), eventTypes,
        description: form.elements.namedItem('description').value.trim() || undefined });
      showSecret(secretBox, created.url, created.secret);
      form.reset();
      await reload();
    }, form);
  });
  return form;
}

/** The signing secret, shown this one time, with a copy button. */
function showSecret(box, url, secret) {
  const field = h('input', { id: 'endpoint-secret', readonly: true, value: secret, 'aria-describedby': 'secret-warning',
    spellcheck: 'false' });
  const copy = h('button', { type: 'button', class: 'secondary' }, 'Copy');
  copy.addEventListener('click', async () => {
    field.select();
    try {
      await navigator.clipboard.writeText(secret);
      copy.textContent = 'Copied';
    } catch {
      copy.textContent = 'Press Ctrl+C';
    }
  });
  const done = h('button', { type: 'button', class: 'link' }, 'I have stored it');
  done.addEventListener('click', () => box.replaceChildren());
  box.replaceChildren(h('section', { class: 'card secret', 'aria-labelledby': 'secret-title' },
    h('h2', { id: 'secret-title' }, 'Signing secret'),
    h('p', { id: 'secret-warning' }, h('strong', {}, 'Copy it now: it is shown only once. '),
      `Your receiver at ${url} verifies each webhook with it.`),
    h('label', { for: 'endpoint-secret' }, 'Secret'),
    h('div', { class: 'row' }, field, copy), done));
  box.scrollIntoView({ block: 'nearest' });
}

function endpointItem(app, endpoint, secretBox, reload) {
  const rotate = h('button', { type: 'button', class: 'secondary' }, 'Rotate secret');
  rotate.addEventListener('click', () => {
    if (confirm('Make a new secret? The old one keeps working for 24 hours.')) {
      run(rotate, async () => {
        const rotated = await api.rotateSecret(app.id, endpoint.id);
        showSecret(secretBox, endpoint.url, rotated.secret);
      });
    }
  });
  const remove = h('button', { type: 'button', class: 'danger' }, 'Delete');
  remove.addEventListener('click', () => {
    if (confirm(`Delete the endpoint ${endpoint.url} and its deliveries?`)) {
      run(remove, async () => {
        await api.deleteEndpoint(app.id, endpoint.id);
        await reload();
      });
    }
  });
  const enable = endpoint.status === 'disabled' ? h('button', { type: 'button' }, 'Enable') : null;
  enable?.addEventListener('click', () => run(enable, async () => {
    await api.enableEndpoint(app.id, endpoint.id);
    await reload();
  }));
  return h('li', { class: 'endpoint' },
    h('div', {}, h('code', { class: 'url' }, endpoint.url), ' ',
      h('span', { class: `badge ${endpoint.status}` }, endpoint.status)),
    endpoint.description ? h('p', { class: 'plain' }, endpoint.description) : null,
    h('small', { class: 'muted' }, endpoint.eventTypes.join(', ')),
    endpoint.disabledReason ? h('p', { class: 'warning' }, endpoint.disabledReason) : null,
    endpoint.failingSince ? h('p', { class: 'warning' }, `Failing since ${dateTime(endpoint.failingSince)}`) : null,
    h('div', { class: 'row' }, rotate, enable, remove));
}

function deliveryItem(app, delivery) {
  const attemptsList = h('ul', { class: 'attempts' });
  const details = h('details', {}, h('summary', {}, `${delivery.attempts} attempt${delivery.attempts === 1 ? '' : 's'}`), attemptsList);
  details.addEventListener('toggle', () => {
    if (details.open && attemptsList.children.length === 0) {
      run(null, async () => {
        const page = await api.attempts(app.id, delivery.id);
        attemptsList.append(...(page?.items ?? []).map((attempt) => h('li', {},
          `${dateTime(attempt.attemptedAt)} · ${attempt.outcome}`,
          attempt.statusCode ? ` · HTTP ${attempt.statusCode}` : '',
          attempt.latencyMs !== null && attempt.latencyMs !== undefined ? ` · ${attempt.latencyMs} ms` : '',
          attempt.error ? h('div', { class: 'muted' }, attempt.error) : null)));
        if (attemptsList.children.length === 0) {
          attemptsList.append(h('li', { class: 'muted' }, 'No attempt yet.'));
        }
      });
    }
  });
  const replay = delivery.status !== 'pending' ? h('button', { type: 'button', class: 'secondary' }, 'Replay') : null;
  replay?.addEventListener('click', () => run(replay, async () => {
    await api.replay(app.id, delivery.id);
    showInfo('Delivery queued again', 'It is sent again with the same webhook-id.');
  }));
  return h('li', {},
    h('div', {}, h('code', {}, delivery.eventType), ' ', h('span', { class: `badge ${delivery.status}` }, delivery.status)),
    h('small', { class: 'muted' }, `Created ${dateTime(delivery.createdAt)}`,
      delivery.finishedAt ? ` · finished ${dateTime(delivery.finishedAt)}` : '',
      delivery.nextAttemptAt && delivery.status === 'pending' ? ` · next attempt ${dateTime(delivery.nextAttemptAt)}` : ''),
    details, replay);
}
