// Talks to the Instaclone API through the gateway (same origin).
// The access token lives only in this module's memory: never in Web Storage or a
// readable cookie, so a reload forgets it. The refresh token is an HttpOnly cookie the page cannot
// read (follow-service sets it for browsers), so a reload can get a new access token silently.

let accessToken = null;
// Only set if the server returned the refresh token in the body (non-browser clients); browsers
// get it as an HttpOnly cookie instead.
let refreshToken = null;
let refreshTimer = null;
let refreshing = null;
const listeners = new Set();

/** An error answered by the API (RFC 9457 problem details) or a network failure (status 0). */
export class ApiError extends Error {
  constructor(status, title, detail, errors = []) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
  }
}

export function onSessionChange(listener) {
  listeners.add(listener);
}

export function signedIn() {
  return accessToken !== null;
}

function setSession(tokens) {
  accessToken = tokens.accessToken;
  if (tokens.refreshToken) {
    refreshToken = tokens.refreshToken;
  }
  clearTimeout(refreshTimer);
  // renew a minute before expiry so requests rarely meet an expired token
  const renewInMs = Math.max(10, (tokens.expiresIn ?? 900) - 60) * 1000;
  refreshTimer = setTimeout(() => refresh(), renewInMs);
  listeners.forEach((listener) => listener(tokens.account ?? null));
}

function clearSession() {
  const wasSignedIn = accessToken !== null;
  accessToken = null;
  refreshToken = null;
  clearTimeout(refreshTimer);
  if (wasSignedIn) {
    listeners.forEach((listener) => listener(null));
  }
}

async function problemFrom(response) {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const body = await response.json();
      if (body && (body.title || body.detail)) {
        return new ApiError(response.status, body.title ?? `Error ${response.status}`, body.detail ?? '',
          Array.isArray(body.errors) ? body.errors : []);
      }
    } catch {
      // fall through to the generic message
    }
  }
  return new ApiError(response.status, `Error ${response.status}`, response.statusText || 'The request failed.');
}

async function send(method, path, { body, auth = true, retry = true, signal, keepalive = false } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (auth && accessToken) {
    headers.Authorization = `Bearer ${accessToken}`;
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal,
      keepalive,
    });
  } catch (error) {
    if (error?.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, 'Network error', 'The server cannot be reached. Check your connection and try again.');
  }
  if (response.status === 401 && auth && retry && await refresh()) {
    return send(method, path, { body, auth, retry: false, signal, keepalive });
  }
  if (!response.ok) {
    throw await problemFrom(response);
  }
  if (response.status === 204 || !(response.headers.get('Content-Type') ?? '').includes('json')) {
    return null;
  }
  return response.json();
}

/** Gets a new access token with the refresh token (cookie or memory); false if the session is over. */
export function refresh() {
  if (!refreshing) {
    refreshing = send('POST', '/api/accounts/refresh', {
      body: refreshToken ? { refreshToken } : undefined,
      auth: false,
      retry: false,
    })
      .then((tokens) => {
        setSession(tokens);
        return true;
      })
      .catch(() => {
        clearSession();
        return false;
      })
      .finally(() => {
        refreshing = null;
      });
  }
  return refreshing;
}

export async function signUp(handle, email, password) {
  setSession(await send('POST', '/api/accounts', { body: { handle, email, password }, auth: false }));
}

export async function signIn(login, password) {
  setSession(await send('POST', '/api/accounts/sign-in', { body: { login, password }, auth: false }));
}

/** The signed-in account's id, handle and roles as the page last learnt them (null when signed out). */
export let account = null;
onSessionChange((next) => {
  account = next;
});

export async function signOut() {
  try {
    await send('POST', '/api/accounts/sign-out', {
      body: refreshToken ? { refreshToken } : undefined,
      auth: false,
      retry: false,
    });
  } finally {
    clearSession();
  }
}

const segment = (value) => encodeURIComponent(value);

/** "?a=1&b=2" from an object, leaving out empty values; "" when nothing is left. */
function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') {
      search.set(name, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

// ---- accounts and the follow graph (follow-service) ----------------------------------------------

export const me = () => send('GET', '/api/accounts/me');
export const profile = (handle) => send('GET', `/api/users/${segment(handle)}`);
export const updateMe = (changes) => send('PATCH', '/api/users/me', { body: changes });
export const follow = (handle) => send('PUT', `/api/follows/${segment(handle)}`);
export const unfollow = (handle) => send('DELETE', `/api/follows/${segment(handle)}`);

export const follows = (follower, followee) =>
  send('GET', `/api/follows${query({ follower, followee })}`);

/** relation is "followers" or "following"; returns {items, nextCursor}. */
export const people = (handle, relation, cursor) =>
  send('GET', `/api/users/${segment(handle)}/${relation}${query({ limit: 20, cursor })}`);

// ---- posts, media and the feed (upload-service) --------------------------------------------------

export const feed = (cursor, limit = 10) => send('GET', `/api/feed${query({ limit, cursor })}`);
export const post = (id) => send('GET', `/api/posts/${segment(id)}`);
export const deletePost = (id) => send('DELETE', `/api/posts/${segment(id)}`);
export const postsBy = (authorId, cursor, limit = 24) => send('GET', `/api/posts${query({ author: authorId, limit, cursor })}`);
export const postsTagged = (hashtag, cursor, limit = 24) =>
  send('GET', `/api/posts${query({ hashtag: hashtag.replace(/^#/, ''), limit, cursor })}`);

/**
 * Uploads a photo post with XMLHttpRequest, the one browser API that reports upload progress.
 * onProgress gets 0..1. Returns {promise, abort}. A 401 refreshes the token and retries once.
 */
export function uploadPost(file, caption, onProgress) {
  let xhr = null;
  let aborted = false;
  const attempt = (retry) => new Promise((resolve, reject) => {
    xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/posts');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    if (accessToken) {
      xhr.setRequestHeader('Authorization', `Bearer ${accessToken}`);
    }
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded / event.total);
      }
    });
    xhr.addEventListener('load', async () => {
      if (xhr.status === 401 && retry && await refresh()) {
        attempt(false).then(resolve, reject);
        return;
      }
      let body = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // not JSON: handled below
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body);
      } else if (body && (body.title || body.detail)) {
        reject(new ApiError(xhr.status, body.title ?? `Error ${xhr.status}`, body.detail ?? '', body.errors ?? []));
      } else {
        reject(new ApiError(xhr.status, `Error ${xhr.status}`, 'The upload failed.'));
      }
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'Network error',
      'The upload was interrupted. Check your connection and try again.')));
    xhr.addEventListener('abort', () => reject(new ApiError(0, 'Upload cancelled', 'Nothing was posted.')));
    const form = new FormData();
    form.append('image', file, file.name);
    if (caption) {
      form.append('caption', caption);
    }
    if (aborted) {
      xhr.abort();
    } else {
      xhr.send(form);
    }
  });
  return {
    promise: attempt(true),
    abort: () => {
      aborted = true;
      xhr?.abort();
    },
  };
}

// ---- ads (ads-service) ---------------------------------------------------------------------------

/**
 * Ad placements for slots beside the feed, or [] when ads-service fails or takes longer than
 * timeoutMs: the feed never waits on ads and never shows an error for them.
 */
export async function placements(slots, hashtags, timeoutMs = 800) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const answer = await send('GET', `/api/ads/placements${query({ slots, hashtags: hashtags.join(',') })}`,
      { signal: controller.signal, retry: false });
    return Array.isArray(answer?.placements) ? answer.placements : [];
  } catch {
    return [];
  } finally {
    clearTimeout(timer);
  }
}

/** Reports an ad seen (idempotent on the server); failures are ignored. */
export const reportImpression = (url) => send('POST', url, { keepalive: true }).catch(() => null);

/** Counts a click: the redirect answer is not followed (the page opens the link itself). */
export function reportClick(url) {
  if (!accessToken) {
    return;
  }
  fetch(url, { headers: { Authorization: `Bearer ${accessToken}` }, redirect: 'manual', keepalive: true,
    credentials: 'same-origin', cache: 'no-store' }).catch(() => null);
}

export const campaigns = (cursor) => send('GET', `/api/ads/campaigns${query({ limit: 50, cursor })}`);
export const campaign = (id) => send('GET', `/api/ads/campaigns/${segment(id)}`);
export const createCampaign = (body) => send('POST', '/api/ads/campaigns', { body });
export const campaignAction = (id, action) => send('POST', `/api/ads/campaigns/${segment(id)}/${action}`);

// ---- metrics (metrics-service) -------------------------------------------------------------------

/** Sends a batch of post views; the same eventIds again on a retry. */
export const sendViews = (views, keepalive = false) => send('POST', '/api/metrics/views', { body: { views }, keepalive });
export const followerSeries = (granularity, from, to) =>
  send('GET', `/api/metrics/me/followers/series${query({ granularity, from, to })}`);
export const postViews = (postId, granularity, from, to) =>
  send('GET', `/api/metrics/posts/${segment(postId)}/views${query({ granularity, from, to })}`);
export const topPosts = (limit = 10) => send('GET', `/api/metrics/me/top-posts${query({ limit })}`);
export const campaignSeries = (campaignId, granularity, from, to) =>
  send('GET', `/api/metrics/campaigns/${segment(campaignId)}${query({ granularity, from, to })}`);

// ---- integrations (integrations-service) ---------------------------------------------------------

const apps = '/api/integrations/apps';
export const listApps = (cursor) => send('GET', `${apps}${query({ limit: 50, cursor })}`);
export const app = (id) => send('GET', `${apps}/${segment(id)}`);
export const createApp = (body) => send('POST', apps, { body });
export const deleteApp = (id) => send('DELETE', `${apps}/${segment(id)}`);
export const endpoints = (appId) => send('GET', `${apps}/${segment(appId)}/endpoints${query({ limit: 100 })}`);
export const createEndpoint = (appId, body) => send('POST', `${apps}/${segment(appId)}/endpoints`, { body });
export const deleteEndpoint = (appId, endpointId) =>
  send('DELETE', `${apps}/${segment(appId)}/endpoints/${segment(endpointId)}`);
export const rotateSecret = (appId, endpointId) =>
  send('POST', `${apps}/${segment(appId)}/endpoints/${segment(endpointId)}/secret/rotate`);
export const enableEndpoint = (appId, endpointId) =>
  send('POST', `${apps}/${segment(appId)}/endpoints/${segment(endpointId)}/enable`);
export const deliveries = (appId, cursor) =>
  send('GET', `${apps}/${segment(appId)}/deliveries${query({ limit: 20, cursor })}`);
export const attempts = (appId, deliveryId) =>
  send('GET', `${apps}/${segment(appId)}/deliveries/${segment(deliveryId)}/attempts${query({ limit: 20 })}`);
export const replay = (appId, deliveryId) =>
  send('POST', `${apps}/${segment(appId)}/deliveries/${segment(deliveryId)}/replay`);
