/**
 * The console's state and requests in the browser, for this visit only (sessionStorage, never localStorage): the
 * key the visitor pasted and the history of requests and responses. Keys are never written into the history —
 * only whose key it was, masked.
 */
import type { SentRequest } from '@/lib/console/snippets';

export interface ConsoleResponse {
  status: number;
  headers: [string, string][];
  /** The body as text (cut at BODY_LIMIT characters), or a note for binary bodies. */
  body: string;
  binary: boolean;
  truncated: boolean;
}

export interface HistoryEntry {
  id: string;
  at: number;
  /** `POST /clients`: the method and the path under the API's base URL. */
  label: string;
  request: SentRequest;
  response?: ConsoleResponse;
  /** A network error, when there is no response. */
  error?: string;
  ms: number;
  replayOf?: string;
}

export interface SessionInfo {
  mode: 'visitor' | 'shared' | 'none';
  label: string;
  base: string;
  embedded: boolean;
  resettable: boolean;
}

const KEY_ITEM = 'factuarea:console-key';
const HISTORY_ITEM = 'factuarea:console-history';
const HISTORY_MAX = 20;
const BODY_LIMIT = 50_000;
export const PROXY_URL = '/api/proxy';
/** What the history keeps instead of a multipart body. */
export const FORM_DATA = '[form data]';

const LIVE = /fact_live_/i;
const TEST = /^fact_test_[A-Za-z0-9]{1,64}$/;

export const maskKey = (key: string) => `${/^fact_(test|live)_/.exec(key)?.[0] ?? ''}…${key.slice(-3)}`;

type Listener = () => void;
const listeners = new Set<Listener>();
const emit = () => listeners.forEach((l) => l());
export const subscribe = (l: Listener) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

function read<T>(item: string, fallback: T): T {
  try {
    const raw = sessionStorage.getItem(item);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

// The own key
let ownKey: string | null | undefined;
export function getOwnKey(): string | null {
  if (ownKey === undefined) ownKey = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(KEY_ITEM);
  return ownKey;
}
/** Saves a pasted key for this visit; returns why it was refused, if it was. */
export function setOwnKey(input: string): string | undefined {
  const key = input.trim();
  if (LIVE.test(key))
    return 'Live keys (fact_live_…) are refused: the console only works on test data. It was not saved or sent. Paste a fact_test_ key.';
  if (!TEST.test(key)) return 'That does not look like a test key: it starts with fact_test_ followed by letters and digits.';
  sessionStorage.setItem(KEY_ITEM, key);
  ownKey = key;
  emit();
  return undefined;
}
export function forgetOwnKey() {
  sessionStorage.removeItem(KEY_ITEM);
  ownKey = null;
  emit();
}

// History
let history: HistoryEntry[] | undefined;
export function getHistory(): HistoryEntry[] {
  history ??= typeof sessionStorage === 'undefined' ? [] : read<HistoryEntry[]>(HISTORY_ITEM, []);
  return history;
}
/** A live key typed into a request (the proxy refuses it) is not kept, even in this tab's history. */
const maskLive = (s: string) => s.replace(/fact_live_[A-Za-z0-9]*/gi, (k) => maskKey(k));

export function addToHistory(entry: HistoryEntry) {
  const list = getHistory();
  if (list.some((e) => e.id === entry.id)) return;
  const { request } = entry;
  const kept: HistoryEntry = {
    ...entry,
    request: {
      ...request,
      url: maskLive(request.url),
      headers: request.headers.map(([k, v]) => [k, maskLive(v)]),
      ...(request.body !== undefined ? { body: maskLive(request.body) } : {}),
    },
  };
  history = [kept, ...list].slice(0, HISTORY_MAX);
  try {
    sessionStorage.setItem(HISTORY_ITEM, JSON.stringify(history));
  } catch {
    /* storage full: the history still lives in memory for this page */
  }
  emit();
}

const TEXTUAL = /json|text|xml|javascript|csv|html/i;

export function toResponse(status: number, headers: Headers, body: ArrayBuffer): ConsoleResponse {
  const type = headers.get('content-type') ?? '';
  const binary = body.byteLength > 0 && !TEXTUAL.test(type);
  let text = binary ? `${type || 'Binary'} body, ${body.byteLength} bytes` : new TextDecoder().decode(body);
  const truncated = text.length > BODY_LIMIT;
  if (truncated) text = text.slice(0, BODY_LIMIT);
  return { status, headers: [...headers.entries()], body: text, binary, truncated };
}

export function labelOf(request: SentRequest, base: string): string {
  let path = request.url;
  try {
    const u = new URL(request.url);
    const basePath = new URL(base, window.location.href).pathname.replace(/\/$/, '');
    path = u.pathname.startsWith(basePath) ? u.pathname.slice(basePath.length) : u.pathname;
  } catch {
    /* keep the URL as it is */
  }
  return `${request.method} ${path}`;
}

let counter = 0;
const newId = () => `${Date.now().toString(36)}-${(counter++).toString(36)}`;

/**
 * Sends a request through the proxy — the visitor's pasted key in `Authorization` if there is one, else none (the
 * proxy adds the site's) — and records it with its response and the time the browser waited, in the history.
 */
export async function send(request: SentRequest, body: BodyInit | undefined, base: string, replayOf?: string): Promise<HistoryEntry> {
  const headers = new Headers(request.headers);
  if (request.key.owner === 'own') {
    const own = getOwnKey();
    if (!own || maskKey(own) !== request.key.masked)
      throw new Error(`This request was sent with your key ${request.key.masked ?? ''}: paste it again to send it.`);
    headers.set('authorization', `Bearer ${own}`);
  }
  const startedAt = performance.now();
  const entry: Omit<HistoryEntry, 'ms'> = {
    id: newId(),
    at: Date.now(),
    label: labelOf(request, base),
    request,
    ...(replayOf ? { replayOf } : {}),
  };
  let result: HistoryEntry;
  try {
    const res = await fetch(`${PROXY_URL}?url=${encodeURIComponent(request.url)}`, {
      method: request.method,
      headers,
      body,
      credentials: 'same-origin',
      cache: 'no-store',
    });
    const bytes = await res.arrayBuffer();
    result = { ...entry, ms: performance.now() - startedAt, response: toResponse(res.status, res.headers, bytes) };
  } catch (error) {
    result = {
      ...entry,
      ms: performance.now() - startedAt,
      error: `The request did not complete: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  addToHistory(result);
  return result;
}

/** Sends a request from the history again, exactly as it was (same Idempotency-Key, same key owner). */
export function replay(entry: HistoryEntry, base: string): Promise<HistoryEntry> {
  if (entry.request.body === FORM_DATA)
    return Promise.reject(new Error('File uploads are not kept in the history, so they cannot be replayed.'));
  return send(entry.request, entry.request.body, base, entry.id);
}

// Session
let session: Promise<SessionInfo> | undefined;
export function loadSession(force = false): Promise<SessionInfo> {
  if (force || !session)
    session = fetch(`${PROXY_URL}/session`, { credentials: 'same-origin', cache: 'no-store' }).then(async (r) => {
      if (!r.ok) throw new Error(`The console could not start (${r.status}).`);
      return (await r.json()) as SessionInfo;
    });
  session.catch(() => (session = undefined));
  return session;
}

/** "Reset my sandbox": a new visitor cookie, so the next request gets a fresh, seeded sandbox company. */
export async function resetSandbox(): Promise<void> {
  const r = await fetch(`${PROXY_URL}/session`, { method: 'POST', credentials: 'same-origin', cache: 'no-store' });
  if (!r.ok) {
    const body = (await r.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `Reset failed (${r.status}).`);
  }
}

/** A UUID v7 (time-ordered), the form the API recommends for Idempotency-Key. */
export function uuidv7(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const ms = Date.now();
  for (let i = 0; i < 6; i++) bytes[i] = Math.floor(ms / 2 ** (8 * (5 - i))) & 0xff;
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Removes what older versions of the console (the stock playground) left in localStorage: auth values and the server URL. */
export function clearLegacyStorage() {
  try {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const k = localStorage.key(i);
      if (k && /^(fumadocs-openapi-|factuarea-console-)/.test(k)) localStorage.removeItem(k);
    }
  } catch {
    /* storage unavailable */
  }
}
