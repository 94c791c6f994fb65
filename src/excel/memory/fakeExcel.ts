import type {
  XChart,
  XChartSeries,
  XMergedAreas,
  XSessionContext,
  XSessionRange,
  XSessionWorksheet,
  XSessionWorksheetCollection,
  XSetting,
  XTable,
} from "../objectModel";
import type {
  BorderEdge,
  XConditionalFormat,
  XCustomProperty,
  XNamedItem,
  XRange,
  XRangeBorder,
  XRangeFormat,
  XWorksheet,
} from "../writeReport";
import { escapedBytes } from "../applier";

/**
 * An in-memory fake of the part of the Excel JavaScript API the add-in uses, faithful to the rules
 * that matter for correctness and scale. Tests use it in place of Excel, and the task pane's demo
 * mode (outside Office) runs the same session code against it (hence it lives in src/, with no
 * Node-only API):
 *
 * - Proxies and a queue: setting a property or calling a method only queues an operation; the
 *   workbook changes at `context.sync()`, in order. An operation that fails (a duplicate sheet
 *   name, a bad range) rejects the sync; operations before it stay applied, later ones are dropped.
 * - Load rules: reading a property that was not loaded and synced throws `PropertyNotLoaded`, as
 *   real Office.js does; `isNullObject` is readable only after the sync that looked the item up.
 * - Typing rules: a string written to `values` or `formulas` is read as if typed: "=…" (and "+…",
 *   "-…", "@…" that are not numbers) becomes a formula, "0123" and "-5" numbers, "TRUE" a logical
 *   value, "#N/A" an error; a leading apostrophe keeps the rest as text (a quote prefix); a cell
 *   already formatted as text ("@") keeps the string. `null` in an array leaves the cell unchanged.
 *   Array dimensions must match the range.
 * - Payload: each sync is one request whose size is estimated from the JSON of every queued
 *   operation; over `payloadLimit` (5 MB, Excel on the web) the sync throws
 *   `RequestPayloadSizeLimitExceeded` and nothing of the batch is applied.
 * - Counters: syncs, the size and operation count of every request, suspend calls per batch.
 * - Failure injection: `failAtSync: n` makes the n-th sync throw before applying anything (with
 *   `failCode`'s error code, default GeneralException).
 * - Beyond the writer's needs (the workbook session's): reading ranges (`values`, `formulas`,
 *   `valueTypes`, used range, empty cells read as ""), Excel tables with unique names, data
 *   validation, workbook settings, charts, the active sheet, selection and active cell.
 * - `latencyMs` delays every sync (demo mode: the pane's progress is visible as in Excel on the web).
 *
 * It does not calculate: a formula cell's value reads back as null.
 */

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export type FakeCellValue = string | number | boolean | null;

export interface FakeCell {
  value: FakeCellValue;
  formula: string | null;
  numberFormat: string;
  /** Text entered with a leading apostrophe. */
  quotePrefix: boolean;
}

export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface FormatRecord {
  readonly rect: Rect;
  /** e.g. "font.bold", "fill.color", "horizontalAlignment", "borders.EdgeTop.style". */
  readonly path: string;
  readonly value: unknown;
}

export interface FakeConditionalFormat {
  readonly rect: Rect;
  formula: string;
  fill: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

export interface FakeSheet {
  readonly id: number;
  name: string;
  /** row → column → cell (1-based). */
  readonly cells: Map<number, Map<number, FakeCell>>;
  readonly formats: FormatRecord[];
  readonly merges: Rect[];
  readonly columnWidths: Map<number, number>;
  readonly rowHeights: Map<number, number>;
  readonly autofitRows: Rect[];
  readonly conditionalFormats: FakeConditionalFormat[];
  freeze: { rows: number; columns: number } | null;
  showGridlines: boolean;
  readonly pageLayout: Record<string, unknown>;
  readonly customProperties: Map<string, string>;
  readonly validations: FakeValidation[];
  readonly charts: FakeChart[];
  /** Sheet protection (Review > Protect Sheet): cell writes fail with AccessDenied. */
  protected: boolean;
  visibility: "Visible" | "Hidden" | "VeryHidden";
}

/** A workbook-scoped defined name over a range of a sheet (null: the sheet was deleted, #REF!). */
export interface FakeName {
  readonly name: string;
  sheetId: number | null;
  readonly rect: Rect;
  readonly comment: string;
}

/** An Excel table (ListObject): its name is unique in the workbook. */
export interface FakeTable {
  name: string;
  readonly sheetId: number;
  /** Header row included; it moves and grows as rows and columns are added or cells deleted. */
  rect: Rect;
  style: string;
  showBandedRows: boolean;
}

export interface FakeValidation {
  readonly rect: Rect;
  rule: Excel.DataValidationRule | null;
  errorAlert: Excel.DataValidationErrorAlert | null;
  prompt: Excel.DataValidationPrompt | null;
}

/** A range a chart refers to, as Excel stores it: the sheet and the address. */
export interface FakeRangeRef {
  readonly sheetId: number;
  readonly rect: Rect;
}

export interface FakeChartSeries {
  name: string;
  chartType: string | null;
  values: FakeRangeRef | null;
  xValues: FakeRangeRef | null;
}

export interface FakeChart {
  name: string;
  readonly type: string;
  readonly source: FakeRangeRef;
  title: string;
  position: { start: string; end: string | null } | null;
  legend: { position: string | null; visible: boolean | null };
  axis: { minimum: number | null; maximum: number | null };
  readonly series: FakeChartSeries[];
}

export interface FakeRequest {
  readonly bytes: number;
  readonly operations: number;
  readonly suspendedCalculation: boolean;
  readonly suspendedScreenUpdating: boolean;
}

export interface FakeExcelOptions {
  /** Bytes per request (sync); default 5 MB as in Excel on the web. */
  readonly payloadLimit?: number;
  /** Throw at this sync (1-based) without applying its batch. */
  readonly failAtSync?: number;
  /** The Office.js error code of the injected failure (default "GeneralException"). */
  readonly failCode?: string;
  /** Milliseconds each sync waits before it is applied (demo mode); default 0. */
  readonly latencyMs?: number;
  /**
   * Bytes of loaded data per response (sync); default 5 MB as in Excel on the web. Over it the sync
   * throws `ResponsePayloadSizeLimitExceeded` (the sheet reader must read large ranges in chunks).
   */
  readonly responseLimit?: number;
  /**
   * The minor version of ExcelApi the fake implements (default 13: ExcelApi 1.13). APIs of a later
   * set fail with ApiNotFound, and the memory host's `isSetSupported` answers by it.
   */
  readonly excelApiMinor?: number;
}

/** Options of one `Excel.run` (Excel.RunOptions). */
export interface FakeRunOptions {
  readonly delayForCellEdit?: boolean;
}

const NOT_LOADED = (property: string): FakeOfficeError =>
  new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

/**
 * Bytes of a value in a request, as JSON with every non-ASCII character escaped as \uXXXX: the
 * largest form Excel could send it in (the applier budgets for the same form).
 */
function jsonBytes(value: unknown): number {
  return escapedBytes(value ?? null);
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ERRORS = new Set(["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"]);

function parseA1(address: string): Rect {
  const one = (a: string): { row: number; col: number } => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(a);
    if (!m) throw new FakeOfficeError("InvalidArgument", `Bad address ${address}`);
    let col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]), col };
  };
  const [a, b = a] = address.split(":");
  const p = one(a);
  const q = one(b);
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

/** How Excel reads a string typed into a General cell (see `FakeWorkbook.enter`). */
function typedAs(input: string): "number" | "logical" | "error" | "formula" | "text" {
  const t = input.trim();
  if (NUMBER.test(t)) return "number";
  if (/^(true|false)$/i.test(t)) return "logical";
  if (ERRORS.has(t.toUpperCase())) return "error";
  if (/^[=+\-@]/.test(input)) return "formula";
  return "text";
}

/** "Thôn!A1:B2", "'Cán bộ'!C3": a range's address as Office.js returns it. */
export function officeAddress(sheetName: string, rect: Rect): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheetName);
  const sheet = plain ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
  const cell = (row: number, col: number): string => {
    let letters = "";
    for (let c = col; c > 0; c = Math.floor((c - 1) / 26))
      letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
    return `${letters}${row}`;
  };
  const start = cell(rect.top, rect.left);
  const end = cell(rect.bottom, rect.right);
  return `${sheet}!${start === end ? start : `${start}:${end}`}`;
}

/** The workbook's state, and the requests made to it. */
export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly requests: FakeRequest[] = [];
  readonly tables: FakeTable[] = [];
  /** Workbook settings (Office.js `workbook.settings`): JSON values by key. */
  readonly settings = new Map<string, unknown>();
  /** The sheet shown in Excel, and the selection of each sheet. */
  activeSheetId: number | null = null;
  readonly selections = new Map<number, Rect>();
  /** Workbook-scoped defined names. */
  readonly names: FakeName[] = [];
  /** Workbook structure protection: sheets cannot be added, deleted or renamed. */
  protected = false;
  calculationMode: "Automatic" | "Manual" | "Semiautomatic" = "Automatic";
  /** `application.calculate` calls. */
  calculations = 0;
  /** The clerk is typing in a cell: a batch without `delayForCellEdit` fails. */
  cellEditMode = false;
  /** The options of every `Excel.run`, in order. */
  readonly runs: FakeRunOptions[] = [];
  /** Workbooks opened with `Excel.createWorkbook` (their base64 .xlsx). */
  readonly createdWorkbooks: string[] = [];
  private nextId = 1;

  constructor(readonly options: FakeExcelOptions = {}) {}

  /** True when the fake implements ExcelApi 1.`minor`. */
  supportsExcelApi(minor: number): boolean {
    return minor <= (this.options.excelApiMinor ?? 13);
  }

  /** Throws ApiNotFound when the API belongs to a later ExcelApi than the fake's. */
  requireExcelApi(minor: number, api: string): void {
    if (!this.supportsExcelApi(minor))
      throw new FakeOfficeError("ApiNotFound", `The API '${api}' is not available (ExcelApi 1.${minor}).`);
  }

  /** Throws AccessDenied when the workbook structure is protected. */
  checkStructure(): void {
    if (this.protected)
      throw new FakeOfficeError(
        "AccessDenied",
        "The workbook structure is protected: you cannot perform this operation.",
      );
  }

  /** Throws AccessDenied when the sheet is protected. */
  checkCells(sheet: FakeSheet): void {
    if (sheet.protected)
      throw new FakeOfficeError(
        "AccessDenied",
        "The cell or chart you're trying to change is on a protected sheet.",
      );
  }

  get syncs(): number {
    return this.requests.length;
  }

  get largestRequestBytes(): number {
    return this.requests.reduce((m, r) => Math.max(m, r.bytes), 0);
  }

  /** Estimated JSON bytes of the data each sync loaded (ranges' values, formulas, formats, types). */
  readonly responses: number[] = [];

  get largestResponseBytes(): number {
    return this.responses.reduce((m, b) => Math.max(m, b), 0);
  }

  /** Adds a sheet directly (test set-up, not through the API), with values typed into its cells. */
  addSheet(name: string, rows: readonly (readonly FakeCellValue[])[] = []): FakeSheet {
    const sheet = this.createSheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && this.enter(sheet, r + 1, c + 1, v)));
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.find(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  }

  cell(sheet: FakeSheet, row: number, column: number): FakeCell | undefined {
    return sheet.cells.get(row)?.get(column);
  }

  /** The last value written to a format property of a cell (e.g. "font.bold"), or undefined. */
  formatAt(sheet: FakeSheet, row: number, column: number, path: string): unknown {
    let found: unknown = undefined;
    for (const f of sheet.formats) {
      if (
        f.path === path &&
        f.rect.top <= row &&
        row <= f.rect.bottom &&
        f.rect.left <= column &&
        column <= f.rect.right
      )
        found = f.value;
    }
    return found;
  }

  /**
   * Adds a sheet directly with values stored as they are, not typed (test and demo set-up: the
   * cells of a workbook read from a file, where "12/12" is text and stays text).
   */
  addSheetValues(
    name: string,
    rows: readonly (readonly FakeCellValue[])[],
    firstRow = 1,
    firstColumn = 1,
  ): FakeSheet {
    const sheet = this.createSheet(name);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        let cells = sheet.cells.get(firstRow + r);
        if (!cells) sheet.cells.set(firstRow + r, (cells = new Map()));
        // Text that Excel would read as something else is text with a quote prefix, as typed with "'".
        const quotePrefix = typeof v === "string" && v !== "" && !ERRORS.has(v) && typedAs(v) !== "text";
        cells.set(firstColumn + c, { value: v, formula: null, numberFormat: "General", quotePrefix });
      }),
    );
    return sheet;
  }

  /** The sheet with this id, or undefined once deleted. */
  byId(id: number): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** The active sheet: the one last activated, else the first. */
  activeSheet(): FakeSheet {
    const sheet = (this.activeSheetId !== null && this.byId(this.activeSheetId)) || this.sheets[0];
    if (!sheet) throw new FakeOfficeError("ItemNotFound", "The workbook has no sheet.");
    return sheet;
  }

  /** The selection of a sheet (A1 when nothing was selected). */
  selectionOf(sheet: FakeSheet): Rect {
    return this.selections.get(sheet.id) ?? { top: 1, left: 1, bottom: 1, right: 1 };
  }

  /** The rectangle of cells that hold a value or formula (or, unless `valuesOnly`, any format); null when none. */
  usedRect(sheet: FakeSheet, valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [r, cells] of sheet.cells) {
      for (const [c, cell] of cells) {
        if (valuesOnly && cell.value === null && cell.formula === null) continue;
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    }
    return bottom === 0 ? null : { top, left, bottom, right };
  }

  /** A deep copy of a sheet, for "unchanged" comparisons. */
  snapshot(sheet: FakeSheet): unknown {
    return JSON.parse(
      JSON.stringify(sheet, (_k, v: unknown) =>
        v instanceof Map ? [...(v as Map<unknown, unknown>).entries()] : v,
      ),
    );
  }

  // ---- operations applied at sync ----

  createSheet(name: string): FakeSheet {
    this.checkName(name, null);
    const sheet: FakeSheet = {
      id: this.nextId++,
      name,
      cells: new Map(),
      formats: [],
      merges: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
      autofitRows: [],
      conditionalFormats: [],
      freeze: null,
      showGridlines: true,
      pageLayout: {},
      customProperties: new Map(),
      validations: [],
      charts: [],
      protected: false,
      visibility: "Visible",
    };
    this.sheets.push(sheet);
    return sheet;
  }

  checkName(name: string, self: FakeSheet | null): void {
    if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name)) {
      throw new FakeOfficeError("InvalidArgument", `The sheet name “${name}” is not valid.`);
    }
    const other = this.find(name);
    if (other && other !== self)
      throw new FakeOfficeError("ItemAlreadyExists", `A sheet named “${name}” already exists.`);
  }

  deleteSheet(sheet: FakeSheet): void {
    const i = this.sheets.indexOf(sheet);
    if (i < 0) throw new FakeOfficeError("ItemNotFound", "The sheet was deleted.");
    if (this.sheets.length === 1)
      throw new FakeOfficeError(
        "InvalidOperation",
        "A workbook must contain at least one visible worksheet.",
      );
    this.sheets.splice(i, 1);
    for (const n of this.names) if (n.sheetId === sheet.id) n.sheetId = null;
    // A sheet's tables go with it; the next sheet becomes the active one, as in Excel.
    for (let t = this.tables.length - 1; t >= 0; t--)
      if (this.tables[t].sheetId === sheet.id) this.tables.splice(t, 1);
    if (this.activeSheetId === sheet.id)
      this.activeSheetId = this.sheets[Math.min(i, this.sheets.length - 1)].id;
  }

  alive(sheet: FakeSheet): FakeSheet {
    if (!this.sheets.includes(sheet))
      throw new FakeOfficeError("ItemNotFound", `The sheet “${sheet.name}” does not exist.`);
    return sheet;
  }

  /**
   * Deletes the cells of `rect`; the cells below it, in its columns, move up (Excel's
   * `range.delete("Up")`). A table entirely in those columns moves up, or shrinks when the cells are
   * rows of its body; deleting part of a table, or shifting a table that only partly lies in the
   * columns, fails as in Excel. Formats, merges and validations are not moved (the fake keeps them
   * as rectangles).
   */
  deleteUp(sheet: FakeSheet, rect: Rect): void {
    const height = rect.bottom - rect.top + 1;
    const changes: [FakeTable, Rect][] = [];
    for (const t of this.tables) {
      if (t.sheetId !== sheet.id || t.rect.bottom < rect.top) continue;
      const columnsOverlap = t.rect.left <= rect.right && rect.left <= t.rect.right;
      if (!columnsOverlap) continue;
      const within = t.rect.left >= rect.left && t.rect.right <= rect.right;
      const wholeRows = t.rect.left === rect.left && t.rect.right === rect.right;
      if (t.rect.top > rect.bottom && within) {
        changes.push([t, { ...t.rect, top: t.rect.top - height, bottom: t.rect.bottom - height }]);
      } else if (
        wholeRows &&
        rect.top > t.rect.top &&
        rect.bottom <= t.rect.bottom &&
        height < t.rect.bottom - t.rect.top
      ) {
        changes.push([t, { ...t.rect, bottom: t.rect.bottom - height }]);
      } else {
        throw new FakeOfficeError(
          "InvalidOperation",
          "This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet.",
        );
      }
    }
    for (const [r, cells] of sheet.cells) {
      if (r < rect.top || r > rect.bottom) continue;
      for (const c of [...cells.keys()]) if (c >= rect.left && c <= rect.right) cells.delete(c);
    }
    moveCells(
      sheet,
      { top: rect.bottom + 1, left: rect.left, bottom: 1048576, right: rect.right },
      -height,
      0,
    );
    for (const [t, r] of changes) t.rect = r;
  }

  /** Makes room for `rect`: the cells from its top down, in its columns, move down by its height. */
  shiftDown(sheet: FakeSheet, rect: Rect): void {
    const height = rect.bottom - rect.top + 1;
    moveCells(
      sheet,
      { top: rect.top, left: rect.left, bottom: 1048576 - height, right: rect.right },
      height,
      0,
    );
  }

  /** Makes room for `rect`: the cells from its left on, in its rows, move right by its width. */
  shiftRight(sheet: FakeSheet, rect: Rect): void {
    const width = rect.right - rect.left + 1;
    moveCells(sheet, { top: rect.top, left: rect.left, bottom: rect.bottom, right: 16384 - width }, 0, width);
  }

  /** Clears the values and formulas of a rectangle ("All": its number formats too). */
  clear(sheet: FakeSheet, rect: Rect, all: boolean): void {
    for (const [r, cells] of sheet.cells) {
      if (r < rect.top || r > rect.bottom) continue;
      for (const c of [...cells.keys()]) {
        if (c < rect.left || c > rect.right) continue;
        if (all) cells.delete(c);
        else {
          const cell = cells.get(c)!;
          cell.value = null;
          cell.formula = null;
          cell.quotePrefix = false;
        }
      }
    }
    if (all) {
      for (let i = sheet.formats.length - 1; i >= 0; i--)
        if (inside(sheet.formats[i].rect, rect)) sheet.formats.splice(i, 1);
    }
  }

  /** Enters one input into a cell as Excel does when it is typed or written to `values`/`formulas`. */
  enter(sheet: FakeSheet, row: number, column: number, input: FakeCellValue): void {
    if (input === null) return;
    let cells = sheet.cells.get(row);
    if (!cells) sheet.cells.set(row, (cells = new Map()));
    const cell = cells.get(column) ?? {
      value: null,
      formula: null,
      numberFormat: "General",
      quotePrefix: false,
    };
    cells.set(column, cell);
    cell.formula = null;
    cell.quotePrefix = false;
    if (typeof input !== "string") {
      cell.value = input;
      return;
    }
    if (cell.numberFormat === "@") {
      cell.value = input;
    } else if (input.startsWith("'")) {
      cell.value = input.slice(1);
      cell.quotePrefix = true;
    } else if (NUMBER.test(input.trim())) {
      cell.value = Number(input.trim());
    } else if (/^(true|false)$/i.test(input.trim())) {
      cell.value = input.trim().toUpperCase() === "TRUE";
    } else if (ERRORS.has(input.trim().toUpperCase())) {
      cell.value = input.trim().toUpperCase();
    } else if (input.startsWith("=")) {
      cell.formula = input;
      cell.value = null;
    } else if (/^[+\-@]/.test(input)) {
      cell.formula = `=${input}`;
      cell.value = null;
    } else {
      cell.value = input;
    }
  }
}

/** Moves every cell of `cells` inside `inside` by `dr` rows and `dc` columns (one of them 0). */
function moveCells(sheet: FakeSheet, inside: Rect, dr: number, dc: number): void {
  const moved: [number, number, FakeCell][] = [];
  for (const [r, cells] of sheet.cells) {
    if (r < inside.top || r > inside.bottom) continue;
    for (const [c, cell] of cells) {
      if (c < inside.left || c > inside.right) continue;
      moved.push([r, c, cell]);
      cells.delete(c);
    }
  }
  for (const [r, c, cell] of moved) {
    let cells = sheet.cells.get(r + dr);
    if (!cells) sheet.cells.set(r + dr, (cells = new Map()));
    cells.set(c + dc, cell);
  }
}

/** One queued operation: what it does at sync and its size in the request. */
interface Operation {
  readonly bytes: number;
  readonly apply: () => void;
}

const OPERATION_OVERHEAD = 120;

/** Property storage for a proxy: values loaded at the last sync. */
class Loaded {
  private readonly values = new Map<string, unknown>();
  set(name: string, value: unknown): void {
    this.values.set(name, value);
  }
  get<T>(name: string): T {
    if (!this.values.has(name)) throw NOT_LOADED(name);
    return this.values.get(name) as T;
  }
}

/** Property names of a `load` call: "a, b/c" → ["a", "b/c"]; every name when none are given. */
function loadNames(propertyNames: string | undefined): string[] | null {
  if (propertyNames === undefined || propertyNames.trim() === "") return null;
  return propertyNames
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

export class FakeRequestContext implements XSessionContext {
  readonly workbook: XSessionContext["workbook"];
  private queue: Operation[] = [];
  private suspendedCalculation = false;
  private suspendedScreen = false;

  constructor(readonly book: FakeWorkbook) {
    const settings = {
      add: (key: string, value: unknown) => {
        const copy: unknown = JSON.parse(JSON.stringify(value ?? null));
        this.enqueue(jsonBytes([key, copy]), () => this.book.settings.set(key, copy));
        return undefined;
      },
      getItemOrNullObject: (key: string): XSetting => new FakeSetting(this, key),
    };
    const tables = new FakeTableCollection(this);
    const calculation = new Loaded();
    const workbookProtection = new Loaded();
    this.workbook = {
      worksheets: new FakeWorksheetCollection(this),
      tables,
      settings,
      getActiveCell: (): XSessionRange =>
        new FakeRange(this, () => {
          const sheet = this.book.activeSheet();
          const sel = this.book.selectionOf(sheet);
          return { sheet, rect: { top: sel.top, left: sel.left, bottom: sel.top, right: sel.left } };
        }),
      application: {
        suspendApiCalculationUntilNextSync: () => {
          this.suspendedCalculation = true;
          this.enqueue(40, () => undefined);
        },
        get calculationMode(): string {
          return calculation.get<string>("calculationMode");
        },
        load: (propertyNames?: string) => {
          this.enqueue(jsonBytes(propertyNames), () =>
            calculation.set("calculationMode", this.book.calculationMode),
          );
          return undefined;
        },
        calculate: (calculationType: string) => {
          this.enqueue(jsonBytes(calculationType), () => this.book.calculations++);
        },
      },
      names: new FakeNameCollection(this),
      protection: {
        get protected(): boolean {
          return workbookProtection.get<boolean>("protected");
        },
        load: (propertyNames?: string) => {
          this.enqueue(jsonBytes(propertyNames), () =>
            workbookProtection.set("protected", this.book.protected),
          );
          return undefined;
        },
      },
    };
  }

  enqueue(dataBytes: number, apply: () => void): void {
    this.queue.push({ bytes: dataBytes + OPERATION_OVERHEAD, apply });
  }

  /** Bytes of data loaded by the sync being applied (see `responseLimit`). */
  private responseBytes = 0;

  addResponse(bytes: number): void {
    this.responseBytes += bytes;
  }

  async sync(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const bytes = batch.reduce((s, o) => s + o.bytes, 0);
    const request: FakeRequest = {
      bytes,
      operations: batch.length,
      suspendedCalculation: this.suspendedCalculation,
      suspendedScreenUpdating: this.suspendedScreen,
    };
    this.suspendedCalculation = false;
    this.suspendedScreen = false;
    this.book.requests.push(request);
    const limit = this.book.options.payloadLimit ?? 5 * 1024 * 1024;
    if (this.book.options.latencyMs) {
      const ms = this.book.options.latencyMs;
      await new Promise((resolve) => setTimeout(resolve, ms));
    }
    if (this.book.options.failAtSync === this.book.requests.length) {
      throw new FakeOfficeError(
        this.book.options.failCode ?? "GeneralException",
        `Injected failure at sync ${this.book.requests.length}.`,
      );
    }
    if (bytes > limit) {
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit.",
      );
    }
    await Promise.resolve();
    this.responseBytes = 0;
    for (const op of batch) op.apply();
    this.book.responses.push(this.responseBytes);
    if (this.responseBytes > (this.book.options.responseLimit ?? 5 * 1024 * 1024)) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        "The response payload size has exceeded the limit.",
      );
    }
  }
}

class FakeNameCollection {
  private readonly loaded = new Loaded();
  constructor(private readonly context: FakeRequestContext) {}

  get items(): XNamedItem[] {
    return this.loaded.get<XNamedItem[]>("items");
  }

  load(propertyNames?: string): this {
    this.context.enqueue(jsonBytes(propertyNames), () =>
      this.loaded.set(
        "items",
        this.context.book.names.map(
          (n) => new FakeNamedItem(this.context, () => n, nameValue(this.context.book, n)),
        ),
      ),
    );
    return this;
  }

  add(name: string, reference: XRange | string, comment = ""): void {
    this.context.enqueue(jsonBytes([name, typeof reference === "string" ? reference : "", comment]), () => {
      const book = this.context.book;
      if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
        throw new FakeOfficeError("InvalidArgument", `The name “${name}” is not valid.`);
      if (book.names.some((n) => n.name.toLocaleLowerCase() === name.toLocaleLowerCase()))
        throw new FakeOfficeError("ItemAlreadyExists", `The name “${name}” already exists.`);
      let target: { sheet: FakeSheet; rect: Rect };
      if (typeof reference === "string") {
        const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(reference);
        const sheet = m ? book.find((m[1] ?? "").replace(/''/g, "'") || (m[2] ?? "")) : undefined;
        if (!m || !sheet)
          throw new FakeOfficeError("InvalidArgument", `The reference “${reference}” is not valid.`);
        target = { sheet, rect: parseA1(m[3]) };
      } else target = (reference as FakeRange).resolve();
      book.names.push({ name, sheetId: target.sheet.id, rect: target.rect, comment });
    });
  }

  getItem(name: string): XNamedItem {
    let found: FakeName | null = null;
    this.context.enqueue(jsonBytes(name), () => {
      found =
        this.context.book.names.find((n) => n.name.toLocaleLowerCase() === name.toLocaleLowerCase()) ?? null;
      if (!found) throw new FakeOfficeError("ItemNotFound", `The name “${name}” does not exist.`);
    });
    return new FakeNamedItem(this.context, () => found!, null);
  }
}

/** What Office.js gives as a range name's value: its absolute address, or #REF! once its sheet is gone. */
function nameValue(book: FakeWorkbook, n: FakeName): string {
  const sheet = n.sheetId === null ? undefined : book.byId(n.sheetId);
  if (!sheet) return "#REF!";
  const [name, cells] = officeAddress(sheet.name, n.rect).split(/!(?=[^!]*$)/);
  return `${name}!${cells.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
}

class FakeNamedItem implements XNamedItem {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly item: () => FakeName,
    private readonly loadedValue: string | null,
  ) {}

  get name(): string {
    return this.item().name;
  }

  get value(): unknown {
    if (this.loadedValue === null) throw NOT_LOADED("value");
    return this.loadedValue;
  }

  delete(): void {
    this.context.enqueue(0, () => {
      const i = this.context.book.names.indexOf(this.item());
      if (i < 0) throw new FakeOfficeError("ItemNotFound", "The name does not exist.");
      this.context.book.names.splice(i, 1);
    });
  }
}

class FakeSetting implements XSetting {
  private readonly loaded = new Loaded();
  private looked = false;
  private found = false;

  constructor(
    private readonly context: FakeRequestContext,
    private readonly key: string,
  ) {
    context.enqueue(jsonBytes(key), () => {
      this.found = context.book.settings.has(key);
      this.looked = true;
    });
  }

  get isNullObject(): boolean {
    if (!this.looked) throw NOT_LOADED("isNullObject");
    return !this.found;
  }

  get value(): unknown {
    const v = this.loaded.get<unknown>("value");
    if (!this.found) throw new FakeOfficeError("InvalidObjectPath", "The item is a null object.");
    return v;
  }

  load(propertyNames?: string): this {
    this.context.enqueue(jsonBytes(propertyNames), () => {
      const names = loadNames(propertyNames);
      if (names === null || names.includes("value")) {
        const v = this.context.book.settings.get(this.key);
        this.loaded.set("value", v === undefined ? null : JSON.parse(JSON.stringify(v)));
      }
    });
    return this;
  }
}

class FakeTableCollection {
  private readonly loaded = new Loaded();
  constructor(private readonly context: FakeRequestContext) {}

  get items(): XTable[] {
    return this.loaded.get<XTable[]>("items");
  }

  load(propertyNames?: string): this {
    this.context.enqueue(jsonBytes(propertyNames), () =>
      this.loaded.set(
        "items",
        this.context.book.tables.map((t) => {
          const proxy = new FakeTableProxy(this.context, () => t);
          proxy.loadedNow("name", t.name);
          return proxy;
        }),
      ),
    );
    return this;
  }

  getItem(key: string): XTable {
    let found: FakeTable | null = null;
    this.context.enqueue(jsonBytes(key), () => {
      const t = this.context.book.tables.find((x) => x.name.toLocaleLowerCase() === key.toLocaleLowerCase());
      if (!t) throw new FakeOfficeError("ItemNotFound", `The table “${key}” does not exist.`);
      found = t;
    });
    return new FakeTableProxy(this.context, () => {
      if (!found || !this.context.book.tables.includes(found))
        throw new FakeOfficeError("InvalidObjectPath", "The table does not exist.");
      return found;
    });
  }
}

/** Table names: a letter, "_" or "\" first, then letters, digits, "_" and "."; not a cell address. */
function checkTableName(book: FakeWorkbook, name: string, self: FakeTable | null): void {
  if (
    !/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) ||
    name.length > 255 ||
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^[rRcC]$/.test(name)
  )
    throw new FakeOfficeError("InvalidArgument", `The table name “${name}” is not valid.`);
  const other = book.tables.find((t) => t.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  if (other && other !== self)
    throw new FakeOfficeError("InvalidArgument", `A table named “${name}” already exists.`);
}

class FakeTableProxy implements XTable {
  private readonly loaded = new Loaded();
  readonly worksheet: XTable["worksheet"];
  readonly rows: XTable["rows"];
  readonly columns: XTable["columns"];

  constructor(
    private readonly context: FakeRequestContext,
    private readonly table: () => FakeTable,
  ) {
    const book = context.book;
    const sheetOf = (t: FakeTable): FakeSheet => {
      const sheet = book.byId(t.sheetId);
      if (!sheet) throw new FakeOfficeError("ItemNotFound", "The table's sheet was deleted.");
      return sheet;
    };
    const worksheet = new Loaded();
    this.worksheet = {
      get name(): string {
        return worksheet.get<string>("name");
      },
      load: (propertyNames?: string) => {
        context.enqueue(jsonBytes(propertyNames), () => worksheet.set("name", sheetOf(this.table()).name));
        return undefined;
      },
    };
    this.rows = {
      add: (index: undefined, values: (string | number | boolean)[][]) => {
        context.enqueue(jsonBytes(values), () => {
          if (index !== undefined && index !== null)
            throw new FakeOfficeError("InvalidArgument", "Only rows added at the end are faked.");
          const t = this.table();
          const width = t.rect.right - t.rect.left + 1;
          if (!Array.isArray(values) || values.length === 0 || values.some((r) => r.length !== width))
            throw new FakeOfficeError("InvalidArgument", "The rows do not match the table's columns.");
          const sheet = sheetOf(t);
          const at = t.rect.bottom + 1;
          book.shiftDown(sheet, {
            top: at,
            left: t.rect.left,
            bottom: at + values.length - 1,
            right: t.rect.right,
          });
          values.forEach((row, r) => row.forEach((v, c) => book.enter(sheet, at + r, t.rect.left + c, v)));
          t.rect = { ...t.rect, bottom: t.rect.bottom + values.length };
        });
        return undefined;
      },
    };
    this.columns = {
      add: (index: undefined, values: undefined, name: string) => {
        context.enqueue(jsonBytes(name), () => {
          if ((index !== undefined && index !== null) || (values !== undefined && values !== null))
            throw new FakeOfficeError("InvalidArgument", "Only an empty column added at the end is faked.");
          const t = this.table();
          const sheet = sheetOf(t);
          const column = t.rect.right + 1;
          book.shiftRight(sheet, { top: t.rect.top, left: column, bottom: t.rect.bottom, right: column });
          book.enter(sheet, t.rect.top, column, name);
          t.rect = { ...t.rect, right: column };
        });
        return undefined;
      },
    };
  }

  /** Used by the collection's load: the value is loaded as of the sync being applied. */
  loadedNow(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  getRange(): XSessionRange {
    return new FakeRange(this.context, () => {
      const t = this.table();
      const sheet = this.context.book.byId(t.sheetId);
      if (!sheet) throw new FakeOfficeError("ItemNotFound", "The table's sheet was deleted.");
      return { sheet, rect: t.rect };
    });
  }

  set name(value: string) {
    this.context.enqueue(jsonBytes(value), () => {
      const t = this.table();
      checkTableName(this.context.book, value, t);
      t.name = value;
    });
  }
  get name(): string {
    return this.loaded.get<string>("name");
  }

  set style(value: string) {
    this.context.enqueue(jsonBytes(value), () => (this.table().style = value));
  }
  get style(): string {
    throw NOT_LOADED("style");
  }

  set showBandedRows(value: boolean) {
    this.context.enqueue(5, () => (this.table().showBandedRows = value));
  }
  get showBandedRows(): boolean {
    throw NOT_LOADED("showBandedRows");
  }
}

class FakeWorksheetCollection implements XSessionWorksheetCollection {
  private loaded = new Loaded();
  constructor(private readonly context: FakeRequestContext) {}

  get items(): XSessionWorksheet[] {
    return this.loaded.get<XSessionWorksheet[]>("items");
  }

  load(propertyNames?: string): this {
    this.context.enqueue(jsonBytes(propertyNames), () => {
      const names = loadNames(propertyNames);
      const wants = (p: string): boolean =>
        names === null || names.includes("items") || names.includes(`items/${p}`);
      const items = this.context.book.sheets.map((s) => {
        const proxy = new FakeWorksheet(this.context, () => s);
        if (wants("name")) proxy.loadedNow("name", s.name);
        if (wants("id")) proxy.loadedNow("id", String(s.id));
        if (wants("showGridlines")) proxy.loadedNow("showGridlines", s.showGridlines);
        if (wants("visibility")) proxy.loadedNow("visibility", s.visibility);
        if (wants("protection/protected")) proxy.loadedNow("protection/protected", s.protected);
        return proxy;
      });
      this.loaded.set("items", items);
    });
    return this;
  }

  add(name?: string): XSessionWorksheet {
    let created: FakeSheet | null = null;
    this.context.enqueue(jsonBytes(name), () => {
      let n = name;
      for (let k = 1; !n; k++) n = this.context.book.find(`Sheet${k}`) ? undefined : `Sheet${k}`;
      this.context.book.checkStructure();
      created = this.context.book.createSheet(n);
    });
    return new FakeWorksheet(this.context, () => {
      if (!created) throw new FakeOfficeError("InvalidObjectPath", "The worksheet was not created.");
      return created;
    });
  }

  getItem(key: string): XSessionWorksheet {
    let found: FakeSheet | null = null;
    this.context.enqueue(jsonBytes(key), () => {
      const s = this.context.book.find(key);
      if (!s) throw new FakeOfficeError("ItemNotFound", `The sheet “${key}” does not exist.`);
      found = s;
    });
    return new FakeWorksheet(this.context, () => {
      if (!found) throw new FakeOfficeError("InvalidObjectPath", "The worksheet was not found.");
      return found;
    });
  }

  getActiveWorksheet(): XSessionWorksheet {
    return new FakeWorksheet(this.context, () => this.context.book.activeSheet());
  }
}

type SheetRef = () => FakeSheet;

class FakeWorksheet implements XSessionWorksheet {
  private readonly loaded = new Loaded();
  readonly freezePanes: XWorksheet["freezePanes"];
  readonly pageLayout: XWorksheet["pageLayout"];
  readonly horizontalPageBreaks: XWorksheet["horizontalPageBreaks"];
  readonly customProperties: XWorksheet["customProperties"];
  readonly tables: XSessionWorksheet["tables"];
  readonly charts: XSessionWorksheet["charts"];
  readonly protection: { readonly protected: boolean };

  constructor(
    private readonly context: FakeRequestContext,
    private readonly ref: SheetRef,
  ) {
    const book = context.book;
    const sheet = (): FakeSheet => book.alive(ref());
    const loaded = this.loaded;
    this.protection = {
      get protected(): boolean {
        return loaded.get<boolean>("protection/protected");
      },
    };
    this.freezePanes = {
      freezeRows: (count = 1) => context.enqueue(8, () => (sheet().freeze = { rows: count, columns: 0 })),
      freezeAt: (address: string) =>
        context.enqueue(jsonBytes(address), () => {
          const r = parseA1(address);
          sheet().freeze = { rows: r.bottom, columns: r.right };
        }),
    };
    const setLayout = (key: string, value: unknown): void =>
      context.enqueue(jsonBytes(value), () => (sheet().pageLayout[key] = value));
    const pageLayout = {
      setPrintTitleRows: (rows: string) => setLayout("printTitleRows", rows),
      setPrintArea: (area: string) => setLayout("printArea", area),
      headersFooters: {
        defaultForAllPages: {
          set centerFooter(v: string) {
            setLayout("centerFooter", v);
          },
          get centerFooter(): string {
            throw NOT_LOADED("centerFooter");
          },
        },
      },
    };
    for (const key of [
      "orientation",
      "paperSize",
      "zoom",
      "leftMargin",
      "rightMargin",
      "topMargin",
      "bottomMargin",
      "headerMargin",
      "footerMargin",
      "centerHorizontally",
    ]) {
      Object.defineProperty(pageLayout, key, {
        set: (v: unknown) => setLayout(key, v),
        get: () => {
          throw NOT_LOADED(key);
        },
        enumerable: true,
      });
    }
    this.pageLayout = pageLayout as unknown as XWorksheet["pageLayout"];
    // Page breaks are kept in the sheet's page layout, as a list of the rows they come before.
    this.horizontalPageBreaks = {
      add: (range: string) =>
        context.enqueue(jsonBytes(range), () => {
          const layout = sheet().pageLayout;
          const rows = (layout.pageBreaks as number[] | undefined) ?? [];
          layout.pageBreaks = [...rows, parseA1(range).top];
        }),
    };
    this.customProperties = {
      add: (key: string, value: string) => {
        context.enqueue(jsonBytes([key, value]), () => sheet().customProperties.set(key, value));
        return undefined;
      },
      getItemOrNullObject: (key: string) =>
        new FakeCustomProperty(context, () => sheet().customProperties.get(key)),
    };
    this.tables = {
      add: (address: string, hasHeaders: boolean): XTable => {
        let created: FakeTable | null = null;
        context.enqueue(jsonBytes([address, hasHeaders]), () => {
          const s = sheet();
          const r = parseA1(address);
          // A header row alone gets one empty data row, as in Excel.
          const rect = hasHeaders && r.bottom === r.top ? { ...r, bottom: r.top + 1 } : r;
          for (const t of book.tables) {
            if (t.sheetId === s.id && overlaps(t.rect, rect))
              throw new FakeOfficeError("InvalidArgument", "A table can't overlap another table.");
          }
          let k = 1;
          while (book.tables.some((t) => t.name.toLocaleLowerCase() === `table${k}`)) k++;
          created = {
            name: `Table${k}`,
            sheetId: s.id,
            rect,
            style: "TableStyleMedium2",
            showBandedRows: true,
          };
          book.tables.push(created);
        });
        return new FakeTableProxy(context, () => {
          if (!created || !book.tables.includes(created))
            throw new FakeOfficeError("InvalidObjectPath", "The table does not exist.");
          return created;
        });
      },
    };
    this.charts = {
      add: (type: "ColumnClustered", sourceData: XSessionRange): XChart =>
        new FakeChartProxy(context, sheet, type, sourceData as FakeRange),
    };
  }

  /** Used by the collection's load: the value is loaded as of the sync being applied. */
  loadedNow(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  get name(): string {
    return this.loaded.get<string>("name");
  }

  set name(value: string) {
    this.context.enqueue(jsonBytes(value), () => {
      const s = this.context.book.alive(this.ref());
      this.context.book.checkName(value, s);
      this.context.book.checkStructure();
      s.name = value;
    });
  }

  get id(): string {
    return this.loaded.get<string>("id");
  }

  get visibility(): string {
    return this.loaded.get<string>("visibility");
  }

  get showGridlines(): boolean {
    return this.loaded.get<boolean>("showGridlines");
  }

  set showGridlines(value: boolean) {
    this.context.enqueue(5, () => (this.context.book.alive(this.ref()).showGridlines = value));
  }

  load(propertyNames?: string): this {
    this.context.enqueue(jsonBytes(propertyNames), () => {
      const s = this.context.book.alive(this.ref());
      const names = loadNames(propertyNames);
      if (names === null || names.includes("name")) this.loaded.set("name", s.name);
      if (names === null || names.includes("id")) this.loaded.set("id", String(s.id));
      if (names === null || names.includes("showGridlines"))
        this.loaded.set("showGridlines", s.showGridlines);
      if (names === null || names.includes("visibility")) this.loaded.set("visibility", s.visibility);
      if (names === null || names.includes("protection/protected"))
        this.loaded.set("protection/protected", s.protected);
    });
    return this;
  }

  activate(): void {
    this.context.enqueue(0, () => (this.context.book.activeSheetId = this.context.book.alive(this.ref()).id));
  }

  delete(): void {
    this.context.enqueue(0, () => {
      this.context.book.checkStructure();
      this.context.book.deleteSheet(this.ref());
    });
  }

  getRange(address?: string): XSessionRange {
    return new FakeRange(this.context, () => {
      const sheet = this.context.book.alive(this.ref());
      if (address === undefined) return { sheet, rect: { top: 1, left: 1, bottom: 1048576, right: 16384 } };
      return { sheet, rect: checkedRect(parseA1(address)) };
    });
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number,
  ): XSessionRange {
    const rect = {
      top: startRow + 1,
      left: startColumn + 1,
      bottom: startRow + rowCount,
      right: startColumn + columnCount,
    };
    return new FakeRange(this.context, () => {
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1) {
        throw new FakeOfficeError("InvalidArgument", `Bad range ${JSON.stringify(rect)}`);
      }
      return { sheet: this.context.book.alive(this.ref()), rect: checkedRect(rect) };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): XSessionRange {
    return new FakeRange(
      this.context,
      () => {
        const sheet = this.context.book.alive(this.ref());
        const rect = this.context.book.usedRect(sheet, valuesOnly);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }
}

function checkedRect(rect: Rect): Rect {
  if (
    rect.top < 1 ||
    rect.left < 1 ||
    rect.bottom < rect.top ||
    rect.right < rect.left ||
    rect.bottom > 1048576 ||
    rect.right > 16384
  ) {
    throw new FakeOfficeError("InvalidArgument", `Bad range ${JSON.stringify(rect)}`);
  }
  return rect;
}

/** True when `a` lies entirely inside `b`. */
function inside(a: Rect, b: Rect): boolean {
  return a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

class FakeCustomProperty implements XCustomProperty {
  private readonly loaded = new Loaded();
  private looked = false;
  private found: string | undefined;

  constructor(
    private readonly context: FakeRequestContext,
    lookup: () => string | undefined,
  ) {
    context.enqueue(30, () => {
      this.found = lookup();
      this.looked = true;
    });
  }

  get isNullObject(): boolean {
    if (!this.looked) throw NOT_LOADED("isNullObject");
    return this.found === undefined;
  }

  get value(): string {
    const v = this.loaded.get<string>("value");
    if (this.found === undefined)
      throw new FakeOfficeError("InvalidObjectPath", "The item is a null object.");
    return v;
  }

  load(propertyNames?: string): this {
    this.context.enqueue(jsonBytes(propertyNames), () => {
      if (
        propertyNames
          ?.split(",")
          .map((p) => p.trim())
          .includes("value")
      )
        this.loaded.set("value", this.found ?? null);
    });
    return this;
  }
}

/** Where a range proxy points, worked out when an operation on it is applied; null for a null object. */
type RangeTarget = () => { sheet: FakeSheet; rect: Rect } | null;

const RANGE_PROPERTIES = [
  "values",
  "formulas",
  "numberFormat",
  "valueTypes",
  "address",
  "rowIndex",
  "columnIndex",
  "rowCount",
  "columnCount",
] as const;

class FakeRange implements XSessionRange {
  readonly format: XRangeFormat;
  readonly conditionalFormats: XSessionRange["conditionalFormats"];
  readonly dataValidation: XSessionRange["dataValidation"];
  private readonly loaded = new Loaded();
  private looked = false;
  private isNull = false;

  constructor(
    private readonly context: FakeRequestContext,
    private readonly target: RangeTarget,
    /** A `…OrNullObject` range: `isNullObject` is readable after a sync. */
    private readonly nullable = false,
  ) {
    if (nullable) {
      context.enqueue(20, () => {
        this.isNull = target() === null;
        this.looked = true;
      });
    }
    const record = (path: string, value: unknown): void =>
      context.enqueue(jsonBytes(value) + path.length, () => {
        const { sheet, rect } = this.resolve();
        sheet.formats.push({ rect, path, value });
      });
    const writable = <T extends object>(prefix: string, keys: readonly string[], extra: object = {}): T => {
      const target = { ...extra } as Record<string, unknown>;
      for (const key of keys) {
        Object.defineProperty(target, key, {
          set: (v: unknown) => record(`${prefix}${key}`, v),
          get: () => {
            throw NOT_LOADED(key);
          },
          enumerable: true,
        });
      }
      return target as T;
    };
    const borders = {
      getItem: (edge: BorderEdge): XRangeBorder =>
        writable<XRangeBorder>(`borders.${edge}.`, ["style", "weight"]),
    };
    this.format = writable<XRangeFormat>(
      "",
      ["horizontalAlignment", "verticalAlignment", "wrapText", "indentLevel"],
      {
        font: writable("font.", ["name", "size", "bold", "italic", "underline", "color"]),
        fill: writable("fill.", ["color"]),
        borders,
        autofitRows: () =>
          context.enqueue(0, () => {
            const { sheet, rect } = this.resolve();
            sheet.autofitRows.push(rect);
          }),
      },
    );
    Object.defineProperty(this.format, "columnWidth", {
      set: (v: number) =>
        context.enqueue(8, () => {
          const { sheet, rect } = this.resolve();
          for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, v);
        }),
      get: () => {
        throw NOT_LOADED("columnWidth");
      },
    });
    Object.defineProperty(this.format, "rowHeight", {
      set: (v: number) =>
        context.enqueue(8, () => {
          const { sheet, rect } = this.resolve();
          for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights.set(r, v);
        }),
      get: () => {
        throw NOT_LOADED("rowHeight");
      },
    });
    this.conditionalFormats = {
      add: (type: "Custom"): XConditionalFormat => {
        if (type !== "Custom")
          throw new FakeOfficeError("InvalidArgument", "Only custom conditional formats are faked.");
        let cf: FakeConditionalFormat | null = null;
        context.enqueue(20, () => {
          const { sheet, rect } = this.resolve();
          cf = { rect, formula: "", fill: null, fontColor: null, bold: null };
          sheet.conditionalFormats.push(cf);
        });
        const prop = <T>(apply: (cf: FakeConditionalFormat, v: T) => void): PropertyDescriptor => ({
          set: (v: T) => context.enqueue(jsonBytes(v), () => apply(cf!, v)),
          get: () => {
            throw NOT_LOADED("conditional format property");
          },
        });
        const rule = Object.defineProperty(
          {},
          "formula",
          prop<string>((c, v) => (c.formula = v)),
        ) as { formula: string };
        const fill = Object.defineProperty(
          {},
          "color",
          prop<string>((c, v) => (c.fill = v)),
        ) as { color: string };
        const font = Object.defineProperties(
          {},
          {
            color: prop<string>((c, v) => (c.fontColor = v)),
            bold: prop<boolean>((c, v) => (c.bold = v)),
          },
        ) as { color: string; bold: boolean };
        return { custom: { rule, format: { fill, font } } };
      },
    };
    const validation = (): FakeValidation => {
      const { sheet, rect } = this.resolve();
      let v = sheet.validations.find(
        (x) =>
          x.rect.top === rect.top &&
          x.rect.left === rect.left &&
          x.rect.bottom === rect.bottom &&
          x.rect.right === rect.right,
      );
      if (!v) {
        v = { rect, rule: null, errorAlert: null, prompt: null };
        sheet.validations.push(v);
      }
      return v;
    };
    const validationProp = (key: "rule" | "errorAlert" | "prompt"): PropertyDescriptor => ({
      set: (value: unknown) =>
        context.enqueue(jsonBytes(value), () => {
          if (key === "rule") checkRule(value as Excel.DataValidationRule);
          (validation() as unknown as Record<string, unknown>)[key] = JSON.parse(JSON.stringify(value));
        }),
      get: () => {
        throw NOT_LOADED(key);
      },
      enumerable: true,
    });
    this.dataValidation = Object.defineProperties(
      {},
      {
        rule: validationProp("rule"),
        errorAlert: validationProp("errorAlert"),
        prompt: validationProp("prompt"),
      },
    ) as XSessionRange["dataValidation"];
  }

  /** The sheet and rectangle now; a null object or a deleted sheet throws, as in Office.js. */
  resolve(): { sheet: FakeSheet; rect: Rect } {
    const t = this.target();
    if (!t) throw new FakeOfficeError("InvalidObjectPath", "The range is a null object.");
    return t;
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (!this.looked) throw NOT_LOADED("isNullObject");
    return this.isNull;
  }

  load(propertyNames?: string): this {
    this.context.enqueue(jsonBytes(propertyNames), () => {
      const t = this.target();
      if (!t) return; // a null object loads nothing
      const { sheet, rect } = t;
      const names = loadNames(propertyNames) ?? [...RANGE_PROPERTIES];
      const book = this.context.book;
      const matrix = <T>(f: (cell: FakeCell | undefined) => T): T[][] => {
        const out: T[][] = [];
        for (let r = rect.top; r <= rect.bottom; r++) {
          const cells = sheet.cells.get(r);
          const row: T[] = [];
          for (let c = rect.left; c <= rect.right; c++) row.push(f(cells?.get(c)));
          out.push(row);
        }
        return out;
      };
      for (const name of names) {
        switch (name) {
          case "values":
            this.loaded.set(
              name,
              matrix((cell) => (cell?.value ?? "") as unknown),
            );
            break;
          case "formulas":
            this.loaded.set(
              name,
              matrix((cell) => (cell?.formula ?? cell?.value ?? "") as unknown),
            );
            break;
          case "numberFormat":
            this.loaded.set(
              name,
              matrix((cell) => (cell?.numberFormat ?? "General") as unknown),
            );
            break;
          case "valueTypes":
            this.loaded.set(
              name,
              matrix((cell) => valueTypeOf(cell)),
            );
            break;
          case "address":
            this.loaded.set(name, officeAddress(sheet.name, rect));
            break;
          case "rowIndex":
            this.loaded.set(name, rect.top - 1);
            break;
          case "columnIndex":
            this.loaded.set(name, rect.left - 1);
            break;
          case "rowCount":
            this.loaded.set(name, rect.bottom - rect.top + 1);
            break;
          case "columnCount":
            this.loaded.set(name, rect.right - rect.left + 1);
            break;
          default:
            throw new FakeOfficeError("InvalidArgument", `The property '${name}' is not faked.`);
        }
      }
      for (const name of names) {
        if (name === "values" || name === "formulas" || name === "numberFormat" || name === "valueTypes")
          this.context.addResponse(jsonBytes(this.loaded.get(name)));
      }
      void book;
    });
    return this;
  }

  get address(): string {
    return this.loaded.get<string>("address");
  }
  get rowIndex(): number {
    return this.loaded.get<number>("rowIndex");
  }
  get columnIndex(): number {
    return this.loaded.get<number>("columnIndex");
  }
  get rowCount(): number {
    return this.loaded.get<number>("rowCount");
  }
  get columnCount(): number {
    return this.loaded.get<number>("columnCount");
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this.loaded.get<Excel.RangeValueType[][]>("valueTypes");
  }

  /**
   * The merged areas inside the range (ExcelApi 1.13), as a null object when there are none. Only
   * `address` can be loaded: the areas' addresses, comma-separated, each with its sheet.
   */
  getMergedAreasOrNullObject(): XMergedAreas {
    const book = this.context.book;
    let areas: Rect[] | null = null;
    let looked = false;
    let address: string | null = null;
    this.context.enqueue(20, () => {
      book.requireExcelApi(13, "Range.getMergedAreasOrNullObject");
      const t = this.target();
      if (t) {
        const found = t.sheet.merges.filter((m) => overlaps(m, t.rect));
        areas = found.length > 0 ? found : null;
      }
      looked = true;
    });
    const context = this.context;
    const target = this.target;
    return {
      get isNullObject(): boolean {
        if (!looked) throw NOT_LOADED("isNullObject");
        return areas === null;
      },
      get address(): string {
        if (address === null) throw NOT_LOADED("address");
        return address;
      },
      load(propertyNames?: string) {
        context.enqueue(jsonBytes(propertyNames), () => {
          const t = target();
          if (!areas || !t) return;
          address = areas.map((m) => officeAddress(t.sheet.name, m)).join(", ");
          context.addResponse(jsonBytes(address));
        });
        return undefined;
      },
    };
  }

  select(): void {
    this.context.enqueue(0, () => {
      const { sheet, rect } = this.resolve();
      this.context.book.activeSheetId = sheet.id;
      this.context.book.selections.set(sheet.id, rect);
    });
  }

  private writeMatrix(
    property: string,
    matrix: unknown,
    apply: (sheet: FakeSheet, row: number, col: number, v: FakeCellValue) => void,
  ): void {
    this.context.enqueue(jsonBytes(matrix) + property.length, () => {
      const { sheet, rect } = this.resolve();
      this.context.book.checkCells(sheet);
      const rows = rect.bottom - rect.top + 1;
      const cols = rect.right - rect.left + 1;
      if (
        !Array.isArray(matrix) ||
        matrix.length !== rows ||
        matrix.some((r) => !Array.isArray(r) || r.length !== cols)
      ) {
        throw new FakeOfficeError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property}).`,
        );
      }
      (matrix as FakeCellValue[][]).forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null && typeof v === "object")
            throw new FakeOfficeError("InvalidArgument", "Cell inputs must be scalars.");
          apply(sheet, rect.top + r, rect.left + c, v);
        }),
      );
    });
  }

  set values(matrix: unknown[][]) {
    this.writeMatrix("values", matrix, (s, r, c, v) => this.context.book.enter(s, r, c, v));
  }
  get values(): unknown[][] {
    return this.loaded.get<unknown[][]>("values");
  }

  set formulas(matrix: unknown[][]) {
    this.writeMatrix("formulas", matrix, (s, r, c, v) => this.context.book.enter(s, r, c, v));
  }
  get formulas(): unknown[][] {
    return this.loaded.get<unknown[][]>("formulas");
  }

  set numberFormat(matrix: unknown[][]) {
    this.writeMatrix("numberFormat", matrix, (s, r, c, v) => {
      if (v === null) return;
      let cells = s.cells.get(r);
      if (!cells) s.cells.set(r, (cells = new Map()));
      const cell = cells.get(c) ?? {
        value: null,
        formula: null,
        numberFormat: "General",
        quotePrefix: false,
      };
      cell.numberFormat = String(v);
      cells.set(c, cell);
    });
  }
  get numberFormat(): unknown[][] {
    return this.loaded.get<unknown[][]>("numberFormat");
  }

  delete(shift: "Up"): void {
    this.context.enqueue(8, () => {
      if (shift !== "Up")
        throw new FakeOfficeError("InvalidArgument", "Only deleting with shift up is faked.");
      const { sheet, rect } = this.resolve();
      this.context.book.deleteUp(sheet, rect);
    });
  }

  clear(applyTo: "Contents" | "All" = "All"): void {
    this.context.enqueue(8, () => {
      const { sheet, rect } = this.resolve();
      this.context.book.clear(sheet, rect, applyTo === "All");
    });
  }

  merge(across = false): void {
    this.context.enqueue(8, () => {
      const { sheet, rect } = this.resolve();
      if (across)
        for (let r = rect.top; r <= rect.bottom; r++) sheet.merges.push({ ...rect, top: r, bottom: r });
      else sheet.merges.push(rect);
    });
  }
}

function valueTypeOf(cell: FakeCell | undefined): Excel.RangeValueType {
  const v = cell?.value ?? null;
  if (v === null) return "Empty" as Excel.RangeValueType;
  if (typeof v === "number") return "Double" as Excel.RangeValueType;
  if (typeof v === "boolean") return "Boolean" as Excel.RangeValueType;
  if (!cell!.quotePrefix && ERRORS.has(v)) return "Error" as Excel.RangeValueType;
  return "String" as Excel.RangeValueType;
}

/** A list source typed in the rule (not a range reference) is limited to 255 characters, as in Excel. */
function checkRule(rule: Excel.DataValidationRule): void {
  const source = rule.list?.source;
  if (typeof source === "string" && !source.startsWith("=") && source.length > 255)
    throw new FakeOfficeError("InvalidArgument", "A list source is limited to 255 characters.");
}

class FakeChartProxy implements XChart {
  private chart: FakeChart | null = null;
  readonly title: XChart["title"];
  readonly legend: XChart["legend"];
  readonly axes: XChart["axes"];
  readonly series: XChart["series"];

  constructor(
    private readonly context: FakeRequestContext,
    sheet: () => FakeSheet,
    type: string,
    source: FakeRange,
  ) {
    context.enqueue(jsonBytes(type) + 40, () => {
      const s = sheet();
      const src = source.resolve();
      const ref = { sheetId: src.sheet.id, rect: src.rect };
      this.chart = {
        name: `Chart ${s.charts.length + 1}`,
        type,
        source: ref,
        title: "",
        position: null,
        legend: { position: null, visible: null },
        axis: { minimum: null, maximum: null },
        // One series per column of the source, as with seriesBy "Columns".
        series: Array.from({ length: src.rect.right - src.rect.left + 1 }, (_, k) => ({
          name: `Series${k + 1}`,
          chartType: null,
          values: {
            sheetId: src.sheet.id,
            rect: { ...src.rect, left: src.rect.left + k, right: src.rect.left + k },
          },
          xValues: null,
        })),
      };
      s.charts.push(this.chart);
    });
    const chart = (): FakeChart => {
      if (!this.chart) throw new FakeOfficeError("InvalidObjectPath", "The chart was not created.");
      return this.chart;
    };
    const prop = (apply: (v: never) => void, name: string): PropertyDescriptor => ({
      set: (v: never) => context.enqueue(jsonBytes(v), () => apply(v)),
      get: () => {
        throw NOT_LOADED(name);
      },
      enumerable: true,
    });
    this.title = Object.defineProperty(
      {},
      "text",
      prop((v: string) => (chart().title = v), "text"),
    ) as XChart["title"];
    this.legend = Object.defineProperties(
      {},
      {
        position: prop((v: string) => (chart().legend.position = v), "position"),
        visible: prop((v: boolean) => (chart().legend.visible = v), "visible"),
      },
    ) as XChart["legend"];
    this.axes = {
      valueAxis: Object.defineProperties(
        {},
        {
          minimum: prop((v: number) => (chart().axis.minimum = v), "minimum"),
          maximum: prop((v: number) => (chart().axis.maximum = v), "maximum"),
        },
      ) as XChart["axes"]["valueAxis"],
    };
    const seriesProxy = (get: () => FakeChartSeries): XChartSeries => {
      const refOf = (range: XSessionRange): FakeRangeRef => {
        const r = (range as FakeRange).resolve();
        return { sheetId: r.sheet.id, rect: r.rect };
      };
      return Object.defineProperties(
        {
          setValues: (range: XSessionRange) => context.enqueue(60, () => (get().values = refOf(range))),
          setXAxisValues: (range: XSessionRange) => context.enqueue(60, () => (get().xValues = refOf(range))),
        },
        {
          name: prop((v: string) => (get().name = v), "name"),
          chartType: prop((v: string) => (get().chartType = v), "chartType"),
        },
      ) as XChartSeries;
    };
    this.series = {
      getItemAt: (index: number) => {
        let found: FakeChartSeries | null = null;
        context.enqueue(20, () => {
          found = chart().series[index] ?? null;
          if (!found) throw new FakeOfficeError("ItemNotFound", `No series at ${index}.`);
        });
        return seriesProxy(() => found!);
      },
      add: (name?: string) => {
        let created: FakeChartSeries | null = null;
        context.enqueue(jsonBytes(name), () => {
          created = {
            name: name ?? `Series${chart().series.length + 1}`,
            chartType: null,
            values: null,
            xValues: null,
          };
          chart().series.push(created);
        });
        return seriesProxy(() => created!);
      },
    };
  }

  set name(value: string) {
    this.context.enqueue(jsonBytes(value), () => (this.chart!.name = value));
  }
  get name(): string {
    throw NOT_LOADED("name");
  }

  setPosition(startCell: string, endCell?: string): void {
    this.context.enqueue(jsonBytes([startCell, endCell]), () => {
      parseA1(startCell);
      if (endCell) parseA1(endCell);
      this.chart!.position = { start: startCell, end: endCell ?? null };
    });
  }
}

/**
 * Runs a batch like `Excel.run`: a fresh request context over the fake workbook. While the clerk
 * edits a cell (`cellEditMode`), a batch without `delayForCellEdit` fails with
 * InvalidOperationInCellEditMode, as in Excel; with it, the batch runs once the edit ends (the fake
 * ends it at once).
 */
export async function runFake<T>(
  book: FakeWorkbook,
  batch: (context: FakeRequestContext) => Promise<T>,
  options: FakeRunOptions = {},
): Promise<T> {
  book.runs.push({ ...options });
  if (book.cellEditMode) {
    if (!options.delayForCellEdit)
      throw new FakeOfficeError(
        "InvalidOperationInCellEditMode",
        "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
      );
    book.cellEditMode = false;
  }
  return batch(new FakeRequestContext(book));
}
