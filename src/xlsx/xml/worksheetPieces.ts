import type { SheetGrid } from "../../core/grid";
import { concatBytes } from "../bytes";
import { XmlScanner, xmlEncoding } from "./scanner";
import { finishWorksheet, readSheetXml, WorksheetSoFar, type SheetContext } from "./worksheet";

/**
 * A worksheet part read in pieces as it inflates, so that the parsing overlaps the inflating
 * (src/xlsx/zip/archive.ts, `readInPieces`). Each piece is read up to the end of its last row
 * (`</row>`, or `</x:row>` with a prefix), the rest kept for the next piece: the reading of a
 * piece then stops between two rows, where everything `readSheetXml` carries is in
 * `WorksheetSoFar`, and the next piece's scanner goes on at the depth the last one ended.
 *
 * The result is exactly `readWorksheet` of the whole part, or nothing: a piece whose reading does
 * not end cleanly between two elements (a cell, an inline string or a skipped branch cut by the
 * piece's end, which an "end of row" inside a comment, a CDATA section or a text can cause), or
 * that fails in any way, or a part in another encoding than UTF-8, gives up the reading in pieces,
 * and `end` returns null: the caller then reads the whole part with `readWorksheet`, which gives
 * what it always gave, the same values or the same error. Only the last piece (read by `end`, after
 * the archive has checked the part's size and CRC) may throw, and what it throws is what the whole
 * reading throws, since everything before it was read exactly as the whole reading reads it.
 * Nothing is kept of a reading given up, and the file's cell budget is only taken by `end`.
 * No Node API (the pane's reader could use it too).
 */
export class WorksheetPieces {
  private sheet: WorksheetSoFar | null = null;
  /** No piece read yet: the first is read by a scanner that looks for the encoding and a byte order mark. */
  private first = true;
  /** The depth where the last piece's reading ended. */
  private depth = 0;
  /** Given up: `end` returns null. */
  private failed = false;
  /** Bytes received and not yet read (after the last row end), as copies. */
  private rest: Uint8Array[] = [];
  private restBytes = 0;

  constructor(private readonly ctx: SheetContext) {}

  /**
   * The next piece of the part's bytes. Reads the rows it completes; never throws. The bytes are
   * not kept after the call (what is left for later is copied).
   */
  push(piece: Uint8Array): void {
    if (this.failed || piece.length === 0) return;
    if (this.first && this.restBytes < 4 && this.looksUtf16(piece)) return this.giveUp();
    const last = lastRowEnd(piece);
    if (last < 0) {
      this.keep(piece);
      if (this.restBytes > MAX_REST_BYTES) this.giveUp();
      return;
    }
    let from = 0;
    if (this.restBytes > 0) {
      // The unfinished row before this piece, and this piece up to its first row end.
      from = firstRowEnd(piece);
      const joined = concatBytes([...this.rest, piece.subarray(0, from)], this.restBytes + from);
      this.rest = [];
      this.restBytes = 0;
      if (!this.read(joined, true)) return;
    }
    if (from < last && !this.read(piece.subarray(from, last), true)) return;
    if (last < piece.length) this.keep(piece.subarray(last));
  }

  /**
   * After the last piece (the part's size and CRC checked): reads what is left and returns the
   * grid, taking its cells from the file's budget; null when the reading in pieces was given up.
   * Throws what `readWorksheet` of the whole part throws.
   */
  end(): SheetGrid | null {
    if (this.failed) return null;
    const bytes = concatBytes(this.rest, this.restBytes);
    this.rest = [];
    this.restBytes = 0;
    this.read(bytes, false);
    return finishWorksheet(this.sheet!);
  }

  /** Reads `bytes`, which follow what was read so far; false when the reading is given up. */
  private read(bytes: Uint8Array, partial: boolean): boolean {
    this.sheet ??= new WorksheetSoFar(this.ctx);
    const scanner = (): XmlScanner =>
      this.first ? new XmlScanner(bytes) : new XmlScanner(bytes, { depth: this.depth });
    if (!partial) {
      readSheetXml(scanner(), this.sheet);
      return true;
    }
    try {
      // A part in UTF-16 or a legacy code page is re-encoded whole by the scanner: read whole.
      if (this.first && xmlEncoding(bytes) !== "utf-8") throw new Error("not UTF-8");
      const x = scanner();
      x.partial = true;
      readSheetXml(x, this.sheet);
      // More than one EOF: something inside an element (a cell…) met the end of the piece.
      if (x.ends !== 1) throw new Error("cut inside an element");
      this.depth = x.depth;
    } catch {
      this.giveUp();
      return false;
    }
    this.first = false;
    return true;
  }

  private keep(bytes: Uint8Array): void {
    // A copy (a Node Buffer's `slice` would be a view of memory given back after the call).
    this.rest.push(new Uint8Array(bytes));
    this.restBytes += bytes.length;
  }

  /** The first bytes of the part are UTF-16 (a byte order mark or `<?` in two-byte units). */
  private looksUtf16(piece: Uint8Array): boolean {
    const head = new Uint8Array(4);
    let at = 0;
    for (const bytes of [...this.rest, piece])
      for (let i = 0; i < bytes.length && at < 4; i++) head[at++] = bytes[i];
    if (at < 2) return false;
    return xmlEncoding(head.subarray(0, at)).startsWith("utf-16");
  }

  private giveUp(): void {
    this.failed = true;
    this.sheet = null;
    this.rest = [];
    this.restBytes = 0;
  }
}

/**
 * Bytes waiting for a row end at most (a row of 16 MB of XML is not a sheet anyone writes): past
 * it the reading in pieces is given up rather than hold a copy of a large part beside the part.
 */
const MAX_REST_BYTES = 16 * 1024 * 1024;

const GT = 0x3e;

/** A row's end tag ends at `gt` (the `>` of `</row>` or `</x:row>`); a row's start tag `<x:row>` too. */
function isRowEnd(b: Uint8Array, gt: number): boolean {
  return (
    gt >= 4 &&
    b[gt - 1] === 0x77 &&
    b[gt - 2] === 0x6f &&
    b[gt - 3] === 0x72 &&
    (b[gt - 4] === 0x2f || b[gt - 4] === 0x3a)
  );
}

/** Just after the last row end in `b`, or -1. */
function lastRowEnd(b: Uint8Array): number {
  for (let i = b.lastIndexOf(GT); i >= 0; i = i > 0 ? b.lastIndexOf(GT, i - 1) : -1)
    if (isRowEnd(b, i)) return i + 1;
  return -1;
}

/** Just after the first row end in `b` (there is one). */
function firstRowEnd(b: Uint8Array): number {
  for (let i = b.indexOf(GT); i >= 0; i = b.indexOf(GT, i + 1)) if (isRowEnd(b, i)) return i + 1;
  return -1;
}
