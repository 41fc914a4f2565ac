/**
 * Flags prose in our document that reuses the reference document's sentences: any run of
 * `RUN` consecutive words shared with a reference description, summary or title.
 */
import type { Json } from './bundle';
import { escapePointer, isObject } from './walk';

export const RUN = 8;
const PROSE_KEYS = new Set(['description', 'summary', 'title', 'cause', 'fix']);

const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[`*_[\]()"'.,;:!?¿¡—–-]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);

function* runs(s: string, n = RUN) {
  const w = words(s);
  for (let i = 0; i + n <= w.length; i++) yield w.slice(i, i + n).join(' ');
}

/** Every prose string of a document, with where it sits. */
export function proseOf(node: Json, pointer = '#', out: { pointer: string; text: string }[] = []) {
  if (Array.isArray(node)) node.forEach((v, i) => proseOf(v, `${pointer}/${i}`, out));
  else if (isObject(node))
    for (const [k, v] of Object.entries(node)) {
      const p = `${pointer}/${escapePointer(k)}`;
      if (PROSE_KEYS.has(k) && typeof v === 'string') out.push({ pointer: p, text: v });
      else proseOf(v, p, out);
    }
  return out;
}

export function referenceRuns(reference: Json): Set<string> {
  const set = new Set<string>();
  for (const { text } of proseOf(reference)) for (const r of runs(text)) set.add(r);
  return set;
}

export function copiedProse(ours: Json, referenceSet: Set<string>) {
  const hits: { pointer: string; text: string; run: string }[] = [];
  for (const { pointer, text } of proseOf(ours)) {
    for (const r of runs(text))
      if (referenceSet.has(r)) {
        hits.push({ pointer, text, run: r });
        break;
      }
  }
  return hits;
}
