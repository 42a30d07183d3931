// Talks to the Instaclone API through the gateway (same origin).
// The access token lives only in this module's memory: never in localStorage, sessionStorage or a
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

async function send(method, path, { body, auth = true, retry = true } = {}) {
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
    });
  } catch {
    throw new ApiError(0, 'Network error', 'The server cannot be reached. Check your connection and try again.');
  }
  if (response.status === 401 && auth && retry && await refresh()) {
    return send(method, path, { body, auth, retry: false });
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

export const me = () => send('GET', '/api/accounts/me');
export const profile = (handle) => send('GET', `/api/users/${segment(handle)}`);
export const follow = (handle) => send('PUT', `/api/follows/${segment(handle)}`);
export const unfollow = (handle) => send('DELETE', `/api/follows/${segment(handle)}`);

export const follows = (follower, followee) =>
  send('GET', `/api/follows?follower=${segment(follower)}&followee=${segment(followee)}`);

/** relation is "followers" or "following"; returns {items, nextCursor}. */
export function people(handle, relation, cursor) {
  const query = new URLSearchParams({ limit: '20' });
  if (cursor) {
    query.set('cursor', cursor);
  }
  return send('GET', `/api/users/${segment(handle)}/${relation}?${query}`);
}
