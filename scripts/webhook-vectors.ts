/**
 * Writes public/webhooks/test-vectors.json: fixed payloads, secrets, timestamps and headers for the webhook
 * signature scheme, each with the verdict a correct verifier reaches. Signatures are computed here with
 * node:crypto, independently of lib/webhooks. Usage: npx tsx scripts/webhook-vectors.ts [--check]
 */
import { createHmac } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT = join(process.cwd(), 'public/webhooks/test-vectors.json');
const doc = JSON.parse(readFileSync(join(process.cwd(), 'openapi/dist/openapi.json'), 'utf8'));

const SECRET = 'whsec_9fK2mQ7xL4vB8nR1tY6pW3sZ0cD5hJ2a'; // the endpoint's current secret (DATASET.md)
const PREVIOUS = 'whsec_4tG8pL1xQ6mZ3cV9bN2rK7yH5wD0sF3j'; // the secret before a rotation
const OTHER = 'whsec_7hW1nC5vR9kT2xB6mQ0pL3zF8dJ4sY1e'; // a secret of some other endpoint

// The invoice.paid delivery of FV2026-0042, serialised compactly as Factuarea sends it.
const paid = JSON.stringify(doc.components.examples.WebhookPayloadInvoicePaid.value);
const ping = JSON.stringify({
  id: '019d4d43-1c20-7b8e-a3f4-2d6e9c0b7a15',
  type: 'webhook.ping',
  api_version: '2026-06-01',
  created: 1775117760,
  livemode: false,
  data: { object: { message: 'ping' } },
});
const T = 1775117703; // two seconds after the event was recorded

const v1 = (secret: string, t: number, body: string) => createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex');

interface Vector {
  name: string;
  description: string;
  secret: string;
  payload: string;
  header: string;
  now: number;
  tolerance_seconds: number;
  expected: { valid: boolean; reason: string };
}

const base = { tolerance_seconds: 300 };
const vectors: Vector[] = [
  {
    name: 'valid',
    description: 'One v1 signature made with the current secret, received two seconds later.',
    secret: SECRET,
    payload: paid,
    header: `t=${T},v1=${v1(SECRET, T, paid)}`,
    now: T + 2,
    ...base,
    expected: { valid: true, reason: 'valid' },
  },
  {
    name: 'valid_ping',
    description: 'A webhook.ping test delivery.',
    secret: SECRET,
    payload: ping,
    header: `t=1775117760,v1=${v1(SECRET, 1775117760, ping)}`,
    now: 1775117761,
    ...base,
    expected: { valid: true, reason: 'valid' },
  },
  {
    name: 'rotation_current_secret',
    description: 'During a rotation the header carries one v1 per secret; the receiver already has the new secret.',
    secret: SECRET,
    payload: paid,
    header: `t=${T},v1=${v1(SECRET, T, paid)},v1=${v1(PREVIOUS, T, paid)}`,
    now: T + 2,
    ...base,
    expected: { valid: true, reason: 'valid' },
  },
  {
    name: 'rotation_previous_secret',
    description: 'The same rotation header; the receiver still has the previous secret.',
    secret: PREVIOUS,
    payload: paid,
    header: `t=${T},v1=${v1(SECRET, T, paid)},v1=${v1(PREVIOUS, T, paid)}`,
    now: T + 2,
    ...base,
    expected: { valid: true, reason: 'valid' },
  },
  {
    name: 'unknown_keys_ignored',
    description: 'Keys other than t and v1 (a future scheme) are ignored.',
    secret: SECRET,
    payload: paid,
    header: `t=${T},v0=0000,v1=${v1(SECRET, T, paid)},v2=ffff`,
    now: T + 2,
    ...base,
    expected: { valid: true, reason: 'valid' },
  },
  {
    name: 'tolerance_edge',
    description: 'Received exactly 300 seconds after t: still inside the tolerance.',
    secret: SECRET,
    payload: paid,
    header: `t=${T},v1=${v1(SECRET, T, paid)}`,
    now: T + 300,
    ...base,
    expected: { valid: true, reason: 'valid' },
  },
  {
    name: 'wrong_secret',
    description: 'Signed with another endpoint’s secret.',
    secret: SECRET,
    payload: paid,
    header: `t=${T},v1=${v1(OTHER, T, paid)}`,
    now: T + 2,
    ...base,
    expected: { valid: false, reason: 'no_matching_signature' },
  },
  {
    name: 'secret_without_prefix',
    description: 'The key is the whole secret, whsec_ included; signing with the part after the prefix does not match.',
    secret: SECRET,
    payload: paid,
    header: `t=${T},v1=${v1(SECRET.slice('whsec_'.length), T, paid)}`,
    now: T + 2,
    ...base,
    expected: { valid: false, reason: 'no_matching_signature' },
  },
  {
    name: 'tampered_body',
    description: 'The total was changed after signing.',
    secret: SECRET,
    payload: paid.replace('"total":1466.52', '"total":1.52'),
    header: `t=${T},v1=${v1(SECRET, T, paid)}`,
    now: T + 2,
    ...base,
    expected: { valid: false, reason: 'no_matching_signature' },
  },
  {
    name: 'reserialised_body',
    description: 'The body was parsed and serialised again (indented): the bytes differ, so the signature does not match.',
    secret: SECRET,
    payload: JSON.stringify(JSON.parse(paid), null, 2),
    header: `t=${T},v1=${v1(SECRET, T, paid)}`,
    now: T + 2,
    ...base,
    expected: { valid: false, reason: 'no_matching_signature' },
  },
  {
    name: 'timestamp_swapped',
    description: 't was changed after signing (an attacker replaying an old signature with a fresh time).',
    secret: SECRET,
    payload: paid,
    header: `t=${T + 60},v1=${v1(SECRET, T, paid)}`,
    now: T + 62,
    ...base,
    expected: { valid: false, reason: 'no_matching_signature' },
  },
  {
    name: 'too_old',
    description: 'A correct signature received 301 seconds after t: a possible replay.',
    secret: SECRET,
    payload: paid,
    header: `t=${T},v1=${v1(SECRET, T, paid)}`,
    now: T + 301,
    ...base,
    expected: { valid: false, reason: 'timestamp_outside_tolerance' },
  },
  {
    name: 'from_the_future',
    description: 'A correct signature whose t is 301 seconds ahead of the receiver’s clock.',
    secret: SECRET,
    payload: paid,
    header: `t=${T},v1=${v1(SECRET, T, paid)}`,
    now: T - 301,
    ...base,
    expected: { valid: false, reason: 'timestamp_outside_tolerance' },
  },
  {
    name: 'missing_timestamp',
    description: 'No t in the header.',
    secret: SECRET,
    payload: paid,
    header: `v1=${v1(SECRET, T, paid)}`,
    now: T + 2,
    ...base,
    expected: { valid: false, reason: 'malformed_header' },
  },
  {
    name: 'missing_signature',
    description: 'No v1 in the header.',
    secret: SECRET,
    payload: paid,
    header: `t=${T}`,
    now: T + 2,
    ...base,
    expected: { valid: false, reason: 'malformed_header' },
  },
  {
    name: 'non_numeric_timestamp',
    description: 't is not a number of seconds.',
    secret: SECRET,
    payload: paid,
    header: `t=2026-04-02T08:15:03Z,v1=${v1(SECRET, T, paid)}`,
    now: T + 2,
    ...base,
    expected: { valid: false, reason: 'malformed_header' },
  },
];

const json = `${JSON.stringify({ scheme: 'Factuarea-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the whole endpoint secret>', vectors }, null, 2)}\n`;
if (process.argv.includes('--check')) {
  if (readFileSync(OUT, 'utf8') !== json) {
    console.error('public/webhooks/test-vectors.json is stale: run npx tsx scripts/webhook-vectors.ts');
    process.exit(1);
  }
} else writeFileSync(OUT, json);
