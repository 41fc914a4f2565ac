/** Reads a body into memory up to a byte limit, stopping (and cancelling the stream) as soon as the limit is passed. */

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; tooLarge: true };

export async function readBounded(body: ReadableStream<Uint8Array> | null, limit: number): Promise<ReadResult> {
  if (!body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
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
