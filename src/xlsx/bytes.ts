/**
 * Byte arrays joined, for the reading and the writing sides alike (no Node API: the pane uses it).
 */

/** The chunks joined into one array (`size`: their total length); a single chunk is returned as is. */
export function concatBytes(
  chunks: readonly Uint8Array[],
  size = chunks.reduce((n, c) => n + c.length, 0),
): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
