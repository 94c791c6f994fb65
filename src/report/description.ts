/**
 * A report sheet as plain data: what to write where, how it looks and how it prints. Layouts
 * (`layouts/*.ts`) build descriptions from a rollup; writers (`excel/writeReport.ts` through
 * Office.js, `xlsx/writeReport.ts` as sheet XML in a file) apply them. Tests look at descriptions.
 *
 * Designed to be applied in whole rectangular blocks: the content is one matrix (rows × columns,
 * starting at A1) that writers cut into row chunks, and everything else is a short list of
 * rectangles (style runs, merges, conditional formats), never a property per cell.
 *
 * Rows and columns are 1-based Excel numbers; `cells[r - 1][c - 1]` is the cell at row r, column c.
 */

/** Which of the six reports a sheet is; stored in the sheet (a worksheet custom property) by the Excel writer. */
export type ReportId =
  | "summary"
  | "communePosts"
  | "secretaries"
  | "partyCells"
  | "toConsolidate"
  | "dataCheck"
  | "completeness"
  | "comparison"
  | "annex"
  | "plan";

/**
 * The reports a clerk can choose (pane and ribbon), in the order they are written: the six report
 * sheets, the planning sheet (quotas and pace, when a unit has a target) and the named annex (the list of secretaries who are also heads and of commune leaders
 * holding two posts, from the Office-holders sheet), as the command line writes them.
 */
export const REPORT_IDS: readonly ReportId[] = [
  "summary",
  "communePosts",
  "secretaries",
  "partyCells",
  "toConsolidate",
  "plan",
  "annex",
  "dataCheck",
];

/** Reports made only when their data exists: who has reported (submissions), change since the previous period. */
export const SUBMISSION_REPORT_IDS: readonly ReportId[] = ["completeness", "comparison"];

/** Key of the worksheet custom property that marks a sheet as created by the add-in; its value is the ReportId. */
export const REPORT_MARKER_KEY = "nth-rollup-report";

/** A formula in English A1 notation, starting with "=". `result` is the value the core computed (cached in files). */
export interface Formula {
  readonly formula: string;
  readonly result?: number | string | null;
}

/**
 * Text that Excel would not keep as typed: it begins with = + - @ ' (a formula or a quote prefix),
 * looks like a number, date, percent, logical or error value. Writers must store it as text
 * (Office.js: with a leading apostrophe; ExcelJS: a plain string value is always text).
 */
export interface ForcedText {
  readonly text: string;
}

/** A plain string is text that Excel keeps as typed (see `text()`); never a formula. */
export type CellContent = null | number | boolean | string | Formula | ForcedText;

export function isFormula(c: CellContent): c is Formula {
  return typeof c === "object" && c !== null && "formula" in c;
}

export function isForcedText(c: CellContent): c is ForcedText {
  return typeof c === "object" && c !== null && "text" in c;
}

/** The text a cell shows when it is not a formula: the string itself, or "" for a formula or blank. */
export function plainText(c: CellContent): string {
  if (c === null) return "";
  if (typeof c === "string") return c;
  if (typeof c === "number" || typeof c === "boolean") return String(c);
  return isForcedText(c) ? c.text : "";
}

const FORMULA_START = /^[=+\-@']/;
const NUMBER_LIKE = /^[\s\d.,:/%()$€₫+-]*\d[\s\d.,:/%()$€₫+-]*$/;
/** Scientific notation ("1E5", "2e-3"): Excel reads it as a number. */
const SCIENTIFIC = /^\s*[+-]?(\d+([.,]\d*)?|[.,]\d+)e[+-]?\d+\s*$/i;
const LOGICAL = /^\s*(true|false)\s*$/i;
const ERROR_LIKE =
  /^\s*#(null!|div\/0!|value!|ref!|name\?|num!|n\/a|getting_data|spill!|calc!|field!|blocked!|busy!|connect!|unknown!)/i;

/**
 * True when `s` cannot match any of the patterns below, from its first character alone: a letter
 * (ASCII other than t/f, or Latin with diacritics, Vietnamese included) begins none of them
 * (they begin with = + - @ ', a digit, . , : / % ( ) $ € ₫ #, t or f, or white space). Most
 * cells of a report are names: this spares them five regular expressions.
 */
function plainlyText(s: string): boolean {
  const c = s.charCodeAt(0) | 0x20; // ASCII letters in lower case; others stay apart from t, f
  if (c >= 0x61 && c <= 0x7a) return c !== 0x74 && c !== 0x66;
  const u = s.charCodeAt(0);
  return u >= 0xc0 && u < 0x2000 && u !== 0x1680; // U+1680 is white space (\s)
}

/** True when Excel, given this string as if typed, would not store it as the same text. */
export function needsForcedText(s: string): boolean {
  if (plainlyText(s)) return false;
  return (
    FORMULA_START.test(s) ||
    NUMBER_LIKE.test(s) ||
    SCIENTIFIC.test(s) ||
    LOGICAL.test(s) ||
    ERROR_LIKE.test(s)
  );
}

/** The most characters an Excel cell holds (Excel's specifications and limits). */
export const MAX_CELL_TEXT = 32_767;

/**
 * Text as a cell can hold it: unchanged up to MAX_CELL_TEXT characters, else cut to fit with "…"
 * at the end (never between the two halves of a surrogate pair). Writers apply it to every text
 * cell: a longer string makes Excel repair the file, or refuse the write.
 */
export function fitCellText(s: string): string {
  if (s.length <= MAX_CELL_TEXT) return s;
  let end = MAX_CELL_TEXT - 1;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}

/** A text cell: a plain string when Excel keeps it as typed, else marked as forced text. */
export function text(s: string): string | ForcedText {
  return needsForcedText(s) ? { text: s } : s;
}

/** A formula cell. */
export function formula(f: string, result?: number | string | null): Formula {
  if (!f.startsWith("=")) throw new Error(`A formula must start with "=": ${f}`);
  return result === undefined ? { formula: f } : { formula: f, result };
}

/** A rectangle of cells, 1-based and inclusive. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function cellRange(top: number, left: number, bottom = top, right = left): CellRange {
  return { top, left, bottom, right };
}

export type HorizontalAlign = "left" | "center" | "right";
export type VerticalAlign = "top" | "center" | "bottom";
export type BorderWeight = "thin" | "medium";

export interface FontStyle {
  readonly name?: string;
  /** Points. */
  readonly size?: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  /** "#RRGGBB". */
  readonly color?: string;
}

/** What a style run sets; properties it leaves out are left as earlier runs set them. */
export interface CellStyle {
  readonly font?: FontStyle;
  /** Solid fill, "#RRGGBB". */
  readonly fill?: string;
  /** Excel number format code (English, e.g. "0.0%"); "@" is text. */
  readonly numberFormat?: string;
  readonly horizontal?: HorizontalAlign;
  readonly vertical?: VerticalAlign;
  readonly wrap?: boolean;
  readonly indent?: number;
  /** A grid: every edge of every cell in the range gets this border. */
  readonly border?: BorderWeight;
}

/** A style applied to a rectangle. Runs apply in order; a later run overrides what it sets. */
export interface StyleRun {
  readonly range: CellRange;
  readonly style: CellStyle;
}

/** Rows with a fixed height (points), as runs of consecutive rows. */
export interface RowHeightRun {
  readonly first: number;
  readonly last: number;
  readonly height: number;
}

/**
 * A conditional format: cells of `range` where `formula` is TRUE get the fill, font colour and
 * boldness given. The formula starts with "=" and is written for the top-left cell of the range
 * (relative references move with it, as in Excel's dialog).
 */
export interface ConditionalFill {
  readonly range: CellRange;
  readonly formula: string;
  readonly fill?: string;
  readonly fontColor?: string;
  readonly bold?: boolean;
}

export interface Margins {
  /** Inches, as Excel's page setup dialog shows them. */
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly header: number;
  readonly footer: number;
}

export interface PrintSetup {
  readonly paper: "A4";
  readonly orientation: "landscape" | "portrait";
  /** Fit to this many pages wide. */
  readonly fitToPagesWide: number;
  /** Fit to this many pages tall; 0 = automatic (as many pages as needed). */
  readonly fitToPagesTall: number;
  /** Rows repeated at the top of every printed page (the table header), or null. */
  readonly titleRows: { readonly first: number; readonly last: number } | null;
  readonly printArea: CellRange;
  readonly margins: Margins;
  /** Centre footer in Excel header/footer codes, e.g. "Trang &P/&N". */
  readonly centerFooter: string;
  readonly centerHorizontally: boolean;
  /**
   * Manual page breaks: each row here starts a new printed page (Excel's horizontal page breaks).
   * Used to keep the last table rows, the signature block and the recipients on one page.
   */
  readonly pageBreaks?: readonly number[];
}

/** Where the table is, for print titles, freeze panes and tests. */
export interface TablePlace {
  readonly headerTop: number;
  readonly headerBottom: number;
  /** First and last body row (unit rows); last < first when the body is empty. */
  readonly bodyTop: number;
  readonly bodyBottom: number;
  /** The "Tổng cộng" row, or null when the table has none. */
  readonly totalRow: number | null;
  readonly left: number;
  readonly right: number;
}

export interface SheetDescription {
  readonly reportId: ReportId;
  /** The sheet name wanted (≤ 31 characters); a writer may add " (2)" to avoid a clerk's sheet. */
  readonly name: string;
  readonly columnCount: number;
  /** Every row, each exactly `columnCount` long; cells inside a merge other than its top-left are null. */
  readonly cells: readonly (readonly CellContent[])[];
  /** Width of each column in characters of the default font (Excel's column width unit). */
  readonly columnWidths: readonly number[];
  readonly rowHeights: readonly RowHeightRun[];
  /**
   * Rows whose wrapped text should set their height. `rowHeights` holds an estimate for them (for
   * files, whose readers do not all fit rows); Excel can fit them itself (autofitRows) instead.
   */
  readonly autoFitRows: { readonly first: number; readonly last: number } | null;
  /** Font of every cell of the sheet before the style runs. */
  readonly defaultFont: { readonly name: string; readonly size: number };
  readonly styles: readonly StyleRun[];
  readonly merges: readonly CellRange[];
  readonly conditionalFills: readonly ConditionalFill[];
  /** Rows and columns frozen at the top and left. */
  readonly freeze: { readonly rows: number; readonly columns: number };
  readonly showGridlines: boolean;
  readonly print: PrintSetup;
  readonly table: TablePlace;
}

export function rowCount(d: SheetDescription): number {
  return d.cells.length;
}

/** The cell at a 1-based row and column. */
export function cellAt(d: SheetDescription, row: number, column: number): CellContent {
  return d.cells[row - 1]?.[column - 1] ?? null;
}

/**
 * Checks a description's invariants (a programmer's mistake throws): rectangular cells, no plain
 * string that Excel would turn into something else, formulas starting with "=", ranges inside the
 * sheet, merges not overlapping, one width per column.
 */
export function assertValidDescription(d: SheetDescription): void {
  const fail = (why: string): never => {
    throw new Error(`Invalid description of “${d.name}”: ${why}`);
  };
  if (d.name.length === 0 || d.name.length > 31 || /[:\\/?*[\]]/.test(d.name)) fail("bad sheet name");
  if (d.columnWidths.length !== d.columnCount) fail("one width per column expected");
  const cells = d.cells;
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r];
    if (row.length !== d.columnCount) fail(`row ${r + 1} has ${row.length} cells`);
    for (let k = 0; k < row.length; k++) {
      const c = row[k];
      if (c === null) continue;
      if (typeof c === "string") {
        if (needsForcedText(c)) fail(`plain string “${c}” at row ${r + 1}, column ${k + 1}`);
      } else if (typeof c === "number") {
        if (!Number.isFinite(c)) fail(`non-finite number at row ${r + 1}`);
      } else if (isFormula(c) && !c.formula.startsWith("=")) fail(`formula without "=" at row ${r + 1}`);
    }
  }
  const inside = (g: CellRange): boolean =>
    g.top >= 1 &&
    g.left >= 1 &&
    g.top <= g.bottom &&
    g.left <= g.right &&
    g.right <= d.columnCount &&
    g.bottom <= d.cells.length;
  d.styles.forEach((s) => inside(s.range) || fail(`style run outside the sheet: ${JSON.stringify(s.range)}`));
  d.conditionalFills.forEach((s) => {
    if (!inside(s.range)) fail("conditional format outside the sheet");
    if (!s.formula.startsWith("=")) fail('conditional format formula without "="');
  });
  // Each merge, in order, is inside the sheet and shares no cell with an earlier one (the cells of
  // the merges so far are marked: they never cover more than the sheet).
  const covered = new Uint8Array(d.merges.length ? cells.length * d.columnCount : 0);
  for (const m of d.merges) {
    if (!inside(m)) fail(`merge outside the sheet: ${JSON.stringify(m)}`);
    for (let r = m.top; r <= m.bottom; r++)
      for (let k = m.left; k <= m.right; k++) {
        const at = (r - 1) * d.columnCount + (k - 1);
        if (covered[at]) fail("overlapping merges");
        covered[at] = 1;
      }
  }
}
