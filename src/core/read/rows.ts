import { isBlank, type CellValue } from "../cells";
import type { SheetGrid } from "../grid";
import type { SkippedRowKind } from "../issues";
import { collapseSpaces, foldCodeOf, foldKey } from "../text/normalize";
import { isWhiteSpaceCode } from "../text/whiteSpace";
import type { HeaderRow } from "./headers";

/**
 * What a row under the header is. Only "data" rows are read; "blank" rows are skipped without a
 * word; the other kinds are skipped and listed (one information line per kind and sheet).
 *
 * - "header": the header row (or its group row) repeated in the body, as when printed pages are
 *   copied together;
 * - "numbering": a row of column numbers, `1 2 3 …`, `(1) (2) (3) …`, `A B 1 2 …`;
 * - "heading": a commune or group heading ("Xã Yên Lỗ", "I. XÃ YÊN LỖ"), merged across or not;
 * - "total": a subtotal or total ("Cộng xã Yên Lỗ", "Cộng", "Tổng cộng (6 thôn)", "Toàn huyện",
 *   "Tổng số thôn", a pivot table's "Yên Lỗ Total");
 * - "note": a note or caption merged across the table, a "Ghi chú: …" line, a sample row ("Ví dụ").
 */
export type RowKind = "data" | "blank" | SkippedRowKind;

/** Unit words a total or heading names after "Cộng" / "Toàn" / the numbering (folded, one word each). */
const UNIT_WORDS = new Set([
  "xa",
  "phuong",
  "thitran",
  "dackhu",
  "huyen",
  "quan",
  "thixa",
  "thanhpho",
  "tinh",
  "tp",
  "thon",
  "ban",
  "khoi",
  "khoipho",
  "khupho",
  "to",
  "todanpho",
  "xom",
  "ap",
  "lang",
  "chibo",
  "donvi",
  "dangbo",
]);
/** Two-word unit names, folded and joined ("thị trấn" → "thitran"). */
const UNIT_PAIRS = new Set([
  "thitran",
  "dackhu",
  "thixa",
  "thanhpho",
  "khoipho",
  "khupho",
  "chibo",
  "donvi",
  "dangbo",
]);
/** Units a heading may name that are communes: such a heading supplies the commune of the rows under it. */
const COMMUNE_WORDS = new Set(["xa", "phuong", "thitran", "dackhu"]);
/** Units above a commune: a heading naming one ends the commune of the heading before it. */
const ABOVE_COMMUNE_WORDS = new Set(["huyen", "quan", "thixa", "thanhpho", "tinh", "tp"]);
/** Units an unnumbered heading may name (a commune or above; "Xóm Bãi" alone is a village, not a heading). */
const HEADING_WORDS = new Set([...COMMUNE_WORDS, "huyen", "quan", "thixa", "thanhpho", "tinh", "tp"]);
/** Whole-cell totals ("Tổng cộng", "Cộng", "Total"); parenthesised parts dropped first. */
const TOTAL_TEXTS = new Set(["tong", "cong", "tongcong", "tongso", "total", "grandtotal", "tongcuoi", "sum"]);
/** First words of notes and sample rows. */
const NOTE_STARTS = ["ghichu", "chuthich", "luuy", "nguon", "vidu", "vd", "mau", "example", "sample", "note"];

/** Words of a text, folded (no case, no diacritics, đ → d), parenthesised parts dropped. */
function foldedWords(text: string): string[] {
  const words: string[] = [];
  for (const w of collapseSpaces(text.replace(/\([^)]*\)/g, " ")).split(" ")) {
    const k = foldKey(w);
    if (k) words.push(k);
  }
  return words;
}

/** Joins a two-word unit name at `i` ("thi", "tran" → "thitran"); returns the word and the next index. */
function unitWordAt(words: readonly string[], i: number): { word: string; next: number } | null {
  if (i >= words.length) return null;
  const pair = i + 1 < words.length ? words[i] + words[i + 1] : "";
  if (UNIT_PAIRS.has(pair)) return { word: pair, next: i + 2 };
  return UNIT_WORDS.has(words[i]) ? { word: words[i], next: i + 1 } : null;
}

/** An "o" of any tone and case (Cộng, Tổng, Toàn, Total), precomposed or plain. */
function isAnyO(c: number): boolean {
  return (
    c === 111 ||
    c === 79 ||
    (c >= 0xd2 && c <= 0xd6) ||
    (c >= 0xf2 && c <= 0xf6) ||
    (c >= 0x1ecc && c <= 0x1ee3)
  );
}

/**
 * A quick test that rules out almost every cell before folding: a total begins with "Co", "To" (an
 * o of any tone: Cộng, Tổng, Toàn, Total), "Gr" (Grand total) or "Su" (Sum), or ends with "Total"
 * (a pivot table's subtotal). Names such as "Trần", "Tuấn", "Lạng Sơn" stop at their first letters.
 */
function mayBeTotal(text: string): boolean {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  // Never read past the end (0 answers as NaN does below): a read out of bounds deoptimised the
  // classifier it is inlined in once per run, and it was compiled again (tens of ms).
  const first = (i < text.length ? text.charCodeAt(i) : 0) | 32;
  const second = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
  if ((first === 99 || first === 116) && isAnyO(second)) return true;
  if (first === 103 && (second | 32) === 114) return true;
  if (first === 115 && (second | 32) === 117) return true;
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) <= 32) end--;
  return (
    end >= 5 && (text.charCodeAt(end - 1) | 32) === 108 && text.slice(end - 4, end).toLowerCase() === "otal"
  );
}

/**
 * True when `mayBeTotal` is false, decided without its loops over spaces for a text that begins and
 * ends with a visible character (most cells): the same first-two-letters and last-letter tests.
 * False (not sure) for a text with a space or a control character at either end. Small enough to
 * be inlined in the row classifier's loops, where most cells stop ("Trưởng thôn", "Sơn", "Cao
 * đẳng" at their second letter). A test compares it with `isTotalLabel`. Exported for that test.
 */
export function surelyNoTotal(text: string): boolean {
  const n = text.length;
  if (n === 0) return true;
  const a = text.charCodeAt(0);
  const z = text.charCodeAt(n - 1);
  if (a <= 32 || z <= 32) return false;
  if ((z | 32) === 108) return false;
  const f = a | 32;
  const b = n > 1 ? text.charCodeAt(1) : 0;
  if ((f === 99 || f === 116) && isAnyO(b)) return false;
  if (f === 103 && (b | 32) === 114) return false;
  return !(f === 115 && (b | 32) === 117);
}

/** First words a total may begin with, folded ("Tổng cộng", "Cộng xã …", "Toàn huyện", "Grand Total", "Sum"). */
const FIRST_WORDS = new Set(["tong", "cong", "toan", "total", "grand", "sum", "tongcong", "tongso"]);
const FIRST_WORD_LIST = [...FIRST_WORDS];
/** The longest of FIRST_WORDS. */
const FIRST_WORD_MAX = Math.max(...FIRST_WORD_LIST.map((w) => w.length));

/** The text up to its first space (leading spaces skipped). */
function firstWord(text: string): string {
  const t = text.trimStart();
  const space = t.indexOf(" ");
  return space < 0 ? t : t.slice(0, space);
}

/** The folded letters of a first word being compared by `startsWithTotalWord` (reused). */
const firstWordCodes = new Uint16Array(FIRST_WORD_MAX);

/**
 * `FIRST_WORDS.has(foldKey(firstWord(text)))`, without making the word or its key: the word's
 * characters are folded one by one through `foldCodeOf` (`foldKey` works character by character)
 * and the letters compared with the words of the list; a word with more letters than the longest is
 * none of them. A text beginning with a space, or with a character the fold table leaves to the
 * definition, goes the plain way. Names such as "Tô Văn Tổng" and "Công Thị Hà" came this far on
 * every row (a word and a key made per cell). Exported for its test, which compares.
 */
export function startsWithTotalWord(text: string): boolean {
  if (text.length === 0 || isWhiteSpaceCode(text.charCodeAt(0)))
    return FIRST_WORDS.has(foldKey(firstWord(text)));
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) break;
    const f = foldCodeOf(c);
    if (f < 0) return FIRST_WORDS.has(foldKey(firstWord(text)));
    if (f === 0) continue;
    // Folding never takes back a letter, so the key is longer than any word of the list.
    if (n === FIRST_WORD_MAX) return false;
    firstWordCodes[n++] = f;
  }
  for (const word of FIRST_WORD_LIST) {
    if (word.length !== n) continue;
    let k = 0;
    while (k < n && word.charCodeAt(k) === firstWordCodes[k]) k++;
    if (k === n) return true;
  }
  return false;
}

/**
 * True when the text, trimmed and in lower case, ends with "total". A text whose last character is
 * no space and no "l" cannot (only "L" lower-cases to "l"), and is decided without making the
 * trimmed and lower-cased copies. Exported for its test, which compares with the plain definition.
 */
export function endsWithTotal(text: string): boolean {
  if (text.length === 0) return false;
  const last = text.charCodeAt(text.length - 1);
  if ((last | 32) !== 108 && !isWhiteSpaceCode(last)) return false;
  return text.trimEnd().toLowerCase().endsWith("total");
}

/** True when the text labels a subtotal or total row. "Cộng Hòa" (a name) is not one; "Cộng xã Cộng Hòa" is. */
export function isTotalLabel(text: string): boolean {
  if (!mayBeTotal(text)) return false;
  if (!startsWithTotalWord(text) && !endsWithTotal(text)) return false;
  const words = foldedWords(text);
  if (words.length === 0) return false;
  if (TOTAL_TEXTS.has(words.join(""))) return true;
  // A pivot table's "Yên Lỗ Total"; not "… Tổng", which ends people's names ("Tô Văn Tổng").
  if (words.length >= 2 && words[words.length - 1] === "total") return true;
  let i = 0;
  if (words[0] === "tong" && words[1] === "cong") i = 2;
  else if (words[0] === "tong" && words[1] === "so") i = 2;
  else if (words[0] === "tong" || words[0] === "cong") i = 1;
  if (words[i] === "toan") i++;
  else if (i === 0) return false;
  return unitWordAt(words, i) !== null;
}

/** Leading numbering of a heading: "I.", "II -", "1.", "A)", "2/". */
const HEADING_NUMBER = /^\s*(?:[IVXLC]{1,6}|\d{1,3}|[A-Za-z])\s*[.)/\-–:]\s*/;

/**
 * When the text is a heading ("Xã Yên Lỗ", "I. XÃ YÊN LỖ", "Huyện Bình Gia"): the commune it names
 * ("Yên Lỗ"; null for a heading that names no commune). Undefined when it is not a heading.
 */
export function headingOf(text: string): { commune: string | null } | undefined {
  const numbered = HEADING_NUMBER.exec(text);
  const rest = numbered ? text.slice(numbered[0].length) : text;
  const words = foldedWords(rest);
  const unit = unitWordAt(words, 0);
  if (!unit || unit.next >= words.length || (!numbered && !HEADING_WORDS.has(unit.word))) {
    return numbered && words.length > 0 ? { commune: null } : undefined;
  }
  if (!COMMUNE_WORDS.has(unit.word)) return { commune: null };
  // "Xã Yên Lỗ (9 thôn)": the count in brackets is no part of the commune's name.
  const name = collapseSpaces(rest.replace(/\([^)]*\)/g, " ").replace(/[:.]\s*$/, "")).trim();
  return { commune: withoutKindWord(titleCase(name)) };
}

/** Kind words of a commune as written, diacritics included ("Xà Phìn" is a name, "Xã Phìn" a commune). */
const COMMUNE_KIND_WORDS = ["xã", "phường", "thị trấn", "đặc khu"];

/**
 * "Xã Yên Lỗ" → "Yên Lỗ": the commune as its rows would name it. Only a kind word written as one
 * is dropped, so names that fold to a kind word ("Xà Phìn", "Phương Sơn") stay whole.
 */
function withoutKindWord(name: string): string {
  const lower = name.normalize("NFC").toLocaleLowerCase("vi");
  for (const kind of COMMUNE_KIND_WORDS) {
    if (lower.startsWith(`${kind} `) && lower.length > kind.length + 1) return name.slice(kind.length + 1);
  }
  return name;
}

/** "XÃ YÊN LỖ" → "Xã Yên Lỗ"; text already in mixed case is kept. */
function titleCase(text: string): string {
  if (text !== text.toUpperCase()) return text;
  return text
    .toLowerCase()
    .split(" ")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
}

function isNoteText(text: string): boolean {
  const key = foldKey(text);
  return NOTE_STARTS.some((w) => key.startsWith(w)) || text.trimStart().startsWith("*") || key.length > 60;
}

/**
 * The numbering-row token of a cell: a number 1–99, "(n)", "6a", or one capital letter; null
 * otherwise. Exported for its test, which compares the quick refusal with the patterns.
 */
export function numberingToken(v: CellValue): number | "letter" | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= 1 && v < 100 ? v : null;
  if (typeof v !== "string" || v.length > 8) return null;
  // A token is five characters at most ("(12a)") and begins with "(", a digit or a capital letter:
  // a text longer than that with nothing to trim at either end, or beginning with any other
  // character, is none (a name such as "Lạng Sơn" is refused without trimming it or two patterns).
  const first = v.length === 0 ? 0 : v.charCodeAt(0);
  if (!isWhiteSpaceCode(first)) {
    if (first !== 40 && !(first >= 48 && first <= 57) && !(first >= 65 && first <= 90)) return null;
    if (v.length > 5 && !isWhiteSpaceCode(v.charCodeAt(v.length - 1))) return null;
  }
  const text = v.trim();
  // "6a", "(6b)": a column added between 6 and 7 later; it counts as coming just after 6.
  const m = /^\(?(\d{1,2})([a-z]?)\)?$/.exec(text);
  if (m) return Number(m[1]) + (m[2] ? (m[2].charCodeAt(0) - 96) / 100 : 0);
  return /^\(?[A-Z]\)?$/.test(text) ? "letter" : null;
}

/**
 * Whether a text cell of the row up to column `end` labels a total: what `classify` asks of every
 * cell of a row before anything else. A blank text is no total label (it has no words), so blank cells
 * need no test of their own.
 */
function hasTotalLabel(row: readonly CellValue[], end: number): boolean {
  for (let c = 0; c <= end; c++) {
    const v = row[c];
    if (typeof v === "string" && !surelyNoTotal(v) && isTotalLabel(v)) return true;
  }
  return false;
}

/**
 * Classifies the rows under one sheet's header. Built once per sheet; `classify` looks at the row's
 * cells up to the last read column, with quick first-character tests before any folding.
 */
export class RowClassifier {
  /** Last column index read. */
  private readonly last: number;
  /** Trimmed texts of the header's rows (and the row above a one-row header), by column. */
  private readonly headerTexts: (string | undefined)[][] = [];
  /** The same texts with spaces collapsed, in lower case (made once, not once per cell compared). */
  private readonly headerLower: (string | undefined)[][] = [];
  /** The row of a signature block ("Người lập biểu"), once seen; every row below it is a note. */
  private signedAt = Infinity;
  /** Rows whose only content is one cell merged across two read columns or more. */
  private readonly merged: Set<number> | null;

  /**
   * `plain`: classify by the plain definition, every cell of the row through every test, without
   * stopping once the kind is settled; for the test that compares the two.
   */
  constructor(
    private readonly grid: SheetGrid,
    header: HeaderRow,
    indexes: readonly { index: number }[],
    private readonly plain = false,
  ) {
    let last = 0;
    for (const { index } of indexes) if (index > last) last = index;
    this.last = last;
    const top = header.topIndex === header.rowIndex ? header.rowIndex - 1 : header.topIndex;
    for (let r = Math.max(0, top); r <= header.rowIndex; r++) {
      const texts: (string | undefined)[] = [];
      const row = grid.rows[r] ?? [];
      for (let c = 0; c <= last && c < row.length; c++) {
        const v = row[c];
        texts.push(typeof v === "string" && !isBlank(v) ? v.trim() : undefined);
      }
      // A row with no text (often the blank row above a one-row header) can match no cell: not
      // kept, so that no cell of the body is compared with it.
      if (texts.every((h) => h === undefined)) continue;
      this.headerTexts.push(texts);
      this.headerLower.push(
        texts.map((h) => (h === undefined ? undefined : collapseSpaces(h).toLowerCase())),
      );
    }
    this.merged = mergedCaptionRows(grid, header.rowIndex, indexes);
  }

  classify(r: number): RowKind {
    const row = this.grid.rows[r];
    if (!row || row.length === 0) return "blank";
    const end = Math.min(row.length - 1, this.last);
    const settles = !this.plain;
    // A cell that labels a total makes the row a total whatever the others hold (the loop below
    // returns at the first one, and at nothing before it), so every cell is asked that first, in a
    // loop of its own: the row's cells are cold in memory, and in a loop this small their loads
    // overlap, where the loop below waits for each in turn. That loop then finds them in the cache.
    if (settles && hasTotalLabel(row, end)) return "total";
    let nonBlank = 0;
    let headerCells = 0;
    let numbering = true;
    let tokens = 0;
    let previous = 0;
    let only: string | null = null;
    let ordinalFirst = false;
    for (let c = 0; c <= end; c++) {
      // Settled: with four non-blank cells or more, not numbering and not all header texts, the kind
      // is decided by what was seen (no signature row, no single text; no total label, asked above).
      if (settles && nonBlank >= 4 && !numbering && headerCells !== nonBlank) break;
      const v = row[c];
      if (v === null || v === undefined || (typeof v === "string" && isBlank(v))) continue;
      nonBlank++;
      if (nonBlank === 1) ordinalFirst = isOrdinal(v);
      if (numbering) {
        const token = numberingToken(v);
        if (token === null || (token === "letter" && previous > 0)) numbering = false;
        else if (token !== "letter") {
          if (token <= previous) numbering = false;
          previous = token;
        }
        tokens++;
      }
      if (typeof v !== "string") continue;
      // Only "every non-blank cell is a header text" matters: once one cell is not, none is asked.
      if (headerCells === nonBlank - 1 && this.isHeaderText(v, c)) headerCells++;
      // Asked above, of every cell, when the row settles.
      if (!settles && !surelyNoTotal(v) && isTotalLabel(v)) return "total";
      // The one text of the row, also after an ordinal ("II" | "XÃ TÂN VĂN").
      only = nonBlank === 1 || (nonBlank === 2 && ordinalFirst) ? v : null;
    }
    if (nonBlank === 0) return "blank";
    if (r > this.signedAt) return "note";
    // A signature block under the table ("Người lập biểu", "TM. ĐẢNG ỦY", "(Ký, ghi rõ họ tên)",
    // "…, ngày 5 tháng 3 năm 2025"): sparse rows, so only those are looked at. It and every row
    // below it are notes: the signers' names are no villages.
    if (nonBlank <= 3 && this.isSignatureRow(row, end)) {
      this.signedAt = r;
      return "note";
    }
    if (numbering && tokens >= 3 && previous > 0) return "numbering";
    if (headerCells === nonBlank) return "header";
    if (only !== null && (nonBlank === 1 || (nonBlank === 2 && ordinalFirst))) {
      const text = only;
      if (this.merged?.has(r)) return headingOf(text) || ordinalFirst ? "heading" : "note";
      if (headingOf(text)) return "heading";
      // "II" | "TÂN VĂN": a roman ordinal or a name in capitals after an ordinal heads a group.
      if (nonBlank === 2 && (text === text.toUpperCase() || this.romanFirst(r))) return "heading";
      if (isNoteText(text)) return "note";
      return "data";
    }
    // A sample row on an instructions sheet, or a note with figures: judged by its first cell.
    const first = firstText(row, end);
    if (first !== null && isSampleStart(first)) return "note";
    return "data";
  }

  private romanFirst(r: number): boolean {
    const row = this.grid.rows[r] ?? [];
    for (let c = 0; c <= this.last && c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined || (typeof v === "string" && isBlank(v))) continue;
      return typeof v === "string" && numberStyle(v) === "roman";
    }
    return false;
  }

  private isSignatureRow(row: readonly CellValue[], end: number): boolean {
    for (let c = 0; c <= end; c++) {
      const v = row[c];
      if (typeof v === "string" && v.length <= 80 && isSignatureText(v)) return true;
    }
    return false;
  }

  /**
   * What a heading row says: the commune it names ("Xã Yên Lỗ", also after an ordinal in its own
   * cell: "I" | "Xã Yên Lỗ") or null; whether it names a unit above a commune ("Huyện Văn Quan");
   * and the form of its numbering ("roman", "arabic", "letter", "" for none), so that a heading
   * of the same rank as a commune heading ("II. TÂN VĂN" after "I. XÃ YÊN LỖ") ends that commune.
   */
  heading(r: number): { commune: string | null; above: boolean; style: string } {
    const row = this.grid.rows[r] ?? [];
    let ordinal: string | null = null;
    let text: string | null = null;
    for (let c = 0; c <= this.last && c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined || (typeof v === "string" && isBlank(v))) continue;
      if (ordinal === null && text === null && isOrdinal(v)) ordinal = String(v);
      else if (typeof v === "string") {
        text = v;
        break;
      } else break;
    }
    if (text === null)
      return { commune: null, above: false, style: ordinal === null ? "" : numberStyle(ordinal) };
    const numbered = HEADING_NUMBER.exec(text);
    const style = ordinal !== null ? numberStyle(ordinal) : numbered ? numberStyle(numbered[0]) : "";
    const rest = numbered ? text.slice(numbered[0].length) : text;
    const unit = unitWordAt(foldedWords(rest), 0);
    const above = unit !== null && ABOVE_COMMUNE_WORDS.has(unit.word);
    return { commune: headingOf(text)?.commune ?? null, above, style };
  }

  private isHeaderText(v: string, c: number): boolean {
    for (let t = 0; t < this.headerTexts.length; t++) {
      const h = this.headerTexts[t][c];
      if (h === undefined) continue;
      if (v.length === h.length) {
        // Case aside ("THÔN" for "Thôn"), compared only when the first letters agree.
        if (
          v === h ||
          ((v.charCodeAt(0) | 32) === (h.charCodeAt(0) | 32) && v.toLowerCase() === h.toLowerCase())
        )
          return true;
      } else if ((v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32) && v.trim() === h) {
        return true;
      }
      // The header typed again with a line break, a double space or in capitals ("Bí thư\nchi bộ",
      // "TRƯỞNG  THÔN"): compared with spaces collapsed, only when the first letters agree.
      if (
        (v.charCodeAt(0) | 32) === (h.charCodeAt(0) | 32) &&
        sameLowered(collapseSpaces(v), this.headerLower[t][c]!)
      )
        return true;
    }
    return false;
  }
}

/**
 * `text.toLowerCase() === lowered`, without lower-casing a text whose length already rules it out
 * (names under a header that begin with its letter: "Thôn Gia Tiên" under "Thôn"). Lower-casing
 * never shortens a text and lengthens it only by U+0130 ("İ" → "i̇", the one such character in
 * Unicode), so a longer text, or a shorter one without U+0130, cannot match. A test compares.
 */
export function sameLowered(text: string, lowered: string): boolean {
  if (text.length > lowered.length) return false;
  if (text.length < lowered.length && text.indexOf("\u0130") < 0) return false;
  return text.toLowerCase() === lowered;
}

/** Folded starts of a signature block's lines ("Người lập biểu", "(Ký, ghi rõ họ tên)"). */
const SIGNATURE_STARTS = ["nguoilap", "thutruong", "xacnhan", "nguoiky", "nguoiduyet", "kyghiro", "kyten"];
/** "TM. ĐẢNG ỦY", "T/M UBND", "KT. CHỦ TỊCH" (as written). */
const ON_BEHALF = /^\s*(?:T\/?M|K\/?T)\s*[./]/i;
/** "Bình Gia, ngày 5 tháng 3 năm 2025", "ngày … tháng … năm …" (folded). */
const DATE_LINE = /ngay\d*thang\d*nam/;

/** A line of a signature block under the table. */
function isSignatureText(text: string): boolean {
  if (ON_BEHALF.test(text)) return true;
  const key = foldKey(text);
  return SIGNATURE_STARTS.some((w) => key.startsWith(w)) || DATE_LINE.test(key);
}

function firstText(row: readonly CellValue[], end: number): string | null {
  for (let c = 0; c <= end && c < row.length; c++) {
    const v = row[c];
    if (typeof v === "string" && !isBlank(v)) return v;
    if (v !== null && v !== undefined && !(typeof v === "string")) return null;
  }
  return null;
}

/** The form of a heading's numbering: "roman" (I, II.), "arabic" (1, 2.), "letter" (A, b)). */
function numberStyle(ordinal: string): string {
  const t = ordinal.replace(/[\s().\-–:/]/g, "");
  if (/^\d+$/.test(t)) return "arabic";
  if (/^[IVXLC]+$/.test(t) && t !== "C" && t !== "L") return "roman";
  return t.length === 1 ? "letter" : "";
}

/** An ordinal of a heading in the STT column: "I", "II.", "1", "A", "(2)". */
function isOrdinal(v: CellValue): boolean {
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 && v < 1000;
  return (
    typeof v === "string" && v.length <= 8 && /^\s*\(?(?:[IVXLC]{1,6}|\d{1,3}|[A-Za-z])\)?[.)]?\s*$/.test(v)
  );
}

/** "Ví dụ", "VD:", "Mẫu", "(ví dụ)" as the first cell: a sample row, not data. */
function isSampleStart(text: string): boolean {
  // Sample labels are short; names and places in the first column are let through without folding.
  if (text.length > 12) return false;
  const c = text.trimStart().charCodeAt(0) | 32;
  if (c !== 118 && c !== 109 && c !== 40 && c !== 101 && c !== 115) return false; // v m ( e s
  const key = foldKey(text);
  return (
    key.startsWith("vidu") ||
    key === "vd" ||
    key === "mau" ||
    key.startsWith("example") ||
    key.startsWith("sample")
  );
}

/**
 * Rows whose only content is one cell merged across two read columns or more (a group heading such
 * as "I. XÃ YÊN LỖ", a note under the data): grid row indexes. Null when none.
 */
function mergedCaptionRows(
  grid: SheetGrid,
  headerIndex: number,
  indexes: readonly { index: number }[],
): Set<number> | null {
  if (!grid.merges || grid.merges.length === 0) return null;
  const firstRow = grid.firstRow ?? 1;
  const firstColumn = grid.firstColumn ?? 1;
  let captions: Set<number> | null = null;
  for (const m of grid.merges) {
    const r = m.top - firstRow;
    if (m.bottom !== m.top || r <= headerIndex) continue;
    const left = m.left - firstColumn;
    const right = m.right - firstColumn;
    const inside = indexes.filter(({ index }) => index >= left && index <= right).length;
    if (inside >= 2) (captions ??= new Set()).add(r);
  }
  return captions;
}
