import { cellError, isBlank, percentText, type CellValue } from "../../core/cells";
import type { GridRange, SheetGrid } from "../../core/grid";
import type { Message } from "../../core/issues";
import { LIMITS } from "../limits";
import { decodeText, XmlScanner, OPEN, CLOSE, TEXT, EOF } from "./scanner";
import { MAX_TEXT_BYTES, readRichText, type SharedStrings } from "./sharedStrings";
import { DATE, PERCENT, type NumberKind } from "./styles";
import { columnLetters } from "./text";

/** A limit passed or a broken reference inside a sheet, located; grids.ts names the file. */
export class SheetProblem extends Error {
  override readonly name = "SheetProblem";
  constructor(
    readonly kind: "beyond-excel" | "text-too-long" | "too-many-cells" | "corrupt",
    readonly detail: Message,
  ) {
    super(detail.en);
  }
}

export interface SheetContext {
  readonly name: string;
  readonly strings: SharedStrings;
  readonly styles: readonly NumberKind[];
  readonly date1904: boolean;
  /** Cells still allowed in this file (LIMITS.cells), shared by its sheets. */
  readonly budget: { cells: number };
}

const C = 0x63;
const V = 0x76;
const F = 0x66;
const DIGIT_0 = 0x30;
/** Scratch for `XmlScanner.cell` and `XmlScanner.singleLetterAttributes`. */
const cellAttributes = new Int32Array(8);

/** Cell types (`t`). */
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STRING = 2;
const T_INLINE = 3;
const T_BOOLEAN = 4;
const T_ERROR = 5;
const T_DATE = 6;

/**
 * A worksheet part → its grid, exactly as the ExcelJS conversion made it (trimmed to the used
 * range, merged cells blank but their top-left one, dates as `CellDate`, percentages as the text
 * shown), with the bounds of LIMITS. `<dimension>` is not trusted: the extent is that of the cells.
 * Rows are never walked by number: a sheet with cells on rows 1 and 1,048,576 costs two rows.
 */
export function readWorksheet(bytes: Uint8Array, ctx: SheetContext): SheetGrid {
  const sheet = new WorksheetSoFar(ctx);
  readSheetXml(new XmlScanner(bytes), sheet);
  return finishWorksheet(sheet);
}

/**
 * A worksheet read so far: what `readSheetXml` carries from one piece of a part to the next
 * (worksheetPieces.ts reads a part in pieces as it inflates). The file's cell budget is taken
 * when it is made and given back only by `finishWorksheet`: a sheet that is not finished (a
 * failure, or a reading in pieces given up) has used none of it.
 */
export class WorksheetSoFar {
  /**
   * Each row's values by column (index = column − 1), gaps filled with null as they are met, in
   * the order rows are met (ascending in every file Excel writes; a map is built only otherwise).
   */
  readonly rowNumbers: number[] = [];
  readonly rowValues: CellValue[][] = [];
  byNumber: Map<number, CellValue[]> | null = null;
  readonly merges: GridRange[] = [];
  /** The last `<row>`'s number, and the column of the last cell (for cells and rows without `r`). */
  rowNumber = 0;
  column = 0;
  /** The row the last value went into. */
  current: CellValue[] | null = null;
  currentNumber = -1;
  /** The file's cell budget less this sheet's cells so far. */
  cellsLeft: number;

  constructor(readonly ctx: SheetContext) {
    this.cellsLeft = ctx.budget.cells;
  }
}

/** The grid of a worksheet read to its end; its cells are taken from the file's budget. */
export function finishWorksheet(sheet: WorksheetSoFar): SheetGrid {
  sheet.ctx.budget.cells = sheet.cellsLeft;
  return buildGrid(sheet.ctx.name, sheet.rowNumbers, sheet.rowValues, sheet.merges);
}

/**
 * Reads the worksheet XML `x` scans, to its EOF, into `sheet`. The whole part in one call, or a
 * part in pieces, one call per piece (each piece's scanner continuing at the depth the previous
 * one ended): the state between two calls is all in `sheet`.
 */
export function readSheetXml(x: XmlScanner, sheet: WorksheetSoFar): void {
  const ctx = sheet.ctx;
  const b = x.bytes; // the scanned bytes (UTF-16 parts arrive as UTF-8)
  const rowNumbers = sheet.rowNumbers;
  const rowValues = sheet.rowValues;
  const merges = sheet.merges;
  let byNumber = sheet.byNumber;
  let rowNumber = sheet.rowNumber;
  let column = sheet.column;
  let current = sheet.current;
  let currentNumber = sheet.currentNumber;
  const sharedStrings = ctx.strings.strings;
  const anyTooLong = ctx.strings.tooLong.size > 0;
  // The file's cell budget, kept in a local while this sheet is read.
  let cellsLeft = sheet.cellsLeft;
  const where = (row: number, col: number): Message => {
    const ref = `${columnLetters(col)}${row}`;
    return { vi: `trang tính “${ctx.name}”, ô ${ref}`, en: `sheet “${ctx.name}”, cell ${ref}` };
  };

  for (;;) {
    // A cell as Excel writes it is read in one pass (`XmlScanner.cell`); anything else token by token.
    const fast = x.cell(cellAttributes, MAX_TEXT_BYTES);
    if (!fast) {
      const k = x.next();
      if (k === EOF) break;
      if (k !== OPEN) continue;
    }
    const length = fast ? 1 : x.nameEnd - x.nameStart;
    if (fast || (length === 1 && b[x.nameStart] === C)) {
      // ---- a cell: <c r="B7" s="3" t="s"><f>…</f><v>12</v></c>
      let row = rowNumber;
      let col = column + 1;
      if (!fast) x.singleLetterAttributes(cellAttributes);
      const rs = cellAttributes[0];
      if (rs >= 0) {
        const e = cellAttributes[1];
        let i = rs;
        let letters = 0;
        col = 0;
        for (; i < e; i++) {
          const ch = b[i] | 0x20;
          if (ch < 0x61 || ch > 0x7a) break;
          if (col <= LIMITS.columns) col = col * 26 + ch - 0x60;
          letters++;
        }
        let n = 0;
        let digits = 0;
        for (; i < e; i++) {
          const d = b[i] - DIGIT_0;
          if (d < 0 || d > 9) break;
          if (n <= LIMITS.rows) n = n * 10 + d;
          digits++;
        }
        if (letters === 0 || digits === 0 || i !== e)
          throw new SheetProblem("corrupt", {
            vi: `trang tính “${ctx.name}”, địa chỉ ô “${x.attrValue("r")}” không hợp lệ`,
            en: `sheet “${ctx.name}”, the cell reference “${x.attrValue("r")}” is not valid`,
          });
        row = n;
      }
      if (col > LIMITS.columns || row > LIMITS.rows || row < 1)
        throw new SheetProblem("beyond-excel", {
          vi: `trang tính “${ctx.name}”, ô ${x.attrValue("r") ?? `cột ${col}, dòng ${row}`}`,
          en: `sheet “${ctx.name}”, cell ${x.attrValue("r") ?? `column ${col}, row ${row}`}`,
        });
      column = col;
      const type = cellType(b, cellAttributes[4], cellAttributes[5]);
      let kind: NumberKind = 0;
      if (cellAttributes[2] >= 0) {
        const id = integerAt(b, cellAttributes[2], cellAttributes[3]);
        kind = id >= 0 && id < ctx.styles.length ? ctx.styles[id] : 0;
      }
      // The value: <v> (its text's byte range when it is one run), or <is> for inline strings.
      let vStart = -1;
      let vEnd = -1;
      let vText: string | null = null;
      let inline: string | null | undefined;
      if (fast) {
        vStart = cellAttributes[6];
        vEnd = cellAttributes[7];
      } else if (!x.selfClosing && x.simpleValue(MAX_TEXT_BYTES)) {
        // <v>text</v> and the cell's end tag, read at once (what the loop below reads token by token).
        vStart = x.textStart;
        vEnd = x.textEnd;
      } else if (!x.selfClosing) {
        const depth = x.depth - 1;
        for (let t = x.next(); t !== EOF; t = x.next()) {
          if (t === CLOSE) {
            if (x.depth === depth) break;
            continue;
          }
          if (t !== OPEN) continue;
          const n0 = b[x.nameStart];
          const len = x.nameEnd - x.nameStart;
          if (len === 1 && n0 === V) {
            vStart = -1;
            vEnd = -1;
            vText = null;
            // An empty <v/> or <v></v> is no value (ExcelJS read it so: a formula's result "" is blank).
            if (x.selfClosing) {
              x.next();
              continue;
            }
            const vDepth = x.depth - 1;
            let runs = 0;
            for (let u = x.next(); u !== EOF; u = x.next()) {
              if (u === CLOSE && x.depth === vDepth) break;
              if (u !== TEXT) continue;
              if (x.textEnd - x.textStart > MAX_TEXT_BYTES) throw tooLong(where(row, col));
              if (runs++ === 0 && !x.cdata) {
                vStart = x.textStart;
                vEnd = x.textEnd;
              } else {
                vText = (vText ?? (vStart >= 0 ? decodeText(b, vStart, vEnd, false) : "")) + x.text();
                vStart = -1;
              }
            }
          } else if (len === 1 && n0 === F) {
            x.skipElement();
          } else if (len === 2 && x.is("is")) {
            inline = readRichText(x);
          } else {
            x.skipElement();
          }
        }
      } else {
        x.next();
      }
      const raw = vStart >= 0 ? null : vText;
      let value: CellValue;
      switch (type) {
        case T_SHARED: {
          if (vStart < 0 && raw === null) value = null;
          else {
            let index = vStart >= 0 ? integerAt(b, vStart, vEnd) : indexOfText(raw!);
            // A character reference in the index (`<v>&#49;</v>` is 1): XML allows it, no writer does.
            if (index < 0 && vStart >= 0 && hasReference(b, vStart, vEnd))
              index = indexOfText(decodeText(b, vStart, vEnd, false));
            if (!(Number.isInteger(index) && index >= 0 && index < sharedStrings.length))
              throw new SheetProblem("corrupt", {
                vi: `${where(row, col).vi}: tham chiếu đến chuỗi dùng chung không có`,
                en: `${where(row, col).en}: a reference to a shared string that does not exist`,
              });
            if (anyTooLong && ctx.strings.tooLong.has(index)) throw tooLong(where(row, col));
            value = sharedStrings[index];
          }
          break;
        }
        case T_INLINE:
          if (inline === null) throw tooLong(where(row, col));
          value = inline === undefined ? null : inline;
          break;
        case T_STRING: {
          const s = vStart >= 0 ? decodeText(b, vStart, vEnd, false) : raw;
          if (s !== null && s.length > LIMITS.cellTextChars) throw tooLong(where(row, col));
          value = s;
          break;
        }
        case T_BOOLEAN: {
          const s = vStart >= 0 ? decodeText(b, vStart, vEnd, false) : raw;
          // "1"/"0" as Excel writes them; "true"/"false" are xsd:boolean too (Strict OOXML, other writers).
          value =
            s === null
              ? null
              : /^\s*false\s*$/i.test(s)
                ? false
                : /^\s*true\s*$/i.test(s) || parseInt(s, 10) !== 0;
          break;
        }
        case T_ERROR: {
          const s = vStart >= 0 ? decodeText(b, vStart, vEnd, false) : raw;
          value = s === null ? null : cellError(s);
          break;
        }
        case T_DATE: {
          const s = vStart >= 0 ? decodeText(b, vStart, vEnd, false) : raw;
          value =
            s === null
              ? null
              : dateValue(Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) || !s.includes("T") ? s : `${s}Z`));
          break;
        }
        default: {
          if (vStart < 0 && raw === null) {
            value = null;
            break;
          }
          let n = vStart >= 0 ? numberAt(b, vStart, vEnd) : parseFloat(raw!);
          if (Number.isNaN(n) && vStart >= 0 && hasReference(b, vStart, vEnd))
            n = parseFloat(decodeText(b, vStart, vEnd, false));
          if (kind === DATE) value = serialDate(n, ctx.date1904);
          else if (!Number.isFinite(n)) value = cellError("#NUM!");
          else value = kind === PERCENT ? percentText(n) : n;
        }
      }
      if (value === null) continue;
      if (row !== currentNumber) {
        const lastNumber = rowNumbers.length > 0 ? rowNumbers[rowNumbers.length - 1] : 0;
        current = null;
        if (row <= lastNumber) {
          if (!byNumber) byNumber = new Map(rowNumbers.map((n, i) => [n, rowValues[i]]));
          current = byNumber.get(row) ?? null;
        }
        if (!current) {
          current = [];
          rowNumbers.push(row);
          rowValues.push(current);
          byNumber?.set(row, current);
        }
        currentNumber = row;
      }
      const values = current!;
      // Every cell, and the width of a row up to it, counts against the budget: wide sparse rows
      // cannot fill memory.
      cellsLeft -= col > values.length ? col - values.length : 1;
      if (cellsLeft < 0) tooManyCells(where(row, col));
      if (col > values.length) {
        while (values.length < col - 1) values.push(null);
        values.push(value);
      } else values[col - 1] = value;
    } else if (length === 3 && x.is("row")) {
      const r = x.attr("r");
      let n = rowNumber + 1;
      if (r >= 0) {
        const s = x.valueStart(r);
        const e = x.valueEnd(r);
        n = integerAt(b, s, e, LIMITS.rows + 1);
        if (n < 0)
          throw new SheetProblem("corrupt", {
            vi: `trang tính “${ctx.name}”, số dòng “${x.attrValue("r")}” không hợp lệ`,
            en: `sheet “${ctx.name}”, the row number “${x.attrValue("r")}” is not valid`,
          });
      }
      if (n > LIMITS.rows || n < 1)
        throw new SheetProblem("beyond-excel", {
          vi: `trang tính “${ctx.name}”, dòng ${x.attrValue("r") ?? n}`,
          en: `sheet “${ctx.name}”, row ${x.attrValue("r") ?? n}`,
        });
      rowNumber = n;
      column = 0;
    } else if (length === 9 && x.is("mergeCell")) {
      const ref = x.attrValue("ref");
      const range = ref === null ? null : parseRange(ref);
      if (!range)
        throw new SheetProblem("corrupt", {
          vi: `trang tính “${ctx.name}”, vùng gộp ô “${ref}” không hợp lệ`,
          en: `sheet “${ctx.name}”, the merged range “${ref}” is not valid`,
        });
      if (range.bottom > LIMITS.rows || range.right > LIMITS.columns)
        throw new SheetProblem("beyond-excel", {
          vi: `trang tính “${ctx.name}”, vùng gộp ô ${ref}`,
          en: `sheet “${ctx.name}”, merged range ${ref}`,
        });
      if (range.bottom > range.top || range.right > range.left) merges.push(range);
    }
  }
  sheet.byNumber = byNumber;
  sheet.rowNumber = rowNumber;
  sheet.column = column;
  sheet.current = current;
  sheet.currentNumber = currentNumber;
  sheet.cellsLeft = cellsLeft;
}

function tooManyCells(at: Message): never {
  throw new SheetProblem("too-many-cells", {
    vi: `quá ${LIMITS.cells.toLocaleString("vi-VN")} ô có giá trị, tại ${at.vi}`,
    en: `over ${LIMITS.cells.toLocaleString("en-US")} cells with a value, at ${at.en}`,
  });
}

function tooLong(at: Message): SheetProblem {
  return new SheetProblem("text-too-long", at);
}

/** The cell type from the raw bytes [s, e) of its `t` attribute (s = -1: none, a number). */
function cellType(b: Uint8Array, s: number, e: number): number {
  if (s < 0) return T_NUMBER;
  const c0 = b[s];
  const len = e - s;
  if (len === 1)
    return c0 === 0x73
      ? T_SHARED
      : c0 === 0x62
        ? T_BOOLEAN
        : c0 === 0x65
          ? T_ERROR
          : c0 === 0x64
            ? T_DATE
            : T_NUMBER;
  if (len === 3 && c0 === 0x73) return T_STRING;
  if (len === 9 && c0 === 0x69) return T_INLINE;
  return T_NUMBER;
}

/** A non-negative integer written in bytes [s, e); -1 when it is not one; `cap` once past it. */
function integerAt(b: Uint8Array, s: number, e: number, cap = Number.MAX_SAFE_INTEGER): number {
  while (s < e && (b[s] === 0x20 || b[s] === 0x0a || b[s] === 0x09 || b[s] === 0x0d)) s++;
  while (e > s && (b[e - 1] === 0x20 || b[e - 1] === 0x0a || b[e - 1] === 0x09 || b[e - 1] === 0x0d)) e--;
  if (s >= e) return -1;
  let n = 0;
  for (let i = s; i < e; i++) {
    const d = b[i] - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    if (n < cap) n = n * 10 + d;
  }
  return Math.min(n, cap);
}

/**
 * A shared-string index written as text (decoded references, or several runs): digits only, with
 * XML white space around them, as `integerAt` reads bytes ("1e1", "+1", "0x10" are no index); -1
 * otherwise.
 */
function indexOfText(text: string): number {
  return /^[ \t\r\n]*\d+[ \t\r\n]*$/.test(text) ? Number(text) : -1;
}

/** True when bytes [s, e) hold an entity or character reference ("&"): their text must be decoded. */
function hasReference(b: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (b[i] === 0x26) return true;
  return false;
}

/** A number written in bytes [s, e): short integers directly, the rest through parseFloat. */
function numberAt(b: Uint8Array, s: number, e: number): number {
  const len = e - s;
  if (len > 0 && len <= 15) {
    let i = s;
    const negative = b[i] === 0x2d;
    if (negative) i++;
    let n = 0;
    let plain = i < e;
    for (; i < e; i++) {
      const d = b[i] - DIGIT_0;
      if (d < 0 || d > 9) {
        plain = false;
        break;
      }
      n = n * 10 + d;
    }
    if (plain) return negative ? -n : n;
  }
  let text = "";
  for (let i = s; i < e && i < s + 400; i++) {
    // A reference ("1&#50;" is 12): NaN, so the caller decodes the text (parseFloat would stop at "&").
    if (b[i] === 0x26) return NaN;
    text += String.fromCharCode(b[i]);
  }
  return parseFloat(text);
}

/** A date serial number (1900 or 1904 system) as ExcelJS gave it: the UTC instant, then `CellDate`. */
function serialDate(serial: number, date1904: boolean): CellValue {
  return dateValue(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

function dateValue(ms: number): CellValue {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return cellError("#VALUE!");
  const iso = date.toISOString();
  const time = iso.slice(11, 19);
  return { kind: "date", iso: time === "00:00:00" ? iso.slice(0, 10) : iso.slice(0, 19) };
}

/** "B2:D5" (or "B2") → a range, top-left first; null when not a reference. */
export function parseRange(ref: string): GridRange | null {
  const m = /^\$?([A-Za-z]{1,4})\$?(\d{1,8})(?::\$?([A-Za-z]{1,4})\$?(\d{1,8}))?$/.exec(ref.trim());
  if (!m) return null;
  const c1 = lettersToNumber(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? lettersToNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  if (r1 < 1 || r2 < 1) return null;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

function lettersToNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & 0xdf) - 64;
  return n;
}

const EMPTY_ROW: CellValue[] = Object.freeze([]) as unknown as CellValue[];

/** Merged ranges may blank at most this many (row, range) pairs in one sheet before it is refused. */
const MERGE_WORK = 50_000_000;

/** Rows of cells → the trimmed grid the core reads (the shape src/xlsx/grids.ts always produced). */
function buildGrid(
  name: string,
  unsortedNumbers: number[],
  unsortedValues: CellValue[][],
  merges: GridRange[],
): SheetGrid {
  let rowNumbers = unsortedNumbers;
  let rowValues = unsortedValues;
  if (rowNumbers.some((n, i) => i > 0 && n < rowNumbers[i - 1])) {
    const order = rowNumbers.map((_, i) => i).sort((a, b) => unsortedNumbers[a] - unsortedNumbers[b]);
    rowNumbers = order.map((i) => unsortedNumbers[i]);
    rowValues = order.map((i) => unsortedValues[i]);
  }
  // Cells a merged range covers, other than its top-left one, are blank (as in Excel).
  let work = 0;
  for (const m of merges) {
    for (let i = lowerBound(rowNumbers, m.top); i < rowNumbers.length && rowNumbers[i] <= m.bottom; i++) {
      const values = rowValues[i];
      const first = rowNumbers[i] === m.top ? m.left + 1 : m.left;
      const last = Math.min(m.right, values.length);
      work += 1 + Math.max(0, last - first + 1);
      if (work > MERGE_WORK)
        throw new SheetProblem("too-many-cells", {
          vi: `trang tính “${name}”: quá nhiều vùng gộp ô chồng lên dữ liệu`,
          en: `sheet “${name}”: too many merged ranges over the data`,
        });
      for (let c = first; c <= last; c++) values[c - 1] = null;
    }
  }
  // The used range: cells with a value that is not blank text.
  let top = Infinity;
  let bottom = 0;
  let left = Infinity;
  let right = 0;
  for (let i = 0; i < rowNumbers.length; i++) {
    const rowNumber = rowNumbers[i];
    const values = rowValues[i];
    // The first and the last value that is not blank, each from its end: a full row is two looks.
    let first = 0;
    while (first < values.length && isBlank(values[first])) first++;
    if (first === values.length) continue;
    first++;
    let last = values.length;
    while (isBlank(values[last - 1])) last--;
    if (rowNumber < top) top = rowNumber;
    if (rowNumber > bottom) bottom = rowNumber;
    if (first < left) left = first;
    if (last > right) right = last;
  }
  if (bottom === 0) return { name, rows: [], firstRow: 1, firstColumn: 1 };

  // Rows with nothing in them share one empty array: rows 1 and 1,048,576 cost one pointer per row
  // in between, not one array each.
  const grid = new Array<CellValue[]>(bottom - top + 1).fill(EMPTY_ROW);
  for (let i = 0; i < rowNumbers.length; i++) {
    const rowNumber = rowNumbers[i];
    if (rowNumber < top || rowNumber > bottom) continue;
    const values = rowValues[i];
    // The row ends at its last value (blank text included), and at the used range's right edge.
    let end = Math.min(values.length, right);
    while (end > 0 && values[end - 1] === null) end--;
    if (end < left) continue;
    if (left === 1 && end === values.length) grid[rowNumber - top] = values;
    else grid[rowNumber - top] = values.slice(left - 1, end);
  }
  const clipped = clipMerges(merges, bottom, right);
  return {
    name,
    rows: grid,
    firstRow: top,
    firstColumn: left,
    ...(clipped.length > 0 ? { merges: clipped } : {}),
  };
}

/**
 * Merged ranges clipped to the data's extent (a merge over the whole sheet is not a billion cells):
 * ranges wholly beyond the data are dropped; the others end at the data's last row and column, but
 * a range of several rows (or columns) keeps at least two, since the core tells a caption (one row)
 * from a cell merged down (several) by that.
 */
function clipMerges(merges: readonly GridRange[], lastRow: number, lastColumn: number): GridRange[] {
  const out: GridRange[] = [];
  for (const m of merges) {
    if (m.top > lastRow || m.left > lastColumn) continue;
    const bottom = Math.max(Math.min(m.bottom, lastRow), Math.min(m.bottom, m.top + 1));
    const right = Math.max(Math.min(m.right, lastColumn), Math.min(m.right, m.left + 1));
    out.push({ top: m.top, left: m.left, bottom, right });
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
