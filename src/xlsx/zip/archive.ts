import type { Message } from "../../core/issues";
import { LIMITS } from "../limits";
import { InflateLimitError, type InflatePieces, type ZipCodec } from "./codec";

/**
 * A zip archive read from its central directory, one entry at a time, bounded (src/xlsx/limits.ts).
 * No Node API: the pane uses it too. Every refusal is a `ZipProblem`, which the caller turns into an
 * `UnusableInputError` naming the file.
 */

/** Why an archive or one of its entries cannot be read. */
export class ZipProblem extends Error {
  override readonly name = "ZipProblem";
  constructor(
    readonly kind: "corrupt" | "unsupported-zip" | "zip-bomb",
    readonly detail: Message,
  ) {
    super(detail.en);
  }
}

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const ZIP64_EXTRA = 0x0001;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const MAX_COMMENT = 0xffff;

/** Inflated bytes that may wait, read ahead, for the caller (about a country-size workbook's parts). */
const AHEAD_BYTES = 256 * 1024 * 1024;

/**
 * Reads ahead begun and not yet taken, at most: enough to keep zlib's thread pool (4 threads) busy.
 * Each holds a zlib stream; without this bound a workbook listing 60,000 sheets (all naming one
 * small part: a file of a few hundred kilobytes) had them all inflating at once, 1 GB of memory.
 */
const AHEAD_PARTS = 16;

/** Smaller buffers are left to the garbage collector (Node's small buffers share one pool). */
const RELEASE_MIN_BYTES = 1024 * 1024;

/** An entry's inflation begun: whole, or in pieces (`readInPieces`). */
type Inflation = Promise<Uint8Array> | InflatePieces;

/** What `readInPieces` gives: the bytes whole, or how many it handed over in pieces. */
export type PartRead = { readonly bytes: Uint8Array } | { readonly pieces: number };

/** A read announced by `readAhead`: its entry (null: none), the check it failed, its inflation once begun. */
interface Ahead {
  readonly key: string;
  readonly entry: ZipEntry | null;
  readonly failure: Error | null;
  /** To be read by `readInPieces`: inflated in pieces when the codec can. */
  readonly inPieces: boolean;
  /** Its inflation once begun, until its read takes it. */
  started: Inflation | null;
  /** Taken by its read. */
  taken: boolean;
}

const corrupt = (vi: string, en: string): ZipProblem => new ZipProblem("corrupt", { vi, en });

export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>();
  /** Inflated bytes of the entries read (or begun by `readAhead`) so far, against LIMITS.totalBytes. */
  private inflatedSoFar = 0;
  /** Reads announced by `readAhead`, in the order they are to be taken. */
  private readonly ahead: Ahead[] = [];
  /** `ahead` before this index is begun, taken, or needs no inflation: where `pump` goes on. */
  private nextToStart = 0;
  /**
   * The reads ahead not yet taken, by part key, in order (`first`: the next to take): a read finds
   * its own without a search, so a workbook listing 60,000 sheets costs no 60,000² steps.
   */
  private readonly waiting = new Map<string, { readonly items: Ahead[]; first: number }>();
  /** Large inflated outputs still held, which `release` may free. */
  private readonly inflated = new WeakSet<Uint8Array>();
  /** Inflated bytes of the reads ahead begun and not yet taken. */
  private inFlight = 0;
  /** How many reads ahead are begun and not yet taken. */
  private begun = 0;

  /** Reads the central directory of `bytes`. Throws `ZipProblem` when it is absent or inconsistent. */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly codec: ZipCodec,
  ) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eocd = findEndOfCentralDirectory(view);
    const disk = view.getUint16(eocd + 4, true);
    let count = view.getUint16(eocd + 10, true);
    let size = view.getUint32(eocd + 12, true);
    let offset = view.getUint32(eocd + 16, true);
    // Where the central directory must end: the end record, or the ZIP64 end record before it.
    let limit = eocd;
    if (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
      // ZIP64 (written by .NET's and Java's zip libraries when streaming, whatever the size): the
      // real count, size and offset are in the ZIP64 end record the locator points to.
      const record = uint64(view, eocd - 20 + 8);
      if (record < 0 || record + 56 > eocd - 20 || view.getUint32(record, true) !== ZIP64_END)
        throw corrupt(
          "mục lục ZIP64 của tệp nén bị hỏng hoặc trỏ ra ngoài tệp",
          "the zip's ZIP64 directory record is damaged or points outside the file",
        );
      if (view.getUint32(eocd - 20 + 4, true) !== 0 || view.getUint32(record + 16, true) !== 0) throw split();
      const count64 = uint64(view, record + 32);
      count = count64 < 0 ? Infinity : count64;
      size = uint64(view, record + 40);
      offset = uint64(view, record + 48);
      limit = record;
      if (size < 0 || offset < 0)
        throw corrupt(
          "mục lục ZIP64 của tệp nén trỏ ra ngoài tệp",
          "the zip's ZIP64 directory points outside the file",
        );
    } else if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
      throw corrupt(
        "tệp nén khai dạng ZIP64 nhưng thiếu mục lục ZIP64",
        "the zip declares ZIP64 but its ZIP64 directory record is missing",
      );
    }
    if (disk !== 0) throw split();
    if (offset + size > limit)
      throw corrupt(
        "mục lục của tệp nén trỏ ra ngoài tệp",
        "the zip's central directory points outside the file",
      );
    let at = offset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > limit || view.getUint32(at, true) !== CENTRAL)
        throw corrupt("mục lục của tệp nén bị hỏng", "the zip's central directory is damaged");
      const flags = view.getUint16(at + 8, true);
      const method = view.getUint16(at + 10, true);
      const crc = view.getUint32(at + 16, true);
      let compressedSize = view.getUint32(at + 20, true);
      let entrySize = view.getUint32(at + 24, true);
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      const commentLength = view.getUint16(at + 32, true);
      let localHeaderOffset = view.getUint32(at + 42, true);
      const nameEnd = at + 46 + nameLength;
      if (nameEnd + extraLength > limit)
        throw corrupt("mục lục của tệp nén bị hỏng", "the zip's central directory is damaged");
      const name = new TextDecoder().decode(bytes.subarray(at + 46, nameEnd));
      if (compressedSize === 0xffffffff || entrySize === 0xffffffff || localHeaderOffset === 0xffffffff) {
        // ZIP64 sizes: in the extra field 0x0001, in this order, only those marked 0xffffffff.
        const extra = zip64Extra(view, nameEnd, nameEnd + extraLength);
        let k = 0;
        const next = (): number => {
          const value = extra !== null && k + 8 <= extra.length ? uint64(view, extra.start + k) : -1;
          k += 8;
          if (value < 0)
            throw corrupt(
              `kích thước ZIP64 của phần “${name}” bị hỏng`,
              `the ZIP64 sizes of the part “${name}” are damaged`,
            );
          return value;
        };
        if (entrySize === 0xffffffff) entrySize = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
      }
      const key = partKey(name);
      const before = this.entries.get(key);
      if (before) {
        // Two spellings of one part ("xl/a.xml" and "XL\a.xml") are both named: either alone is once.
        const again = before.name === name ? "" : name;
        throw corrupt(
          `phần “${before.name}” có hai lần trong tệp nén${again && ` (lần thứ hai viết là “${again}”)`}`,
          `the zip holds the part “${before.name}” twice${again && ` (the second time written “${again}”)`}`,
        );
      }
      this.entries.set(key, {
        name,
        method,
        flags,
        crc,
        compressedSize,
        size: entrySize,
        localHeaderOffset,
      });
      at = nameEnd + extraLength + commentLength;
    }
    if (at > offset + size)
      throw corrupt("mục lục của tệp nén bị hỏng", "the zip's central directory is damaged");
  }

  /** The names of the entries, as written. */
  names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  has(name: string): boolean {
    return this.entries.has(partKey(name));
  }

  /**
   * The inflated bytes of an entry (null when there is none), its CRC-32 checked. Refuses encrypted
   * entries and methods other than stored and deflate, entries whose inflated size would pass the
   * limits (declared or actual), and sizes that lie. A read begun by `readAhead` is taken here.
   */
  read(name: string): Promise<Uint8Array | null> {
    const taken = this.take(name);
    if (taken !== undefined) {
      if (taken instanceof Promise) return taken;
      const entry = this.entries.get(partKey(name))!;
      const out = new Uint8Array(entry.size);
      let at = 0;
      return this.drain(entry, taken, (piece) => {
        out.set(piece, at);
        at += piece.length;
      }).then(() => out);
    }
    const entry = this.entries.get(partKey(name));
    if (!entry) return Promise.resolve(null);
    try {
      this.check(entry, this.inflatedSoFar);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return this.inflate(entry).then((out) => {
      this.inflatedSoFar += out.length;
      return out;
    });
  }

  /**
   * Like `read`, but a part announced for it by `readAhead` (or not announced) that the codec
   * inflates in pieces is handed to `onPiece` piece by piece as it inflates, in order, so the
   * caller can parse it meanwhile; the result then says how many bytes. A piece is valid only
   * during its call (its memory is given back after it). The same checks as `read`, with one
   * difference the caller must allow for: a failure (a size that lies, data that do not inflate,
   * the CRC, checked after the last piece) may come after some pieces were handed over, and then
   * rejects the read; nothing of those pieces may be used. Parts inflated whole (small ones, stored
   * ones, a codec without pieces) resolve with their bytes, `onPiece` never called.
   */
  readInPieces(name: string, onPiece: (piece: Uint8Array) => void): Promise<PartRead | null> {
    const taken = this.take(name);
    if (taken !== undefined) {
      if (taken instanceof Promise) return taken.then((bytes) => bytes && { bytes });
      const entry = this.entries.get(partKey(name))!;
      return this.drain(entry, taken, onPiece).then((pieces) => ({ pieces }));
    }
    const entry = this.entries.get(partKey(name));
    if (!entry) return Promise.resolve(null);
    try {
      this.check(entry, this.inflatedSoFar);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    const pieces = this.beginPieces(entry);
    const read: Promise<PartRead> = pieces
      ? this.drain(entry, pieces, onPiece).then((size) => ({ pieces: size }))
      : this.inflate(entry).then((bytes) => ({ bytes }));
    return read.then((result) => {
      this.inflatedSoFar += entry.size;
      return result;
    });
  }

  /**
   * The inflated bytes of an entry read before (its checks passed), inflated once more and not
   * counted again against the total: for a reader that gave up reading a part in pieces.
   */
  readAgain(name: string): Promise<Uint8Array | null> {
    const entry = this.entries.get(partKey(name));
    return entry ? this.inflate(entry) : Promise.resolve(null);
  }

  /** The read ahead of `name` (its inflation, or its failure), taken; undefined when none waits. */
  private take(name: string): Promise<Uint8Array | null> | InflatePieces | undefined {
    const key = partKey(name);
    const waiting = this.waiting.get(key);
    if (!waiting) return undefined;
    const item = waiting.items[waiting.first++];
    if (waiting.first === waiting.items.length) this.waiting.delete(key);
    item.taken = true;
    if (item.started) {
      this.inFlight -= item.entry!.size;
      this.begun--;
    }
    const pending = this.start(item);
    item.started = null; // the read's now: the archive does not keep its bytes
    this.pump();
    return pending;
  }

  /**
   * Begins inflating these entries (with Node's zlib, on its thread pool while the caller parses
   * the ones before), to be taken by the next `read` of each name, which must come in this order.
   * At most `AHEAD_BYTES` of inflated data wait at a time (always the next entry), in at most
   * `AHEAD_PARTS` reads: a workbook of many large parts is not held whole, nor one listing
   * thousands of sheets inflated all at once. Every check is made here, in this order, exactly as the
   * reads one after the other would make it: each read counts against the total as though the
   * ones before it succeeded (a read that fails ends the whole workbook, so the ones after it are
   * never taken). A failure waits for its read. The names in `inPieces` are to be read by
   * `readInPieces`: their inflation begins in pieces when the codec can (Node's zlib stream goes on
   * to its next piece only in a turn of this thread's event loop, so such a part inflates mostly
   * while it is parsed, not while the parts before it are).
   */
  readAhead(names: readonly string[], inPieces: ReadonlySet<string> = new Set()): void {
    let soFar = this.inflatedSoFar;
    for (const name of names) {
      const key = partKey(name);
      const entry = this.entries.get(key) ?? null;
      let failure: Error | null = null;
      if (entry) {
        try {
          this.check(entry, soFar);
          soFar += entry.size;
        } catch (error) {
          failure = error as Error;
        }
      }
      const item: Ahead = { key, entry, failure, inPieces: inPieces.has(name), started: null, taken: false };
      this.ahead.push(item);
      const same = this.waiting.get(key);
      if (same) same.items.push(item);
      else this.waiting.set(key, { items: [item], first: 0 });
    }
    this.inflatedSoFar = soFar;
    this.pump();
  }

  /**
   * Starts the reads ahead in order while less than `AHEAD_BYTES` wait (at least the next one) and
   * fewer than `AHEAD_PARTS` are begun.
   */
  private pump(): void {
    // From where the last call stopped: every read ahead before it is begun, taken or needs no
    // inflation (going over them all again at each read was quadratic in the number of sheets).
    const ahead = this.ahead;
    for (; this.nextToStart < ahead.length; this.nextToStart++) {
      const item = ahead[this.nextToStart];
      if (item.taken || item.started || !item.entry || item.failure) continue;
      if ((this.inFlight > 0 && this.inFlight + item.entry.size > AHEAD_BYTES) || this.begun >= AHEAD_PARTS)
        return;
      this.start(item);
      this.inFlight += item.entry.size;
      this.begun++;
    }
  }

  private start(item: Ahead): Promise<Uint8Array | null> | InflatePieces {
    if (item.started) return item.started;
    if (!item.entry) return Promise.resolve(null);
    if (item.failure) return Promise.reject(item.failure);
    const pieces = item.inPieces ? this.beginPieces(item.entry) : null;
    if (pieces) return (item.started = pieces);
    const whole = this.inflate(item.entry);
    // A failure is reported when (if ever) its read is taken, not as an unhandled rejection.
    whole.catch(() => undefined);
    return (item.started = whole);
  }

  /**
   * An entry that passed `check`, its inflation begun in pieces; null when the codec inflates it
   * whole (or the entry is stored, or its data cannot be located: `inflate` then says why).
   */
  private beginPieces(entry: ZipEntry): InflatePieces | null {
    if (entry.method !== DEFLATED || !this.codec.inflateRawPieces) return null;
    let data: Uint8Array;
    try {
      data = this.rawData(entry);
    } catch {
      return null;
    }
    return this.codec.inflateRawPieces(data, entry.size);
  }

  /**
   * Hands the pieces of an entry that passed `check` to `onPiece`, then checks its size and CRC as
   * `inflate` does (with the same messages); resolves with its size.
   */
  private async drain(
    entry: ZipEntry,
    pieces: InflatePieces,
    onPiece: (piece: Uint8Array) => void,
  ): Promise<number> {
    const where = `“${entry.name}”`;
    let size = 0;
    let crc = 0;
    for (;;) {
      let piece: Uint8Array | null;
      try {
        piece = await pieces.next();
      } catch (error) {
        if (error instanceof InflateLimitError) throw sizeLies(where);
        throw corrupt(`phần ${where} không giải nén được`, `the part ${where} cannot be inflated`);
      }
      if (!piece) break;
      size += piece.length;
      if (size > entry.size) {
        pieces.cancel();
        throw sizeLies(where);
      }
      crc = this.codec.crc32(piece, crc);
      onPiece(piece);
      // The piece's memory back at once when it is all of its buffer (zlib's pieces are).
      if (
        piece.byteLength >= RELEASE_MIN_BYTES &&
        piece.byteOffset === 0 &&
        piece.buffer.byteLength === piece.byteLength
      )
        this.inflated.add(piece);
      this.release(piece);
    }
    if (size !== entry.size) throw sizeLies(where);
    if (crc !== entry.crc) throw badCrc(where);
    return size;
  }

  /**
   * Gives back at once the memory of a part this archive inflated, once the caller is done with
   * it (its bytes read as empty afterwards). Without this, the inflated parts (a country-size
   * workbook's are 200 MB) wait for a full garbage collection, which may come only after the whole
   * run, since they are begun together. Only large buffers the codec made for one entry are
   * released: never a view of the file's bytes (a stored entry) nor a shared pool.
   */
  release(bytes: Uint8Array | null): void {
    if (!bytes || !this.inflated.has(bytes) || typeof structuredClone !== "function") return;
    this.inflated.delete(bytes);
    const buffer = bytes.buffer;
    if (!(buffer instanceof ArrayBuffer)) return;
    try {
      // Transferring detaches the buffer from every view; its memory goes with the clone, which is
      // garbage from birth and freed by the next young-generation collection.
      structuredClone(buffer, { transfer: [buffer] });
    } catch {
      // Not transferable here: it waits for the garbage collector as before.
    }
  }

  /** The limits an entry must pass before it is inflated, `soFar` bytes already inflated. */
  private check(entry: ZipEntry, soFar: number): void {
    const where = `“${entry.name}”`;
    if (entry.flags & 1)
      throw new ZipProblem("unsupported-zip", {
        vi: `phần ${where} được mã hóa`,
        en: `the part ${where} is encrypted`,
      });
    if (entry.method !== STORED && entry.method !== DEFLATED)
      throw new ZipProblem("unsupported-zip", {
        vi: `phần ${where} nén theo phương pháp ${entry.method}`,
        en: `the part ${where} uses compression method ${entry.method}`,
      });
    const mb = (n: number): string => `${Math.ceil(n / (1024 * 1024))} MB`;
    if (entry.size > LIMITS.entryBytes)
      throw new ZipProblem("zip-bomb", {
        vi: `phần ${where} giải nén thành ${mb(entry.size)}, quá giới hạn ${mb(LIMITS.entryBytes)}`,
        en: `the part ${where} inflates to ${mb(entry.size)}, over the limit of ${mb(LIMITS.entryBytes)}`,
      });
    if (soFar + entry.size > LIMITS.totalBytes)
      throw new ZipProblem("zip-bomb", {
        vi: `các phần giải nén vượt ${mb(LIMITS.totalBytes)}`,
        en: `the parts inflate to more than ${mb(LIMITS.totalBytes)}`,
      });
    const ratio = entry.size / Math.max(entry.compressedSize, 1);
    if (entry.size > LIMITS.ratioFloorBytes && ratio > LIMITS.compressionRatio)
      throw new ZipProblem("zip-bomb", {
        vi: `phần ${where} nén ${Math.round(ratio)} lần, quá giới hạn ${LIMITS.compressionRatio} lần`,
        en: `the part ${where} is compressed ${Math.round(ratio)} times, over the limit of ${LIMITS.compressionRatio}`,
      });
  }

  /** An entry that passed `check`, inflated (never past its declared size) and its CRC-32 checked. */
  private async inflate(entry: ZipEntry): Promise<Uint8Array> {
    const where = `“${entry.name}”`;
    const data = this.rawData(entry);
    let out: Uint8Array;
    if (entry.method === STORED) {
      if (entry.compressedSize !== entry.size) throw sizeLies(where);
      out = data;
    } else {
      try {
        out = await this.codec.inflateRaw(data, entry.size);
        // Releasable when it is (almost) all of its buffer: fflate's output, or zlib's one chunk
        // (whose buffer holds one byte more, to see a lie).
        if (
          out.byteLength >= RELEASE_MIN_BYTES &&
          out.buffer.byteLength - out.byteOffset - out.byteLength <= 1 &&
          out.byteOffset === 0
        )
          this.inflated.add(out);
      } catch (error) {
        if (error instanceof InflateLimitError) throw sizeLies(where);
        throw corrupt(`phần ${where} không giải nén được`, `the part ${where} cannot be inflated`);
      }
      if (out.length !== entry.size) throw sizeLies(where);
    }
    if (this.codec.crc32(out) !== entry.crc) throw badCrc(where);
    return out;
  }

  /** The stored (compressed) bytes of an entry, located through its local header. */
  private rawData(entry: ZipEntry): Uint8Array {
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const at = entry.localHeaderOffset;
    if (at + 30 > this.bytes.length || view.getUint32(at, true) !== LOCAL)
      throw corrupt(
        `phần “${entry.name}” trỏ ra ngoài tệp hoặc bị hỏng`,
        `the part “${entry.name}” points outside the file or is damaged`,
      );
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length)
      throw corrupt(
        `phần “${entry.name}” vượt quá cuối tệp`,
        `the part “${entry.name}” runs past the end of the file`,
      );
    return this.bytes.subarray(start, end);
  }
}

/**
 * Part names are compared as case-insensitive ASCII in OPC (ECMA-376 Part 2: "Å.xml" and "å.xml"
 * are two parts); a leading "/" is optional; a backslash reads as "/" (some
 * old writers put Windows paths in the zip: "xl\worksheets\sheet1.xml"). Names are never resolved
 * further: an entry named with "../" matches no part, and two names that map to one key are refused
 * as duplicates.
 */
function partKey(name: string): string {
  return name
    .replace(/\\/g, "/")
    .replace(/^\/+/, "")
    .replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

function split(): ZipProblem {
  return new ZipProblem("unsupported-zip", {
    vi: "tệp nén chia nhiều phần",
    en: "a zip split over several parts",
  });
}

/** An unsigned 64-bit little-endian integer, or -1 past 2^53 (no file this reader reads is that large). */
function uint64(view: DataView, at: number): number {
  if (at < 0 || at + 8 > view.byteLength) return -1;
  const high = view.getUint32(at + 4, true);
  if (high > 0x1fffff) return -1;
  return high * 0x100000000 + view.getUint32(at, true);
}

/** The data of the ZIP64 extra field (id 1) among a header's extra fields [start, end), or null. */
function zip64Extra(view: DataView, start: number, end: number): { start: number; length: number } | null {
  for (let at = start; at + 4 <= end;) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (at + 4 + length > end) return null;
    if (id === ZIP64_EXTRA) return { start: at + 4, length };
    at += 4 + length;
  }
  return null;
}

function badCrc(where: string): ZipProblem {
  return corrupt(
    `mã kiểm tra (CRC) của phần ${where} không khớp`,
    `the checksum (CRC) of the part ${where} does not match`,
  );
}

function sizeLies(where: string): ZipProblem {
  return new ZipProblem("zip-bomb", {
    vi: `phần ${where} giải nén ra khác kích thước đã khai`,
    en: `the part ${where} does not inflate to its declared size`,
  });
}

/**
 * Offset of the end-of-central-directory record. Strict, as Excel is (it offers to repair such a
 * file rather than open it): the record must end the file exactly, its comment (which Excel never
 * writes) filling the bytes after it. A record followed by other bytes (data appended to the file,
 * or a comment length that does not match) is refused with how many bytes are extra, and so is a
 * file with two records that could each be the end: readers that chose differently would see two
 * different workbooks in one file.
 */
function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - MAX_COMMENT);
  let found = -1;
  let trailing = -1;
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) !== EOCD) continue;
    const end = at + 22 + view.getUint16(at + 20, true);
    if (end === view.byteLength) {
      if (found >= 0)
        throw corrupt(
          "tệp nén có hai phần kết mục lục (một phần nằm trong lời chú thích): không biết đọc mục lục nào",
          "the zip has two end-of-directory records (one inside a comment): it is unclear which directory to read",
        );
      found = at;
    } else if (end < view.byteLength && trailing < 0) trailing = view.byteLength - end;
  }
  if (found >= 0) return found;
  if (trailing >= 0)
    throw corrupt(
      `có ${trailing.toLocaleString("vi-VN")} byte thừa sau phần kết của tệp nén (dữ liệu bị ghép thêm vào cuối tệp?)`,
      `${trailing.toLocaleString("en-US")} extra bytes follow the end of the zip (was data appended to the file?)`,
    );
  throw corrupt(
    "không thấy mục lục của tệp nén (tệp bị cắt?)",
    "the zip's central directory is missing (is the file cut short?)",
  );
}
