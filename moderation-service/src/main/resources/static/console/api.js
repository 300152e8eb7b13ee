// Talks to the review queue API with the same credentials as any other client.
//
// Why this way in: the API is stateless (HTTP Basic or a bearer token on every request) and stays so.
// The sign-in form builds the Authorization value once and keeps it in this tab's sessionStorage (gone
// when the tab closes, never shared with other tabs, never a cookie), so there is no session to steal
// from another site and no CSRF to defend. Every request says credentials: 'omit': the API's 401 names
// "Basic", and for a request that includes credentials the browser would answer that with its own
// sign-in dialog (and replay what was typed there on later requests); with credentials omitted it never
// prompts and hands the 401 to this code, which shows the sign-in form instead.

import {SseParser} from './sse.js';

const STORAGE_KEY = 'moderation-console.authorization';

let authorization = sessionStorage.getItem(STORAGE_KEY);
let unauthorizedListener = () => {};

/** An error answer of the API: its status and its problem+json body (or null). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** The Authorization value for a user name and password, UTF-8 as Spring Security decodes it. */
export function basic(username, password) {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return `Basic ${btoa(binary)}`;
}

export function bearer(token) {
  return `Bearer ${token.trim()}`;
}

export function signedIn() {
  return authorization !== null;
}

/** Tries credentials against GET /api/v1/me; keeps them only when they work. */
export async function signIn(candidate) {
  const response = await fetch('/api/v1/me', {
    headers: {Accept: 'application/json', Authorization: candidate},
    credentials: 'omit',
    cache: 'no-store',
  });
  if (!response.ok) {
    throw new ApiError(response.status, await problem(response));
  }
  authorization = candidate;
  sessionStorage.setItem(STORAGE_KEY, candidate);
  return response.json();
}

export function signOut() {
  authorization = null;
  sessionStorage.removeItem(STORAGE_KEY);
}

/** Called when the API refuses the stored credentials (401), e.g. after a password change. */
export function onUnauthorized(listener) {
  unauthorizedListener = listener;
}

/** A JSON request; resolves to the parsed body (null for 204), rejects with ApiError. */
export async function request(method, path, body, {signal} = {}) {
  const response = await call(method, path, body, 'application/json', signal);
  if (response.status === 204) {
    return null;
  }
  return response.json();
}

/**
 * Reads a server-sent events stream until it ends or signal aborts; onOpen when the answer arrives,
 * onEvent for each event. Resolves when the stream ends, rejects on a network error.
 */
export async function stream(path, {onOpen, onEvent, signal}) {
  const response = await call('GET', path, undefined, 'text/event-stream', signal);
  onOpen();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new SseParser();
  for (;;) {
    const {value, done} = await reader.read();
    if (done) {
      return;
    }
    for (const event of parser.push(value)) {
      onEvent(event);
    }
  }
}

async function call(method, path, body, accept, signal) {
  if (authorization === null) {
    throw new ApiError(401, null);
  }
  const headers = {Accept: accept, Authorization: authorization};
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit',
    cache: 'no-store',
    signal,
  });
  if (response.status === 401) {
    signOut();
    unauthorizedListener();
  }
  if (!response.ok) {
    throw new ApiError(response.status, await problem(response));
  }
  return response;
}

async function problem(response) {
  const type = response.headers.get('Content-Type') || '';
  if (!type.includes('json')) {
    return null;
  }
  try {
    return await response.json();
  } catch {
    return null;
  }
}
