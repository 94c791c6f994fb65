/**
 * XML written straight into UTF-8 bytes, in chunks of about `CHUNK_BYTES`: a worksheet of the
 * country's report is 28 MB of XML, and building it as one JavaScript string, then encoding it,
 * cost more in garbage collection and copying than the XML itself. ASCII (tags, references,
 * numbers) is stored as it is, other text encoded here (escaped for XML on the way where asked). No
 * Node API.
 */

import { numberText } from "./xml";

/** The size a chunk reaches before it is handed on (1 MiB: few hand-overs, little memory held). */
export const CHUNK_BYTES = 1 << 20;

/**
 * Buffers for `XmlBytes` chunks, given back once what they were handed to is done with them (the
 * deflater on the thread pool): a report's 45 MB of sheet XML then goes through a few buffers
 * instead of 45 new ones (each zero-filled and its pages touched for the first time, ~1.5 ms each
 * on this VM).
 */
export class ChunkPool {
  private readonly spare: Uint8Array[] = [];

  constructor(readonly chunkBytes = CHUNK_BYTES) {}

  /** A buffer for a chunk (`chunkBytes` and room for one more piece of XML), reused where one is spare. */
  take(): Uint8Array {
    return this.spare.pop() ?? new Uint8Array(this.chunkBytes + SLACK);
  }

  /**
   * Gives back the buffer of a chunk `XmlBytes.take` made from this pool, once nothing reads the
   * chunk any more; a buffer of another size (grown for one long text) is let go.
   */
  give(chunk: Uint8Array): void {
    const buffer = chunk.buffer;
    if (buffer.byteLength === this.chunkBytes + SLACK && this.spare.length < MAX_SPARE)
      this.spare.push(new Uint8Array(buffer));
  }
}

/** Room past a chunk's size, so that the piece of XML that fills it rarely needs a bigger buffer. */
const SLACK = 4096;
/** Spare buffers kept at most (the deflater works on one or two chunks at a time). */
const MAX_SPARE = 4;

const EMPTY = new Uint8Array(0);

export class XmlBytes {
  private buffer: Uint8Array = EMPTY;
  private at = 0;

  /**
   * `pool`: where buffers come from (and, by the caller, go back to once a chunk taken is no longer
   * read); without one, each chunk has a new buffer.
   */
  constructor(
    private readonly chunkBytes = CHUNK_BYTES,
    private readonly pool: ChunkPool | null = null,
  ) {
    if (pool && pool.chunkBytes !== chunkBytes) this.pool = null;
  }

  /** Bytes written since the last `take`. */
  get length(): number {
    return this.at;
  }

  /** True once the bytes written reach a chunk's size. */
  get full(): boolean {
    return this.at >= this.chunkBytes;
  }

  /**
   * The bytes written since the last `take`. The writer goes on in another buffer: the chunk is
   * never written again by this writer (its buffer may come back through the pool once given back).
   */
  take(): Uint8Array {
    const chunk = this.buffer.subarray(0, this.at);
    this.buffer = EMPTY;
    this.at = 0;
    return chunk;
  }

  private room(n: number): void {
    if (this.at + n <= this.buffer.length) return;
    if (this.at === 0 && n <= this.chunkBytes + SLACK) {
      this.buffer = this.pool ? this.pool.take() : new Uint8Array(this.chunkBytes + SLACK);
      return;
    }
    const bigger = new Uint8Array(Math.max(this.buffer.length * 2, this.chunkBytes + SLACK, this.at + n));
    bigger.set(this.buffer.subarray(0, this.at));
    this.buffer = bigger;
  }

  /** Text known to be ASCII (markup, references, numbers as text). */
  ascii(s: string): void {
    const n = s.length;
    this.room(n);
    const b = this.buffer;
    let at = this.at;
    for (let i = 0; i < n; i++) b[at++] = s.charCodeAt(i);
    this.at = at;
  }

  /** Any text as UTF-8, already escaped for XML (as `TextEncoder` writes it: a lone surrogate is U+FFFD). */
  text(s: string): void {
    this.utf8(s, false);
  }

  /**
   * Text escaped for an element or a double-quoted attribute (as `escapeXml`), as UTF-8; from its
   * `from`th UTF-16 unit (a formula without its "=").
   */
  escaped(s: string, from = 0): void {
    this.utf8(s, true, from);
  }

  private utf8(s: string, escape: boolean, from = 0): void {
    const n = s.length;
    // At most 6 bytes per UTF-16 unit ("&quot;"; 3 for a character of the BMP, 4 for a pair).
    this.room(6 * (n - from));
    const b = this.buffer;
    let at = this.at;
    for (let i = from; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (escape && (c === 38 || c === 60 || c === 62 || c === 34)) {
          const entity = c === 38 ? "&amp;" : c === 60 ? "&lt;" : c === 62 ? "&gt;" : "&quot;";
          for (let k = 0; k < entity.length; k++) b[at++] = entity.charCodeAt(k);
        } else {
          b[at++] = c;
        }
      } else if (c < 0x800) {
        b[at++] = 0xc0 | (c >> 6);
        b[at++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          const p = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          b[at++] = 0xf0 | (p >> 18);
          b[at++] = 0x80 | ((p >> 12) & 0x3f);
          b[at++] = 0x80 | ((p >> 6) & 0x3f);
          b[at++] = 0x80 | (p & 0x3f);
          i++;
        } else {
          // U+FFFD, as TextEncoder writes a lone surrogate.
          b[at++] = 0xef;
          b[at++] = 0xbf;
          b[at++] = 0xbd;
        }
      } else {
        b[at++] = 0xe0 | (c >> 12);
        b[at++] = 0x80 | ((c >> 6) & 0x3f);
        b[at++] = 0x80 | (c & 0x3f);
      }
    }
    this.at = at;
  }

  /** Bytes of ASCII text made once and written many times (`asciiBytes`), or their first `length`. */
  bytes(b: Uint8Array, length = b.length): void {
    this.room(length);
    const to = this.buffer;
    let at = this.at;
    for (let i = 0; i < length; i++) to[at++] = b[i];
    this.at = at;
  }

  /** A non-negative integer (a row, a style index, a shared string's index). */
  uint(n: number): void {
    this.room(16);
    this.at = writeUint(this.buffer, this.at, n);
  }

  /**
   * A cell's opening, `<c r="B12" s="7`, from bytes made once (see `CellHeads`): the column's
   * `<c r="B`, the row's digits (the first `rowLength` of `row`), and the style's `" s="7` (null:
   * no style). The value's part follows (`blankEnd`, `stringEnd`, `numberEnd`…).
   */
  cellHead(column: Uint8Array, row: Uint8Array, rowLength: number, style: Uint8Array | null): void {
    const nc = column.length;
    const ns = style === null ? 0 : style.length;
    this.room(nc + rowLength + ns);
    const b = this.buffer;
    let at = this.at;
    for (let i = 0; i < nc; i++) b[at++] = column[i];
    for (let i = 0; i < rowLength; i++) b[at++] = row[i];
    for (let i = 0; i < ns; i++) b[at++] = style![i];
    this.at = at;
  }

  /** The end of a cell without a value: `"/>`. */
  blankEnd(): void {
    this.room(3);
    const b = this.buffer;
    const at = this.at;
    b[at] = 34; // "
    b[at + 1] = 47; // /
    b[at + 2] = 62; // >
    this.at = at + 3;
  }

  /** The end of a shared-string cell: `" t="s"><v>` the string's index `</v></c>`. */
  stringEnd(index: number): void {
    this.room(STRING_OPEN.length + 16 + VALUE_CLOSE.length);
    const b = this.buffer;
    let at = this.at;
    for (let i = 0; i < STRING_OPEN.length; i++) b[at++] = STRING_OPEN[i];
    at = writeUint(b, at, index);
    for (let i = 0; i < VALUE_CLOSE.length; i++) b[at++] = VALUE_CLOSE[i];
    this.at = at;
  }

  /** The end of a number cell: `"><v>` the number (as `number` writes it) `</v></c>`. */
  numberEnd(n: number): void {
    this.room(NUMBER_OPEN.length);
    const b = this.buffer;
    let at = this.at;
    for (let i = 0; i < NUMBER_OPEN.length; i++) b[at++] = NUMBER_OPEN[i];
    this.at = at;
    this.number(n);
    this.valueEnd();
  }

  /** `</v></c>`. */
  valueEnd(): void {
    this.room(VALUE_CLOSE.length);
    const b = this.buffer;
    let at = this.at;
    for (let i = 0; i < VALUE_CLOSE.length; i++) b[at++] = VALUE_CLOSE[i];
    this.at = at;
  }

  /**
   * A number as `numberText` writes it: a whole number digit by digit, any other from the text
   * made once per value (`numberBytes`: the reports' rates repeat, and making the shortest text
   * of a double costs microseconds).
   */
  number(n: number): void {
    if (Number.isSafeInteger(n)) {
      this.room(17);
      const b = this.buffer;
      let at = this.at;
      if (n < 0) {
        b[at++] = 45; // -
        at = writeUint(b, at, -n);
      } else {
        at = writeUint(b, at, n);
      }
      this.at = at;
    } else {
      this.bytes(numberBytes(n));
    }
  }
}

const STRING_OPEN = asciiBytes('" t="s"><v>');
const NUMBER_OPEN = asciiBytes('"><v>');
const VALUE_CLOSE = asciiBytes("</v></c>");

/** The text of numbers other than safe integers, as ASCII bytes, by value; emptied when it reaches `NUMBER_TEXTS_HELD`. */
const numberTexts = new Map<number, Uint8Array>();
const NUMBER_TEXTS_HELD = 1 << 16;

/** `numberText(n)` as ASCII bytes, made once per value (while `numberTexts` holds it). */
export function numberBytes(n: number): Uint8Array {
  let b = numberTexts.get(n);
  if (b === undefined) {
    if (numberTexts.size >= NUMBER_TEXTS_HELD) numberTexts.clear();
    b = asciiBytes(numberText(n));
    numberTexts.set(n, b);
  }
  return b;
}

/** ASCII text as bytes, for `XmlBytes.bytes`. */
export function asciiBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/**
 * Writes the decimal digits of a non-negative integer into `b` at `at`; returns where they end.
 * Below 2³¹ (rows, styles, string indexes, most counts) with 32-bit integer division.
 */
export function writeUint(b: Uint8Array, at: number, n: number): number {
  if (n < 10) {
    b[at] = 48 + n;
    return at + 1;
  }
  if (n <= 0x7fffffff) {
    const digits =
      n < 100
        ? 2
        : n < 1e3
          ? 3
          : n < 1e4
            ? 4
            : n < 1e5
              ? 5
              : n < 1e6
                ? 6
                : n < 1e7
                  ? 7
                  : n < 1e8
                    ? 8
                    : n < 1e9
                      ? 9
                      : 10;
    const end = at + digits;
    let i = end;
    for (let m = n | 0; m > 0; m = (m / 10) | 0) b[--i] = 48 + (m % 10);
    return end;
  }
  let digits = 0;
  for (let m = n; m >= 1; m = Math.floor(m / 10)) digits++;
  const end = at + digits;
  let i = end;
  for (let m = n; m >= 1; m = Math.floor(m / 10)) b[--i] = 48 + (m % 10);
  return end;
}
