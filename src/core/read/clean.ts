import type { CellValue } from "../cells";
import { FLAG_WORDS } from "../flags";
import type { SheetGrid, WorkbookGrids } from "../grid";
import { excelColumnOf, excelRowOf } from "../grid";
import { a1 } from "../a1";
import { issue, type Issue } from "../issues";
import { POSTS } from "../schema/posts";
import { SHEET_SPECS, VILLAGE_TYPES } from "../schema/sheets";
import {
  decodeLegacy,
  LEGACY_ENCODING_LABEL,
  LEGACY_EVIDENCE_CODES,
  VNI_PAIR_MARK,
  VNI_PAIR_VOWEL,
  legacyEvidence,
  readsAsVietnamese,
  textEvidence,
  type LegacyEncoding,
} from "../text/legacyEncoding";
import { isInvisibleCode, removeInvisible } from "../text/invisible";
import { nameKey } from "../text/normalize";

/**
 * The text of every sheet, cleaned once before anything reads it, so that every later stage
 * (finding headers, reading rows, matching names) sees the text the clerk sees on screen:
 *
 * - a sheet typed in a legacy Vietnamese encoding (TCVN3 or VNI, detected per sheet by the
 *   characters used) is converted to Unicode, with one warning naming the encoding;
 * - invisible format characters (soft hyphen, zero-width space, joiners, word joiner, BOM,
 *   direction marks) are removed, so they cannot split one name in two.
 *
 * Cheap on clean data: a cell whose characters are all below U+00A0 is never looked at twice, and
 * an unchanged sheet is returned as it is (no copy). Report sheets are left alone (never read).
 */
export function cleanWorkbooks(workbooks: readonly WorkbookGrids[], issues: Issue[]): WorkbookGrids[] {
  return workbooks.map((workbook) => {
    let changed = false;
    const sheets = workbook.sheets.map((grid) => {
      if (grid.report) return grid;
      const clean = cleanSheet(workbook.file, grid, issues);
      if (clean !== grid) changed = true;
      return clean;
    });
    return changed ? { ...workbook, sheets } : workbook;
  });
}

/** What `scanText` found in a text: bits. */
const LATIN1 = 1;
const UNICODE = 2;
const INVISIBLE = 4;
const EVIDENCE = 8;
/** `scanCell` and `scanFindings` only: the text is not in display form (`isPlainNfc` is false). */
const NOT_DISPLAY = 16;

/**
 * One pass over a text's characters: Latin-1 letters, characters beyond Latin-1, invisible
 * characters, characters that are evidence of a legacy encoding. Zero for the text of most cells
 * (ASCII), which then costs nothing more. Once a character beyond Latin-1 shows the text is
 * Unicode, the rest is only searched for invisible characters: LATIN1 and EVIDENCE then say what
 * came before it (cleanSheet reads neither of them for Unicode text).
 */
export function scanText(text: string): number {
  return scanCell(text) & ~NOT_DISPLAY;
}

/**
 * `scanText`'s findings, and in the same pass NOT_DISPLAY when the text is not already in display
 * form (`isPlainNfc(text)` is false: a control character, a space at an end or after a space, a
 * non-breaking space, a character at or above U+0300 outside U+1E00–U+1EFF). The plain
 * definition of what the clean pass finds in a text: the pass itself scans with `scanFindings`,
 * which gives the same as the pass reads it (its test compares). The pass looks at every character
 * of every text anyway; the row reader then takes a text of a row found in display form as it is,
 * without scanning it again (`displayFormRows`). Exported for its test, which compares with
 * `scanText`'s findings and with `isPlainNfc`.
 */
export function scanCell(text: string): number {
  let found = 0;
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    // Printable ASCII and the C1 controls first: most characters, nothing to find.
    if (c > 32 && c < 0xa0) continue;
    if (c <= 32) {
      // A control character, or a space at an end or after a space.
      if (c < 32 || i === 0 || i === last || text.charCodeAt(i - 1) === 32) found |= NOT_DISPLAY;
    } else if (c < 0x100) found |= latin1Found(text, i, c);
    else if (c >= 0x1ea0 && c <= 0x1ef9) {
      // A precomposed Vietnamese letter: the text is Unicode, and only invisible characters and the
      // display form are still of interest (legacy evidence counts only in text that is not Unicode).
      return found | UNICODE | restOf(text, i + 1);
    } else if (c === 0x34f || c === 0x61c || (c >= 0x115f && isInvisibleCode(c))) {
      // (No invisible character is in U+1E00–U+1EFF: each is out of display form too.)
      found |= INVISIBLE | NOT_DISPLAY;
    } else return found | UNICODE | restOf(text, i);
  }
  return found;
}

/** What a Latin-1 character (U+00A0–U+00FF) at `i` says: LATIN1, and EVIDENCE, INVISIBLE, NOT_DISPLAY. */
function latin1Found(text: string, i: number, c: number): number {
  let found = LATIN1;
  if (LEGACY_EVIDENCE_CODES[c] !== 0) found |= EVIDENCE;
  else if (VNI_PAIR_MARK[c] !== 0 && i > 0) {
    const previous = text.charCodeAt(i - 1);
    if (previous < 0x100 && (VNI_PAIR_MARK[c] & VNI_PAIR_VOWEL[previous]) !== 0) found |= EVIDENCE;
  }
  if (c === 0xad) found |= INVISIBLE;
  else if (c === 0xa0) found |= NOT_DISPLAY;
  return found;
}

/**
 * INVISIBLE when the text has an invisible character at or after `from` (> 0), NOT_DISPLAY when a
 * character there is out of display form; else 0.
 */
function restOf(text: string, from: number): number {
  let found = 0;
  const last = text.length - 1;
  for (let i = from; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c < 0x80) continue;
    if (c <= 32) {
      if (c < 32 || i === last || text.charCodeAt(i - 1) === 32) found |= NOT_DISPLAY;
    } else if (c >= 0x300) {
      // Latin Extended Additional (the precomposed Vietnamese letters) has no invisible character.
      if (c >= 0x1e00 && c <= 0x1eff) continue;
      found |= NOT_DISPLAY;
      if (c >= 0x34f && isInvisibleCode(c)) found |= INVISIBLE;
    } else if (c === 0xa0) found |= NOT_DISPLAY;
    else if (c === 0xad) found |= INVISIBLE;
  }
  return found;
}

/** `CHAR_FINDINGS` only: a VNI mark that is evidence after some vowels ("oâ"): the pair decides. */
const VNI_MARK = 32;

/**
 * What one character says, whatever comes before or after it, by char code: the bits of `scanCell`
 * (a space, whose finding depends on its neighbours, is 0 here), and VNI_MARK. 64 KB, made once.
 */
const CHAR_FINDINGS = ((): Uint8Array => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    let found = 0;
    if (c < 32) found = NOT_DISPLAY;
    else if (c < 0xa0) found = 0;
    else if (c < 0x100) {
      found = LATIN1;
      if (LEGACY_EVIDENCE_CODES[c] !== 0) found |= EVIDENCE;
      if (VNI_PAIR_MARK[c] !== 0) found |= VNI_MARK;
      if (c === 0xad) found |= INVISIBLE;
      if (c === 0xa0) found |= NOT_DISPLAY;
    } else if (isInvisibleCode(c)) found = INVISIBLE | NOT_DISPLAY;
    else if (c < 0x300 || (c >= 0x1e00 && c <= 0x1eff)) found = UNICODE;
    else found = UNICODE | NOT_DISPLAY;
    table[c] = found;
  }
  return table;
})();

/**
 * `scanCell` as the clean pass reads it, in one pass without a branch per character: for a text
 * with no UNICODE finding, exactly `scanCell(text)`; for a Unicode text, `scanCell(text)`'s
 * UNICODE, INVISIBLE and NOT_DISPLAY bits and no other (LATIN1 and EVIDENCE say only what came
 * before the first Unicode letter, and `scanSheet` reads neither for Unicode text). Each character
 * is looked up in `CHAR_FINDINGS`; a space is out of display form at either end or after a space,
 * found by arithmetic (a branch per space cost more than the rest of the scan: spaces fall between
 * the letters of every name). Only a text of Latin-1 letters with a VNI mark and no other evidence
 * is scanned again, by `scanCell`, for the pair ("oâ") that decides. Exported for its test, which
 * compares it with `scanCell` on every character and pair of the boundary characters.
 */
export function scanFindings(text: string): number {
  let found = 0;
  // Negative once a space follows a space: ((c ^ 32) | (previous ^ 32)) is 0 only then.
  let doubleSpace = 0;
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    found |= CHAR_FINDINGS[c];
    doubleSpace |= ((c ^ 32) | (previous ^ 32)) - 1;
    previous = c;
  }
  // (An empty text: charCodeAt(0) is NaN and previous 0.)
  if (doubleSpace < 0 || previous === 32 || text.charCodeAt(0) === 32) found |= NOT_DISPLAY;
  if ((found & UNICODE) !== 0) return found & (UNICODE | INVISIBLE | NOT_DISPLAY);
  if ((found & (VNI_MARK | EVIDENCE)) === VNI_MARK) return scanCell(text);
  return found & ~VNI_MARK;
}

/** True when a text has a character at or above U+00A0: only such text can need cleaning. */
function mayNeedCleaning(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0xa0) return true;
  return false;
}

export interface SheetScan {
  /** Cells that are evidence of each encoding. */
  readonly legacy: Record<LegacyEncoding, number>;
  /** Cells with Vietnamese letters beyond Latin-1 (so certainly Unicode). */
  unicode: number;
  invisible: boolean;
  ambiguous: boolean;
}

/** Texts `scanSheet` remembers per column (a power of two). */
const COLUMN_SLOTS = 16;

/**
 * What `scanText` finds in every text cell of a sheet, added up (each cell looked at through
 * `scanFindings`), and the legacy evidence of each distinct evidence text. A cell equal to a recent
 * text of its column (a column repeating its province, commune or gender row after row, or going
 * back and forth between a few posts or qualifications) takes that text's finding without a scan:
 * each column keeps COLUMN_SLOTS texts, a text in the slot its length and last character choose.
 * At country size 1.01 million of the 4.0 million text cells are scanned (1.87 million with only
 * the last text of each column kept). Exported for its test, which adds up every cell plainly.
 * When `displayRows` is given (one bit per row, row r at bit r & 7 of byte r >> 3, all clear), the
 * bit of each row whose every text is in display form is set.
 */
export function scanSheet(
  grid: SheetGrid,
  displayRows?: Uint8Array,
): { scan: SheetScan; evidence: Map<string, LegacyEncoding[]> } {
  const legacy: Record<LegacyEncoding, number> = { tcvn3: 0, vni: 0 };
  let unicode = 0;
  let invisible = false;
  let ambiguous = false;
  const evidence = new Map<string, LegacyEncoding[]>();
  // Recent texts of each column and their findings: COLUMN_SLOTS slots per column, a text in the
  // slot its length and last character choose.
  const slotText: string[] = [];
  const slotFound: number[] = [];
  // Indexed loops: a for-of here made an iterator result per cell (5 million at country size).
  const gridRows = grid.rows;
  for (let r = 0; r < gridRows.length; r++) {
    const row = gridRows[r];
    while (slotText.length < row.length * COLUMN_SLOTS) {
      slotText.push("");
      slotFound.push(0);
    }
    let rowFound = 0;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      // (An empty text finds nothing.)
      if (typeof cell !== "string" || cell.length === 0) continue;
      const slot =
        c * COLUMN_SLOTS + ((cell.length * 3 + cell.charCodeAt(cell.length - 1)) & (COLUMN_SLOTS - 1));
      let found: number;
      if (cell === slotText[slot]) found = slotFound[slot];
      else {
        found = scanFindings(cell);
        slotText[slot] = cell;
        slotFound[slot] = found;
      }
      rowFound |= found;
      found &= ~NOT_DISPLAY;
      if (found === 0) continue;
      if (found & INVISIBLE) invisible = true;
      if (found & UNICODE) unicode++;
      else if (found & EVIDENCE) {
        let encodings = evidence.get(cell);
        if (!encodings) evidence.set(cell, (encodings = legacyEvidence(cell)));
        for (const encoding of encodings) legacy[encoding]++;
      } else ambiguous = true;
    }
    if (displayRows !== undefined && (rowFound & NOT_DISPLAY) === 0) displayRows[r >> 3] |= 1 << (r & 7);
  }
  return { scan: { legacy, unicode, invisible, ambiguous }, evidence };
}

/** The rows of each grid the clean pass returned unchanged whose texts are all in display form. */
const displayRowsOf = new WeakMap<SheetGrid, Uint8Array>();

/**
 * The rows of a grid `cleanWorkbooks` returned as it was whose every text is already in display
 * form (`displayName` returns it as it is), found by the clean pass's one scan of each character:
 * one bit per row (row r at bit r & 7 of byte r >> 3). Undefined for any other grid. `readWorkbooks`
 * hands them to `readSheet` right after its clean pass, which takes a text or raw cell of such a row
 * as it is, without scanning it again. Only as fresh as the last clean of the grid: a grid changed
 * since keeps its old bits here, so nothing but the read that just cleaned it may use them.
 */
export function displayFormRows(grid: SheetGrid): Uint8Array | undefined {
  return displayRowsOf.get(grid);
}

function cleanSheet(file: string, grid: SheetGrid, issues: Issue[]): SheetGrid {
  const displayRows = new Uint8Array((grid.rows.length + 7) >> 3);
  const { scan, evidence } = scanSheet(grid, displayRows);
  const encoding: LegacyEncoding | null =
    scan.legacy.tcvn3 === 0 && scan.legacy.vni === 0
      ? null
      : scan.legacy.vni > scan.legacy.tcvn3
        ? "vni"
        : "tcvn3";
  if (!encoding && !scan.invisible) {
    displayRowsOf.set(grid, displayRows);
    return grid;
  }
  displayRowsOf.delete(grid);
  // Cells with Latin-1 letters only ("X·" is evidence, "cã" is not) are converted too when most of
  // the sheet is legacy text, unless they are words of the standard sheets as typed in Unicode.
  const majority = encoding !== null && scan.legacy[encoding] >= scan.unicode;

  let converted = 0;
  let first: { r: number; c: number } | null = null;
  /** Each distinct text once: its clean form, and whether it was converted from the legacy encoding. */
  const cleaned = new Map<string, { text: string; converted: boolean }>();
  const clean = (text: string): { text: string; converted: boolean } => {
    let use = false;
    if (encoding) {
      const kind = textEvidence(text);
      if (kind === "legacy") use = (evidence.get(text) ?? legacyEvidence(text)).includes(encoding);
      else if (kind === "ambiguous" && majority && !isStandardWord(text))
        use = readsAsVietnamese(decodeLegacy(text, encoding), false);
    }
    const decoded = use ? decodeLegacy(text, encoding!) : text;
    return { text: removeInvisible(decoded), converted: use && decoded !== text };
  };
  const rows = grid.rows.map((row, r) => {
    let out: CellValue[] | null = null;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell !== "string" || !mayNeedCleaning(cell)) continue;
      let result = cleaned.get(cell);
      if (!result) cleaned.set(cell, (result = clean(cell)));
      if (result.text === cell) continue;
      if (result.converted) {
        converted++;
        first ??= { r, c };
      }
      out ??= [...row];
      out[c] = result.text;
    }
    return out ?? row;
  });
  if (converted > 0 && encoding && first) {
    const at: { r: number; c: number } = first;
    issues.push(
      issue(
        "legacy-encoding",
        { file, sheet: grid.name, cell: a1(excelRowOf(grid, at.r), excelColumnOf(grid, at.c)) },
        { sheet: grid.name, encoding: LEGACY_ENCODING_LABEL[encoding], cells: converted },
      ),
    );
  }
  return rows.every((row, r) => row === grid.rows[r]) ? grid : { ...grid, rows };
}

let standardWords: Set<string> | null = null;

/** Headers, flags, village kinds and posts as the standard sheets spell them in Unicode ("Xã", "Có"). */
function isStandardWord(text: string): boolean {
  if (!standardWords) {
    const words = new Set<string>();
    for (const spec of SHEET_SPECS) {
      words.add(nameKey(spec.vi));
      for (const column of spec.columns)
        for (const w of [column.vi, column.en, ...column.aliases]) words.add(nameKey(w));
    }
    for (const w of [...FLAG_WORDS.yes, ...FLAG_WORDS.no, ...VILLAGE_TYPES]) words.add(nameKey(w));
    for (const post of POSTS) for (const w of [post.vi, ...post.aliases]) words.add(nameKey(w));
    standardWords = words;
  }
  return standardWords.has(nameKey(text));
}
