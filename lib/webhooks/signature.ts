/**
 * The webhook signature scheme, with WebCrypto so the same code runs in Node and in the browser:
 * `Factuarea-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]`, where each `v1` is the lowercase hex
 * HMAC-SHA256 of `<t>.<raw body>` keyed with an endpoint secret (the whole `whsec_…` string).
 * `verifySignature` says whether a delivery is valid and, when it is not, why.
 */

export const SIGNATURE_HEADER = 'Factuarea-Signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;

export type VerifyReason =
  'valid' | 'missing_header' | 'missing_secret' | 'malformed_header' | 'timestamp_outside_tolerance' | 'no_matching_signature';

export interface VerifyResult {
  valid: boolean;
  reason: VerifyReason;
  /** The `t` of the header, when it could be read. */
  timestamp?: number;
  /** How many `v1` values the header carried. */
  signatures: number;
  /** The signature expected for the given secret (to compare by eye in the checker). */
  expected?: string;
  /** Seconds between `t` and now (positive when `t` is in the past). */
  age?: number;
  /** Whether one of the `v1` values matches, whatever the timestamp. */
  signatureMatches?: boolean;
}

export interface ParsedHeader {
  timestamp: number;
  signatures: string[];
}

/** Reads `t` and every `v1` of a header; unknown keys are ignored. Undefined when `t` or `v1` is missing. */
export function parseSignatureHeader(header: string): ParsedHeader | undefined {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d+$/.test(value)) timestamp = Number(value);
    else if (key === 'v1') signatures.push(value.toLowerCase());
  }
  if (timestamp === undefined || signatures.length === 0) return undefined;
  return { timestamp, signatures };
}

const encoder = new TextEncoder();

function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The `v1` value for a payload, a timestamp and a secret. */
export async function computeSignature(payload: string, timestamp: number, secret: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return toHex(await crypto.subtle.sign('HMAC', key, encoder.encode(`${timestamp}.${payload}`)));
}

/** A complete header for a payload signed with one or more secrets (the first is the current one). */
export async function signatureHeader(payload: string, timestamp: number, secrets: string[]): Promise<string> {
  const values = await Promise.all(secrets.map((s) => computeSignature(payload, timestamp, s)));
  return [`t=${timestamp}`, ...values.map((v) => `v1=${v}`)].join(',');
}

/** Compares two strings in time that depends only on their length. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export async function verifySignature(
  payload: string,
  header: string,
  secret: string,
  options: { toleranceSeconds?: number; now?: number } = {},
): Promise<VerifyResult> {
  if (!header.trim()) return { valid: false, reason: 'missing_header', signatures: 0 };
  if (!secret.trim()) return { valid: false, reason: 'missing_secret', signatures: 0 };
  const parsed = parseSignatureHeader(header);
  if (!parsed) return { valid: false, reason: 'malformed_header', signatures: 0 };
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const age = now - parsed.timestamp;
  const expected = await computeSignature(payload, parsed.timestamp, secret.trim());
  const base = { timestamp: parsed.timestamp, signatures: parsed.signatures.length, expected, age };
  // Every v1 is compared, so a header from a rotation (two secrets) is valid if either one matches.
  const match = parsed.signatures.some((s) => constantTimeEqual(s, expected));
  if (!match) return { ...base, signatureMatches: false, valid: false, reason: 'no_matching_signature' };
  if (Math.abs(age) > tolerance) return { ...base, signatureMatches: true, valid: false, reason: 'timestamp_outside_tolerance' };
  return { ...base, signatureMatches: true, valid: true, reason: 'valid' };
}
