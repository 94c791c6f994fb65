import type { Message } from "../../core/issues";
import { LIMITS } from "../limits";
import { InflateLimitError, type ZipCodec } from "./codec";

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
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const MAX_COMMENT = 0xffff;

const corrupt = (vi: string, en: string): ZipProblem => new ZipProblem("corrupt", { vi, en });

export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>();
  private inflatedSoFar = 0;

  /** Reads the central directory of `bytes`. Throws `ZipProblem` when it is absent or inconsistent. */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly codec: ZipCodec,
  ) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eocd = findEndOfCentralDirectory(view);
    if (eocd < 0)
      throw corrupt(
        "không thấy mục lục của tệp nén (tệp bị cắt?)",
        "the zip's central directory is missing (is the file cut short?)",
      );
    if (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR) throw zip64();
    const disk = view.getUint16(eocd + 4, true);
    const count = view.getUint16(eocd + 10, true);
    const size = view.getUint32(eocd + 12, true);
    const offset = view.getUint32(eocd + 16, true);
    if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw zip64();
    if (disk !== 0)
      throw new ZipProblem("unsupported-zip", {
        vi: "tệp nén chia nhiều phần",
        en: "a zip split over several parts",
      });
    if (offset + size > eocd)
      throw corrupt(
        "mục lục của tệp nén trỏ ra ngoài tệp",
        "the zip's central directory points outside the file",
      );
    let at = offset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL)
        throw corrupt("mục lục của tệp nén bị hỏng", "the zip's central directory is damaged");
      const flags = view.getUint16(at + 8, true);
      const method = view.getUint16(at + 10, true);
      const crc = view.getUint32(at + 16, true);
      const compressedSize = view.getUint32(at + 20, true);
      const entrySize = view.getUint32(at + 24, true);
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      const commentLength = view.getUint16(at + 32, true);
      const localHeaderOffset = view.getUint32(at + 42, true);
      const nameEnd = at + 46 + nameLength;
      if (nameEnd > eocd)
        throw corrupt("mục lục của tệp nén bị hỏng", "the zip's central directory is damaged");
      const name = new TextDecoder().decode(bytes.subarray(at + 46, nameEnd));
      if (compressedSize === 0xffffffff || entrySize === 0xffffffff || localHeaderOffset === 0xffffffff)
        throw zip64();
      const key = partKey(name);
      if (this.entries.has(key))
        throw corrupt(`phần “${name}” có hai lần trong tệp nén`, `the zip holds the part “${name}” twice`);
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
   * limits (declared or actual), and sizes that lie.
   */
  async read(name: string): Promise<Uint8Array | null> {
    const entry = this.entries.get(partKey(name));
    if (!entry) return null;
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
    if (this.inflatedSoFar + entry.size > LIMITS.totalBytes)
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
    const data = this.rawData(entry);
    let out: Uint8Array;
    if (entry.method === STORED) {
      if (entry.compressedSize !== entry.size) throw sizeLies(where);
      out = data;
    } else {
      try {
        out = await this.codec.inflateRaw(data, entry.size);
      } catch (error) {
        if (error instanceof InflateLimitError) throw sizeLies(where);
        throw corrupt(`phần ${where} không giải nén được`, `the part ${where} cannot be inflated`);
      }
      if (out.length !== entry.size) throw sizeLies(where);
    }
    this.inflatedSoFar += out.length;
    if (this.codec.crc32(out) !== entry.crc)
      throw corrupt(
        `mã kiểm tra (CRC) của phần ${where} không khớp`,
        `the checksum (CRC) of the part ${where} does not match`,
      );
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

/** Part names are case-insensitive in OPC; a leading "/" is optional. */
function partKey(name: string): string {
  return name.replace(/^\/+/, "").toLowerCase();
}

function zip64(): ZipProblem {
  return new ZipProblem("unsupported-zip", {
    vi: "tệp nén dạng ZIP64 (dành cho tệp trên 4 GB)",
    en: "a ZIP64 archive (meant for files over 4 GB)",
  });
}

function sizeLies(where: string): ZipProblem {
  return new ZipProblem("zip-bomb", {
    vi: `phần ${where} giải nén ra khác kích thước đã khai`,
    en: `the part ${where} does not inflate to its declared size`,
  });
}

/** Offset of the end-of-central-directory record (searched back over a possible comment), or -1. */
function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) !== EOCD) continue;
    // The comment must fit in the file: a signature inside the data is not the record.
    if (at + 22 + view.getUint16(at + 20, true) <= view.byteLength) return at;
  }
  return -1;
}
