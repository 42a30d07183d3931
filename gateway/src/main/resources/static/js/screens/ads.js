// Ads for advertisers: your campaigns (draft → active ⇄ paused → ended), a new campaign with a photo
// you posted as its creative, and each campaign's delivery stats over time.
import * as api from '../api.js';
import { h, run, count, money, dateTime, showInfo } from '../dom.js';
import { barChart, range, align, labelsOf } from '../chart.js';
import { mediaKeyOf, tile } from '../media.js';

export function render(main, { match, me }) {
  return match[1] ? campaignPage(main, decodeURIComponent(match[1])) : campaignList(main, me);
}

async function campaignList(main, me) {
  const list = h('ul', { class: 'list campaigns', id: 'campaigns' });
  const formSlot = h('div');
  main.append(h('div', { class: 'screen-head' }, h('h1', {}, 'Ads')),
    h('p', { class: 'muted' }, 'Promote a photo you posted as a sponsored post in other people’s feeds.'),
    h('section', { class: 'card', 'aria-labelledby': 'campaigns-title' }, h('h2', { id: 'campaigns-title' }, 'Your campaigns'), list),
    formSlot);
  const [page, posts] = await Promise.all([api.campaigns(), api.postsBy(me.id, null, 24)]);
  const items = page?.items ?? [];
  list.append(...items.map((campaign) => h('li', { class: 'campaign' },
    h('a', { href: `#/ads/${encodeURIComponent(campaign.id)}` }, h('strong', {}, campaign.name)), ' ',
    h('span', { class: `badge ${campaign.status}` }, campaign.status),
    h('small', { class: 'muted' }, ` ${count(campaign.impressions)} impressions · ${count(campaign.clicks)} clicks · `
      + `${money(campaign.spentTodayCents)} of ${money(campaign.dailyBudgetCents)} today`))));
  if (items.length === 0) {
    list.append(h('li', { class: 'muted' }, 'No campaigns yet.'));
  }
  formSlot.append(campaignForm((posts?.items ?? []).filter((post) => mediaKeyOf(post))));
}

function campaignForm(posts) {
  const field = (id, label, attributes, hint) => [h('label', { for: id }, label),
    h('input', { id, ...attributes, 'aria-describedby': hint ? `${id}-hint` : null }),
    hint ? h('small', { id: `${id}-hint` }, hint) : null];
  if (posts.length === 0) {
    return h('section', { class: 'card' }, h('h2', {}, 'New campaign'),
      h('p', {}, 'A campaign shows one of your photos. ', h('a', { href: '#/upload' }, 'Post a photo first'), '.'));
  }
  const form = h('form', { class: 'card', id: 'campaign-form', novalidate: true, 'aria-labelledby': 'campaign-form-title' },
    h('h2', { id: 'campaign-form-title' }, 'New campaign'),
    field('campaign-name', 'Name (only you see it)', { name: 'name', required: true, maxlength: 100 }),
    field('campaign-headline', 'Headline', { name: 'headline', required: true, maxlength: 150 }),
    h('fieldset', { id: 'mediaKey', class: 'creative' }, h('legend', {}, 'Photo'),
      h('div', { class: 'picker' }, posts.map((post, i) => h('label', { class: 'pick' },
        h('input', { type: 'radio', name: 'mediaKey', value: mediaKeyOf(post), checked: i === 0 }),
        tile(post))))),
    field('campaign-url', 'Link', { name: 'callToActionUrl', type: 'url', required: true, maxlength: 2048,
      placeholder: 'https://' }, 'Where “Learn more” goes: an http(s) address.'),
    field('campaign-hashtags', 'Target hashtags (optional)', { name: 'targetHashtags', placeholder: 'travel, food' },
      'Up to 10, comma separated; empty shows the ad to everyone.'),
    field('campaign-budget', 'Daily budget (USD)', { name: 'dailyBudgetCents', type: 'number', min: '0.01', step: '0.01',
      required: true, value: '10.00' }),
    field('campaign-bid', 'Bid per 1,000 impressions (USD)', { name: 'bidCpmCents', type: 'number', min: '0.01',
      step: '0.01', required: true, value: '5.00' }),
    h('div', { class: 'check' }, h('input', { type: 'checkbox', id: 'campaign-activate', name: 'activate', checked: true }),
      h('label', { for: 'campaign-activate' }, 'Start showing it now')),
    h('button', { type: 'submit' }, 'Create campaign'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = (name) => form.elements.namedItem(name).value.trim();
    const cents = (name) => Math.round(Number(value(name)) * 100);
    run(form.querySelector('button[type=submit]'), async () => {
      const created = await api.createCampaign({
        name: value('name'),
        headline: value('headline'),
        mediaKey: form.querySelector('input[name=mediaKey]:checked')?.value ?? '',
        callToActionUrl: value('callToActionUrl'),
        targetHashtags: value('targetHashtags').split(',').map((tag) => tag.trim()).filter(Boolean),
        dailyBudgetCents: cents('dailyBudgetCents'),
        bidCpmCents: cents('bidCpmCents'),
      });
      if (form.elements.namedItem('activate').checked) {
        await api.campaignAction(created.id, 'activate');
      }
      location.hash = `#/ads/${encodeURIComponent(created.id)}`;
    }, form);
  });
  return form;
}

async function campaignPage(main, id) {
  const campaign = await api.campaign(id);
  const actions = h('div', { class: 'row' });
  const stats = h('section', { class: 'card', id: 'campaign-stats', 'aria-labelledby': 'stats-title' },
    h('h2', { id: 'stats-title' }, 'Last 48 hours'), h('p', { class: 'muted' }, 'Loading…'));
  const action = (label, name, style = '') => {
    const button = h('button', { type: 'button', class: style }, label);
    button.addEventListener('click', () => {
      if (name === 'end' && !confirm('End this campaign for good?')) {
        return;
      }
      run(button, async () => {
        await api.campaignAction(campaign.id, name);
        showInfo(`Campaign ${name === 'activate' ? 'active' : name === 'pause' ? 'paused' : 'ended'}`);
        location.hash = `#/ads/${encodeURIComponent(campaign.id)}?t=${Date.now()}`;
      });
    });
    return button;
  };
  if (campaign.status === 'draft' || campaign.status === 'paused') actions.append(action('Activate', 'activate'));
  if (campaign.status === 'active') actions.append(action('Pause', 'pause', 'secondary'));
  if (campaign.status !== 'ended') actions.append(action('End', 'end', 'danger'));

  main.append(
    h('p', {}, h('a', { href: '#/ads' }, '← All campaigns')),
    h('section', { class: 'card campaign-detail', 'aria-labelledby': 'campaign-title' },
      h('h1', { id: 'campaign-title' }, campaign.name, ' ', h('span', { class: `badge ${campaign.status}` }, campaign.status)),
      h('div', { class: 'creative-preview' },
        h('img', { src: `/api/media/${encodeURIComponent(campaign.mediaKey)}`, alt: '', loading: 'lazy', width: 120, height: 120 }),
        h('div', {}, h('p', {}, h('strong', {}, campaign.headline)),
          h('p', {}, h('a', { href: campaign.callToActionUrl, rel: 'noopener noreferrer', target: '_blank' }, campaign.callToActionUrl)))),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Daily budget'), h('dd', {}, money(campaign.dailyBudgetCents)),
        h('dt', {}, 'Bid (CPM)'), h('dd', {}, money(campaign.bidCpmCents)),
        h('dt', {}, 'Spent today'), h('dd', {}, money(campaign.spentTodayCents)),
        h('dt', {}, 'Spent in total'), h('dd', {}, money(campaign.spentCents)),
        h('dt', {}, 'Impressions'), h('dd', { id: 'campaign-impressions' }, count(campaign.impressions)),
        h('dt', {}, 'Clicks'), h('dd', {}, count(campaign.clicks)),
        h('dt', {}, 'Targeting'), h('dd', {}, campaign.targetHashtags?.length ? campaign.targetHashtags.map((t) => `#${t}`).join(' ') : 'everyone'),
        h('dt', {}, 'Created'), h('dd', {}, dateTime(campaign.createdAt))),
      actions),
    stats);
  const span = range('hour', 48);
  try {
    const series = await api.campaignSeries(campaign.id, 'hour', span.from, span.to);
    const totals = series.totals ?? {};
    stats.replaceChildren(stats.firstChild,
      barChart({ title: 'Impressions', labels: labelsOf(span), granularity: 'hour',
        series: [{ name: 'impressions', className: 'views', values: align(span, series.points, (p) => p.impressions) }] }),
      barChart({ title: 'Clicks', labels: labelsOf(span), granularity: 'hour',
        series: [{ name: 'clicks', className: 'gained', values: align(span, series.points, (p) => p.clicks) }] }),
      h('p', { class: 'muted' }, `CTR ${((totals.ctr ?? 0) * 100).toFixed(1)} % · spend ${money((totals.spendMillicents ?? 0) / 1000)}`));
  } catch (error) {
    stats.replaceChildren(stats.firstChild, h('p', { class: 'muted' },
      error?.status === 404 ? 'No figures yet: they appear a few seconds after the campaign is created.'
        : `Not available right now: ${error?.detail || error?.title || ''}`));
  }
}
