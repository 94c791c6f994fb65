/**
 * A small zip writer for .xlsx packages: deflated entries, CRC-32, UTF-8 names, no zip64 (a
 * package over 4 GB cannot be written; Excel's own limits end far below). The deflater is passed in
 * (Node's zlib in the CLI, which was faster than the JavaScript ones here; another in a browser),
 * so this module has no Node API. An entry is deflated whole (`Deflater`) or chunk by chunk as it
 * is made (`StreamingZip`: the CLI's report, deflated on Node's thread pool while the next chunk
 * of XML is written).
 */

import { concatBytes } from "../bytes";

/** Raw deflate (RFC 1951, no zlib or gzip header) of some bytes. */
export type Deflater = (data: Uint8Array) => Uint8Array;

/** A CRC-32 function; `crc32` below, or a native one (Node's `zlib.crc32`, ten times faster). */
export type Checksum = (data: Uint8Array) => number;

export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
}

/** One entry's raw deflate, fed chunk by chunk. */
export interface StreamDeflater {
  /**
   * Takes the next chunk (left unchanged by the caller afterwards, at least until `consumed` is
   * called: the deflater no longer reads it); the caller awaits the result before making the next
   * chunk, which lets a deflater working elsewhere (another thread) pick up what it has done.
   */
  write(chunk: Uint8Array, consumed?: () => void): Promise<void> | void;
  /** The raw deflate (RFC 1951) of all the chunks written, in order (in one array or in pieces). */
  end(): Promise<Uint8Array | readonly Uint8Array[]>;
}

/** How entries are deflated chunk by chunk, and their CRC-32 computed along. */
export interface StreamingZip {
  /** A new deflater, for one entry. */
  deflater(): StreamDeflater;
  /** CRC-32 continued over more bytes: `previous` is the CRC-32 of the bytes before (0 at first). */
  checksum(data: Uint8Array, previous: number): number;
}

/** An entry ready for the zip: its body deflated (or stored as it is), with what the headers say. */
export interface PackedEntry {
  readonly name: string;
  /** CRC-32 and size of the uncompressed bytes. */
  readonly crc: number;
  readonly size: number;
  /** True: `body` is the bytes themselves (deflate did not make them smaller). */
  readonly stored: boolean;
  /** The bytes as zipped, in one array or in pieces (the deflater's output, not joined). */
  readonly body: Uint8Array | readonly Uint8Array[];
}

/** An entry's body as a list of pieces. */
const bodyPieces = (body: PackedEntry["body"]): readonly Uint8Array[] => (isPieces(body) ? body : [body]);

/** How many bytes an entry's body holds. */
const bodyLength = (body: PackedEntry["body"]): number =>
  isPieces(body) ? body.reduce((n, b) => n + b.length, 0) : body.length;

// Not `instanceof Uint8Array`: a Buffer from another realm (a test's sandbox) is not one there.
const isPieces = (body: PackedEntry["body"]): body is readonly Uint8Array[] => Array.isArray(body);

/**
 * Past this size an entry fed with `recycle` (see `feedChunks`) is kept deflated even were deflate
 * not to make it smaller (XML always shrinks), so that its chunks need not be held for storing.
 */
export const STORE_LIMIT = 1 << 20;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, the zip checksum) of some bytes; `previous`: the CRC-32 of bytes before them. */
export function crc32(data: Uint8Array, previous = 0): number {
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The largest size a zip without zip64 can state. */
const MAX_ZIP32 = 0xffffffff;

/** Thrown when the package would be larger than a zip without zip64 holds. */
export class PackageTooLargeError extends Error {
  override readonly name = "PackageTooLargeError";
  /** As the file system says it, so that the shell explains it like a file too large. */
  readonly code = "EFBIG";
}

/** An entry deflated whole (or stored, when deflate does not make it smaller). */
export function packEntry(entry: ZipEntry, deflate: Deflater, checksum: Checksum = crc32): PackedEntry {
  const crc = checksum(entry.data);
  const deflated = deflate(entry.data);
  const stored = deflated.length >= entry.data.length;
  return { name: entry.name, crc, size: entry.data.length, stored, body: stored ? entry.data : deflated };
}

/**
 * An entry deflated chunk by chunk as `chunks` makes them (each chunk is deflated while the next
 * is made, where the deflater works elsewhere), or stored when deflate does not make it smaller.
 */
export async function packChunks(
  name: string,
  chunks: Iterable<Uint8Array>,
  zipper: StreamingZip,
): Promise<PackedEntry> {
  return (await feedChunks(name, chunks, zipper)).packed;
}

/**
 * `packChunks` in two steps: resolves once every chunk is handed to the deflater, to `packed`,
 * the entry once its deflate ends. Meanwhile the caller can make the next entry's chunks, instead
 * of waiting for the last chunks of this one to be deflated (on another thread where the deflater
 * works elsewhere). `packed` must be awaited (a failure is not reported otherwise). `recycle`:
 * called with each chunk the deflater no longer reads, once the entry is past `STORE_LIMIT` (its
 * buffer can be written again); such an entry is never stored.
 */
export async function feedChunks(
  name: string,
  chunks: Iterable<Uint8Array>,
  zipper: StreamingZip,
  recycle?: (chunk: Uint8Array) => void,
): Promise<{ readonly packed: Promise<PackedEntry> }> {
  const deflater = zipper.deflater();
  // The chunks, for storing the entry should deflate not make it smaller; with `recycle`, only up
  // to `STORE_LIMIT` bytes (null past it: the entry is kept deflated, its chunks given back).
  let kept: Uint8Array[] | null = [];
  let crc = 0;
  let size = 0;
  for (const chunk of chunks) {
    crc = zipper.checksum(chunk, crc);
    size += chunk.length;
    if (recycle && size > STORE_LIMIT) kept = null;
    if (kept) {
      kept.push(chunk);
      await deflater.write(chunk);
    } else {
      await deflater.write(chunk, recycle && (() => recycle(chunk)));
    }
  }
  const packed = deflater.end().then((deflated): PackedEntry => {
    const stored = kept !== null && bodyLength(deflated) >= size;
    return { name, crc, size, stored, body: stored ? concatBytes(kept!, size) : deflated };
  });
  // Awaited by the caller later: not an unhandled rejection in the meantime.
  packed.catch(() => undefined);
  return { packed };
}

/**
 * The bytes of a zip holding the entries in order, each deflated (or stored, when deflate does not
 * make it smaller). `modified` is the time written into every entry (zip keeps local time, to 2 s).
 * `checksum` computes the CRC-32 (default: the JavaScript one here).
 */
export function zip(
  entries: readonly ZipEntry[],
  deflate: Deflater,
  modified = new Date(1980, 0, 1),
  checksum: Checksum = crc32,
): Uint8Array {
  return zipPacked(
    entries.map((e) => packEntry(e, deflate, checksum)),
    modified,
  );
}

/** The bytes of a zip holding entries already packed, in order (`modified`: as for `zip`). */
export function zipPacked(entries: readonly PackedEntry[], modified = new Date(1980, 0, 1)): Uint8Array {
  return concatBytes(zipPieces(entries, modified));
}

/**
 * `zipPacked`'s bytes in pieces, in order (headers, bodies as packed, the central directory), for
 * writing out without joining them first.
 */
export function zipPieces(entries: readonly PackedEntry[], modified = new Date(1980, 0, 1)): Uint8Array[] {
  const encoder = new TextEncoder();
  const time = (modified.getHours() << 11) | (modified.getMinutes() << 5) | (modified.getSeconds() >> 1);
  const date =
    ((Math.max(modified.getFullYear(), 1980) - 1980) << 9) |
    ((modified.getMonth() + 1) << 5) |
    modified.getDate();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const { crc, stored } = entry;
    const body = { length: bodyLength(entry.body) };
    if (entry.size > MAX_ZIP32 || offset + 30 + name.length + body.length > MAX_ZIP32)
      throw new PackageTooLargeError(`zip entry ${entry.name} is too large`);
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true); // version needed: 2.0
    l.setUint16(6, 0x0800, true); // UTF-8 names
    l.setUint16(8, stored ? 0 : 8, true);
    l.setUint16(10, time, true);
    l.setUint16(12, date, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, body.length, true);
    l.setUint32(22, entry.size, true);
    l.setUint16(26, name.length, true);
    local.set(name, 30);
    const head = new Uint8Array(46 + name.length);
    const h = new DataView(head.buffer);
    h.setUint32(0, 0x02014b50, true);
    h.setUint16(4, 20, true); // made by: 2.0, MS-DOS attributes
    h.setUint16(6, 20, true);
    h.setUint16(8, 0x0800, true);
    h.setUint16(10, stored ? 0 : 8, true);
    h.setUint16(12, time, true);
    h.setUint16(14, date, true);
    h.setUint32(16, crc, true);
    h.setUint32(20, body.length, true);
    h.setUint32(24, entry.size, true);
    h.setUint16(28, name.length, true);
    h.setUint32(42, offset, true);
    head.set(name, 46);
    parts.push(local, ...bodyPieces(entry.body));
    central.push(head);
    offset += local.length + body.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  if (offset + centralSize + 22 > MAX_ZIP32) throw new PackageTooLargeError("the package is too large");
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, centralSize, true);
  e.setUint32(16, offset, true);
  return [...parts, ...central, end];
}
