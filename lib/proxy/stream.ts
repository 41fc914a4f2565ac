/**
 * Reads a body into memory up to a byte limit, stopping (and cancelling the stream) as soon as the limit is
 * passed, or as soon as `signal` aborts (a client sending its body too slowly).
 */

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; tooLarge: true } | { ok: false; timedOut: true };

export async function readBounded(body: ReadableStream<Uint8Array> | null, limit: number, signal?: AbortSignal): Promise<ReadResult> {
  if (!body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const aborted = new Promise<'aborted'>((resolve) => {
    if (signal?.aborted) resolve('aborted');
    signal?.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
  for (;;) {
    const next = await Promise.race([reader.read(), aborted]);
    if (next === 'aborted') {
      await reader.cancel().catch(() => {});
      return { ok: false, timedOut: true };
    }
    const { done, value } = next;
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return { ok: false, tooLarge: true };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { ok: true, bytes };
}
