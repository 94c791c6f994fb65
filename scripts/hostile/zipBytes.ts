import * as zlib from "node:zlib";

/**
 * A zip writer that can lie: each entry's stored bytes, method, CRC and declared sizes are given
 * separately, so the hostile corpus can hold wrong CRCs, sizes that lie, duplicate names and
 * broken directories. For test files only.
 */
export interface RawEntry {
  readonly name: string;
  /** The bytes as stored in the zip (already deflated when method is 8). */
  readonly stored: Uint8Array;
  readonly method: 0 | 8;
  readonly crc: number;
  /** The inflated size the headers declare. */
  readonly size: number;
  readonly flags?: number;
}

/** An honest entry: the data deflated (or stored), its real CRC and size. */
export function entry(name: string, data: string | Uint8Array, method: 0 | 8 = 8): RawEntry {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  return {
    name,
    stored: method === 8 ? zlib.deflateRawSync(bytes) : bytes,
    method,
    crc: zlib.crc32(bytes),
    size: bytes.length,
  };
}

/**
 * The zip file of the entries. `centralOffsetDelta` moves the directory's recorded offset; `zip64`
 * writes it as ZIP64, as .NET's and Java's zip libraries do when they stream: every central header's
 * sizes and offset 0xffffffff with the real ones in a ZIP64 extra field, and a ZIP64 end record and
 * locator before an end record whose count, size and offset are all "see ZIP64".
 */
export function zipBytes(
  entries: readonly RawEntry[],
  options: { centralOffsetDelta?: number; zip64?: boolean } = {},
): Buffer {
  const zip64 = options.zip64 ?? false;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(zip64 ? 45 : 20, 4);
    local.writeUInt16LE((e.flags ?? 0) | 0x800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.stored.length, 18);
    local.writeUInt32LE(e.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, Buffer.from(e.stored));
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(zip64 ? 45 : 20, 4);
    central.writeUInt16LE(zip64 ? 45 : 20, 6);
    central.writeUInt16LE((e.flags ?? 0) | 0x800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(zip64 ? 0xffffffff : e.stored.length, 20);
    central.writeUInt32LE(zip64 ? 0xffffffff : e.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    const extra = Buffer.alloc(zip64 ? 28 : 0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(e.size), 4);
      extra.writeBigUInt64LE(BigInt(e.stored.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
      central.writeUInt16LE(extra.length, 30);
    }
    centrals.push(central, name, extra);
    offset += 30 + name.length + e.stored.length;
  }
  const directory = Buffer.concat(centrals);
  const directoryOffset = offset + (options.centralOffsetDelta ?? 0);
  const ends: Buffer[] = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(directoryOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    ends.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 8);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 10);
  end.writeUInt32LE(zip64 ? 0xffffffff : directory.length, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : directoryOffset, 16);
  return Buffer.concat([...locals, directory, ...ends, end]);
}

/**
 * Raw deflate data inflating to `size` bytes of `fill`, made without deflating them: one
 * full-flushed block of 1 MiB repeated (each copy independent of the others) and a final empty
 * block. A few kilobytes per gigabyte, generated in milliseconds.
 */
export function deflatedRun(size: number, fill = 0x20): Uint8Array {
  const key = `${size}:${fill}`;
  const known = runs.get(key);
  if (known) return known;
  const mib = 1024 * 1024;
  if (size % mib !== 0) throw new Error("deflatedRun: a whole number of MiB");
  const block = zlib.deflateRawSync(Buffer.alloc(mib, fill), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const last = zlib.deflateRawSync(Buffer.alloc(0));
  const copies = size / mib;
  const out = Buffer.alloc(block.length * copies + last.length);
  for (let i = 0; i < copies; i++) block.copy(out, i * block.length);
  last.copy(out, copies * block.length);
  runs.set(key, out);
  return out;
}
const runs = new Map<string, Uint8Array>();

/** CRC-32 of `size` bytes of `fill`, computed in 1 MiB steps. */
export function runCrc(size: number, fill = 0x20): number {
  const key = `${size}:${fill}`;
  const known = crcs.get(key);
  if (known !== undefined) return known;
  const mib = Buffer.alloc(1024 * 1024, fill);
  let crc = 0;
  for (let done = 0; done < size; done += mib.length) crc = zlib.crc32(mib, crc);
  crcs.set(key, crc);
  return crc;
}
const crcs = new Map<string, number>();
