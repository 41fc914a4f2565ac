/** Request references: `BETA-` and 10 random Crockford base32 characters (50 bits), unguessable enough to act as a read key for the status page. */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const REFERENCE_PATTERN = /^BETA-[0-9A-HJKMNP-TV-Z]{10}$/;

export function newReference(): string {
  const bytes = randomBytes(10);
  let out = 'BETA-';
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

/** Upper case and trimmed; undefined unless it has the shape of a reference. */
export function parseReference(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const ref = value.trim().toUpperCase();
  return REFERENCE_PATTERN.test(ref) ? ref : undefined;
}
