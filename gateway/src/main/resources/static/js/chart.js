// Bar charts drawn as inline SVG by hand: no chart library, no inline style (colours come from
// classes in app.css, so the Content-Security-Policy's style-src 'self' holds).
import { h, svg, count } from './dom.js';

const WIDTH = 600;
const HEIGHT = 180;
const PAD = { top: 12, right: 8, bottom: 24, left: 40 };

/**
 * A bar chart of one or two series over the same buckets: series[0] upwards, series[1] (if given,
 * e.g. followers lost) downwards. Each series is {name, className, values}; labels are the bucket
 * instants. The figure carries data-total (sum of series[0]) for tests and a text summary for screen
 * readers; each bar has a tooltip.
 */
export function barChart({ title, labels, series, granularity = 'hour', unit = '' }) {
  const up = series[0];
  const down = series[1];
  const maxUp = Math.max(1, ...up.values);
  const maxDown = down ? Math.max(0, ...down.values) : 0;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const scale = plotH / (maxUp + maxDown);
  const zeroY = PAD.top + maxUp * scale;
  const step = plotW / Math.max(1, labels.length);
  const barW = Math.max(1, step * 0.7);
  const total = up.values.reduce((a, b) => a + b, 0);
  const totalDown = down ? down.values.reduce((a, b) => a + b, 0) : 0;

  const nodes = [];
  // grid lines and y labels: 0, the top and (when there is room) the bottom
  const ticks = [[zeroY, '0'], [PAD.top, count(maxUp)]];
  if (maxDown > 0) {
    ticks.push([HEIGHT - PAD.bottom, `−${count(maxDown)}`]);
  }
  for (const [y, text] of ticks) {
    nodes.push(svg('line', { class: 'gridline', x1: PAD.left, x2: WIDTH - PAD.right, y1: y, y2: y }));
    nodes.push(svg('text', { class: 'axis', x: PAD.left - 6, y: y + 4, 'text-anchor': 'end' }, text));
  }
  labels.forEach((at, i) => {
    const x = PAD.left + i * step + (step - barW) / 2;
    const when = bucketLabel(at, granularity);
    const upValue = up.values[i] ?? 0;
    if (upValue > 0) {
      nodes.push(svg('rect', { class: `bar ${up.className ?? ''}`, x, y: zeroY - upValue * scale, width: barW,
        height: upValue * scale }, svg('title', {}, `${when}: ${count(upValue)} ${up.name}`)));
    }
    const downValue = down ? (down.values[i] ?? 0) : 0;
    if (downValue > 0) {
      nodes.push(svg('rect', { class: `bar ${down.className ?? ''}`, x, y: zeroY, width: barW,
        height: downValue * scale }, svg('title', {}, `${when}: ${count(downValue)} ${down.name}`)));
    }
  });
  // x labels: first, middle, last bucket
  const marks = [...new Set([0, Math.floor((labels.length - 1) / 2), labels.length - 1])].filter((i) => i >= 0);
  for (const i of marks) {
    const anchor = i === 0 ? 'start' : i === labels.length - 1 ? 'end' : 'middle';
    const x = i === 0 ? PAD.left : i === labels.length - 1 ? WIDTH - PAD.right : PAD.left + (i + 0.5) * step;
    nodes.push(svg('text', { class: 'axis', x, y: HEIGHT - 6, 'text-anchor': anchor }, bucketLabel(labels[i], granularity)));
  }

  const summary = `${title}: ${count(total)} ${up.name}${down ? `, ${count(totalDown)} ${down.name}` : ''} `
    + `over ${labels.length} ${granularity === 'day' ? 'days' : granularity === 'minute' ? 'minutes' : 'hours'}${unit}`;
  const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': summary,
    }, svg('title', {}, summary), nodes);
  return h('figure', { class: 'chart-figure', dataset: { total: String(total), totalDown: String(totalDown) } },
    chart,
    h('figcaption', {},
      h('span', { class: `key ${up.className ?? ''}` }), `${count(total)} ${up.name}`,
      down ? [' · ', h('span', { class: `key ${down.className ?? ''}` }), `${count(totalDown)} ${down.name}`] : null));
}

function bucketLabel(at, granularity) {
  const date = new Date(at);
  if (granularity === 'day') {
    return date.toLocaleDateString('en', { month: 'short', day: 'numeric' });
  }
  return date.toLocaleString('en', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** Buckets from..to (whole hours or days, UTC) as ISO strings, and the from/to query values. */
export function range(granularity, buckets) {
  const unitMs = granularity === 'day' ? 86400000 : granularity === 'minute' ? 60000 : 3600000;
  const to = new Date(Math.floor(Date.now() / unitMs) * unitMs);
  const from = new Date(to.getTime() - (buckets - 1) * unitMs);
  return { from: from.toISOString(), to: to.toISOString(), unitMs, buckets };
}

/** Values aligned on the range's buckets from [{at, value}] points (missing buckets are 0). */
export function align(span, points, pick = (p) => p.value) {
  const values = new Array(span.buckets).fill(0);
  const start = new Date(span.from).getTime();
  for (const point of points ?? []) {
    const i = Math.round((new Date(point.at).getTime() - start) / span.unitMs);
    if (i >= 0 && i < values.length) {
      values[i] += Number(pick(point) ?? 0);
    }
  }
  return values;
}

export const labelsOf = (span) => Array.from({ length: span.buckets },
  (_, i) => new Date(new Date(span.from).getTime() + i * span.unitMs).toISOString());
