import type {
  BorderEdge,
  XConditionalFormat,
  XCustomProperty,
  XRange,
  XRangeBorder,
  XRangeFormat,
  XRequestContext,
  XWorksheet,
  XWorksheetCollection,
} from "../writeReport";
import { utf8Bytes } from "../writeReport";

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
 * - Failure injection: `failAtSync: n` makes the n-th sync throw before applying anything.
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
}

const NOT_LOADED = (property: string): FakeOfficeError =>
  new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value ?? null));
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

/** The workbook's state, and the requests made to it. */
export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly requests: FakeRequest[] = [];
  private nextId = 1;

  constructor(readonly options: FakeExcelOptions = {}) {}

  get syncs(): number {
    return this.requests.length;
  }

  get largestRequestBytes(): number {
    return this.requests.reduce((m, r) => Math.max(m, r.bytes), 0);
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
  }

  alive(sheet: FakeSheet): FakeSheet {
    if (!this.sheets.includes(sheet))
      throw new FakeOfficeError("ItemNotFound", `The sheet “${sheet.name}” does not exist.`);
    return sheet;
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

export class FakeRequestContext implements XRequestContext {
  readonly workbook: XRequestContext["workbook"];
  private queue: Operation[] = [];
  private suspendedCalculation = false;
  private suspendedScreen = false;

  constructor(readonly book: FakeWorkbook) {
    this.workbook = {
      worksheets: new FakeWorksheetCollection(this),
      application: {
        suspendApiCalculationUntilNextSync: () => {
          this.suspendedCalculation = true;
          this.enqueue(40, () => undefined);
        },
        suspendScreenUpdatingUntilNextSync: () => {
          this.suspendedScreen = true;
          this.enqueue(40, () => undefined);
        },
      },
    };
  }

  enqueue(dataBytes: number, apply: () => void): void {
    this.queue.push({ bytes: dataBytes + OPERATION_OVERHEAD, apply });
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
    if (this.book.options.failAtSync === this.book.requests.length) {
      throw new FakeOfficeError("GeneralException", `Injected failure at sync ${this.book.requests.length}.`);
    }
    if (bytes > limit) {
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit.",
      );
    }
    await Promise.resolve();
    for (const op of batch) op.apply();
  }
}

class FakeWorksheetCollection implements XWorksheetCollection {
  private loaded = new Loaded();
  constructor(private readonly context: FakeRequestContext) {}

  get items(): XWorksheet[] {
    return this.loaded.get<XWorksheet[]>("items");
  }

  load(propertyNames?: string): this {
    this.context.enqueue(jsonBytes(propertyNames), () => {
      const items = this.context.book.sheets.map((s) => {
        const proxy = new FakeWorksheet(this.context, () => s);
        proxy.loadedNow("name", s.name);
        return proxy;
      });
      this.loaded.set("items", items);
    });
    return this;
  }

  add(name?: string): XWorksheet {
    let created: FakeSheet | null = null;
    this.context.enqueue(jsonBytes(name), () => {
      let n = name;
      for (let k = 1; !n; k++) n = this.context.book.find(`Sheet${k}`) ? undefined : `Sheet${k}`;
      created = this.context.book.createSheet(n);
    });
    return new FakeWorksheet(this.context, () => {
      if (!created) throw new FakeOfficeError("InvalidObjectPath", "The worksheet was not created.");
      return created;
    });
  }
}

type SheetRef = () => FakeSheet;

class FakeWorksheet implements XWorksheet {
  private readonly loaded = new Loaded();
  readonly freezePanes: XWorksheet["freezePanes"];
  readonly pageLayout: XWorksheet["pageLayout"];
  readonly customProperties: XWorksheet["customProperties"];

  constructor(
    private readonly context: FakeRequestContext,
    private readonly ref: SheetRef,
  ) {
    const book = context.book;
    const sheet = (): FakeSheet => book.alive(ref());
    this.freezePanes = {
      freezeRows: (count = 1) => context.enqueue(8, () => (sheet().freeze = { rows: count, columns: 0 })),
      freezeAt: (address: string) =>
        context.enqueue(jsonBytes(address), () => {
          const r = parseA1(address);
          sheet().freeze = { rows: r.bottom, columns: r.right };
        }),
    };
    const layout: Record<string, unknown> = {};
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
    void layout;
    this.pageLayout = pageLayout as unknown as XWorksheet["pageLayout"];
    this.customProperties = {
      add: (key: string, value: string) => {
        context.enqueue(jsonBytes([key, value]), () => sheet().customProperties.set(key, value));
        return undefined;
      },
      getItemOrNullObject: (key: string) =>
        new FakeCustomProperty(context, () => sheet().customProperties.get(key)),
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
      s.name = value;
    });
  }

  get showGridlines(): boolean {
    return this.loaded.get<boolean>("showGridlines");
  }

  set showGridlines(value: boolean) {
    this.context.enqueue(5, () => (this.context.book.alive(this.ref()).showGridlines = value));
  }

  delete(): void {
    this.context.enqueue(0, () => this.context.book.deleteSheet(this.ref()));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XRange {
    const rect = {
      top: startRow + 1,
      left: startColumn + 1,
      bottom: startRow + rowCount,
      right: startColumn + columnCount,
    };
    return new FakeRange(
      this.context,
      () => {
        if (
          startRow < 0 ||
          startColumn < 0 ||
          rowCount < 1 ||
          columnCount < 1 ||
          rect.bottom > 1048576 ||
          rect.right > 16384
        ) {
          throw new FakeOfficeError("InvalidArgument", `Bad range ${JSON.stringify(rect)}`);
        }
        return this.context.book.alive(this.ref());
      },
      rect,
    );
  }
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

class FakeRange implements XRange {
  readonly format: XRangeFormat;
  readonly conditionalFormats: XRange["conditionalFormats"];

  constructor(
    private readonly context: FakeRequestContext,
    private readonly sheet: SheetRef,
    private readonly rect: Rect,
  ) {
    const record = (path: string, value: unknown): void =>
      context.enqueue(jsonBytes(value) + path.length, () => this.sheet().formats.push({ rect, path, value }));
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
    const rows = rect.bottom - rect.top + 1;
    this.format = writable<XRangeFormat>(
      "",
      ["horizontalAlignment", "verticalAlignment", "wrapText", "indentLevel"],
      {
        font: writable("font.", ["name", "size", "bold", "italic", "underline", "color"]),
        fill: writable("fill.", ["color"]),
        borders,
        autofitRows: () => context.enqueue(0, () => this.sheet().autofitRows.push(rect)),
      },
    );
    Object.defineProperty(this.format, "columnWidth", {
      set: (v: number) =>
        context.enqueue(8, () => {
          const s = this.sheet();
          for (let c = rect.left; c <= rect.right; c++) s.columnWidths.set(c, v);
        }),
      get: () => {
        throw NOT_LOADED("columnWidth");
      },
    });
    Object.defineProperty(this.format, "rowHeight", {
      set: (v: number) =>
        context.enqueue(8, () => {
          const s = this.sheet();
          for (let r = rect.top; r <= rect.bottom; r++) s.rowHeights.set(r, v);
        }),
      get: () => {
        throw NOT_LOADED("rowHeight");
      },
    });
    void rows;
    this.conditionalFormats = {
      add: (type: "Custom"): XConditionalFormat => {
        if (type !== "Custom")
          throw new FakeOfficeError("InvalidArgument", "Only custom conditional formats are faked.");
        const cf: FakeConditionalFormat = { rect, formula: "", fill: null, fontColor: null, bold: null };
        context.enqueue(20, () => this.sheet().conditionalFormats.push(cf));
        const set = (apply: (v: never) => void) => (v: never) =>
          context.enqueue(jsonBytes(v), () => apply(v));
        const prop = <T>(apply: (v: T) => void): PropertyDescriptor => ({
          set: set(apply as (v: never) => void),
          get: () => {
            throw NOT_LOADED("conditional format property");
          },
        });
        const rule = Object.defineProperty(
          {},
          "formula",
          prop<string>((v) => (cf.formula = v)),
        ) as { formula: string };
        const fill = Object.defineProperty(
          {},
          "color",
          prop<string>((v) => (cf.fill = v)),
        ) as { color: string };
        const font = Object.defineProperties(
          {},
          { color: prop<string>((v) => (cf.fontColor = v)), bold: prop<boolean>((v) => (cf.bold = v)) },
        ) as { color: string; bold: boolean };
        return { custom: { rule, format: { fill, font } } };
      },
    };
  }

  private writeMatrix(
    property: string,
    matrix: unknown,
    apply: (sheet: FakeSheet, row: number, col: number, v: FakeCellValue) => void,
  ): void {
    this.context.enqueue(jsonBytes(matrix) + property.length, () => {
      const sheet = this.sheet();
      const rows = this.rect.bottom - this.rect.top + 1;
      const cols = this.rect.right - this.rect.left + 1;
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
          apply(sheet, this.rect.top + r, this.rect.left + c, v);
        }),
      );
    });
  }

  set values(matrix: unknown[][]) {
    this.writeMatrix("values", matrix, (s, r, c, v) => this.context.book.enter(s, r, c, v));
  }
  get values(): unknown[][] {
    throw NOT_LOADED("values");
  }

  set formulas(matrix: unknown[][]) {
    this.writeMatrix("formulas", matrix, (s, r, c, v) => this.context.book.enter(s, r, c, v));
  }
  get formulas(): unknown[][] {
    throw NOT_LOADED("formulas");
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
    throw NOT_LOADED("numberFormat");
  }

  merge(across = false): void {
    this.context.enqueue(8, () => {
      const s = this.sheet();
      if (across)
        for (let r = this.rect.top; r <= this.rect.bottom; r++)
          s.merges.push({ ...this.rect, top: r, bottom: r });
      else s.merges.push(this.rect);
    });
  }
}

/** Runs a batch like `Excel.run`: a fresh request context over the fake workbook. */
export async function runFake<T>(
  book: FakeWorkbook,
  batch: (context: FakeRequestContext) => Promise<T>,
): Promise<T> {
  return batch(new FakeRequestContext(book));
}
