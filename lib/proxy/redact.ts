/** Removes server-held keys from what goes back to the browser: every occurrence in a body or a header value is masked. */
import { maskKey } from './keys';

/** Header values must stay Latin-1, so there the mask is ASCII: `fact_test_***8Xa`. */
export const asciiMask = (key: string) => maskKey(key).replace('…', '***');

export function redactText(text: string, secrets: readonly string[], mask: (key: string) => string = maskKey): string {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join(mask(s));
  return out;
}

export function redactBytes(bytes: Uint8Array, secrets: readonly string[]): Uint8Array {
  let buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const s of secrets) {
    if (!s || buf.indexOf(s) === -1) continue;
    const needle = Buffer.from(s);
    const mask = Buffer.from(maskKey(s));
    const parts: Buffer[] = [];
    let from = 0;
    for (let at = buf.indexOf(needle); at !== -1; at = buf.indexOf(needle, from)) {
      parts.push(buf.subarray(from, at), mask);
      from = at + needle.length;
    }
    parts.push(buf.subarray(from));
    buf = Buffer.concat(parts);
  }
  return buf;
}
