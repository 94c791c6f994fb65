import type { Message } from "../core/issues";
import { WORKBOOK_MESSAGES, WorkbookError, errorCode } from "../port/errors";

/**
 * The rules every Office.js write of the add-in follows, in one place (the report writer, the
 * import writer and the session's small writes all go through them):
 *
 * - **One lock** (`exclusively`): one task writes to the workbook at a time. The pane's buttons
 *   and the ribbon's command run in the same shared runtime and the same bundle (commands.js only
 *   calls the generator the pane registered), so this module-level lock is the one they share.
 *   A second task is refused at once with a "busy" `WorkbookError`; the lock is released in
 *   `finally`, however the task ends.
 * - **One request budget** (`REQUEST_BUDGET_BYTES`) and **one way to count bytes**
 *   (`escapedBytes`): a request is budgeted for its escaped JSON form, every non-ASCII UTF-16 unit
 *   counted as `\uXXXX` (6 bytes), so Vietnamese text cannot push a request over Excel on the
 *   web's 5 MB however Excel serialises it. `RequestBatcher` syncs before the budget would be passed.
 * - **One way of writing text that must not become a formula, number, date or logical value**
 *   (`cellInputs`): such a cell gets the text number format "@" first, then the raw string, in the
 *   same request; a text-formatted cell keeps what is written, as typed. No apostrophes.
 * - **One place that suspends and resumes calculation**: `RequestBatcher` calls
 *   `suspendApiCalculationUntilNextSync` once per request (and never suspends screen updating,
 *   which flickers when done per batch); `recalculate` recalculates once at the end and reports
 *   whether Excel is in manual calculation mode.
 * - **Protection**: `assertWritable` finds protected sheets or a protected workbook before a
 *   write, and says so in the clerk's words instead of Office's "AccessDenied".
 */

/** Largest request (one sync) the add-in sends, in escaped JSON bytes: under Excel on the web's 5 MB. */
export const REQUEST_BUDGET_BYTES = 4_000_000;
/** Estimated bytes of one queued operation besides its data (object path, ids, property name). */
export const OPERATION_BYTES = 300;

// ---- the lock ----

let running: Message | null = null;

/** Runs `task` while no other write task runs; otherwise rejects at once ("busy"). */
export async function exclusively<T>(task: Message, run: () => Promise<T>): Promise<T> {
  if (running) throw new WorkbookError("busy", WORKBOOK_MESSAGES.busy(running));
  running = task;
  try {
    return await run();
  } finally {
    running = null;
  }
}

/** The task holding the lock, or null (tests, the self-test). */
export function runningTask(): Message | null {
  return running;
}

// ---- bytes ----

/** Bytes of a string in JSON with every non-ASCII UTF-16 unit escaped as \uXXXX, quotes included. */
export function escapedStringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) n += 2;
    else if (c < 0x20 || c >= 0x7f) n += 6;
    else n += 1;
  }
  return n;
}

/** Bytes of a value (scalars, arrays, plain objects) in escaped JSON. */
export function escapedBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === "string") return escapedStringBytes(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value).length : 4;
  if (typeof value === "boolean") return value ? 4 : 5;
  if (Array.isArray(value)) {
    let n = 2 + Math.max(0, value.length - 1);
    for (const v of value) n += escapedBytes(v);
    return n;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    let n = 2 + Math.max(0, entries.length - 1);
    for (const [k, v] of entries) n += escapedStringBytes(k) + 1 + escapedBytes(v);
    return n;
  }
  return escapedStringBytes(String(value));
}

// ---- text that must stay text ----

export type Input = string | number | boolean | null;

/**
 * The inputs of a block of cells and, when some cell is text that must stay text, the number
 * formats to set first ("@" for those cells, null — unchanged — elsewhere).
 */
export function cellInputs(
  rows: readonly (readonly Input[])[],
  mustStayText: (s: string) => boolean,
): { values: Input[][]; formats: (string | null)[][] | null } {
  let forced = false;
  const formats = rows.map((row) =>
    row.map((v) => {
      if (typeof v === "string" && v !== "" && mustStayText(v)) {
        forced = true;
        return "@";
      }
      return null;
    }),
  );
  return { values: rows.map((row) => [...row]), formats: forced ? formats : null };
}

/** Queues a block of inputs: the text format of the cells that need it, then the values or formulas. */
export function queueInputs(
  range: { values: unknown[][]; formulas: unknown[][]; numberFormat: unknown[][] },
  inputs: { values: Input[][]; formats: (string | null)[][] | null },
  as: "values" | "formulas" = "values",
): void {
  if (inputs.formats) range.numberFormat = inputs.formats;
  if (as === "formulas") range.formulas = inputs.values;
  else range.values = inputs.values;
}

/** Escaped bytes of a block of inputs as `queueInputs` sends it. */
export function inputBytes(inputs: { values: Input[][]; formats: (string | null)[][] | null }): number {
  return (
    escapedBytes(inputs.values) + (inputs.formats ? escapedBytes(inputs.formats) : 0) + 2 * OPERATION_BYTES
  );
}

/** Consecutive row blocks whose bytes stay under `budget` each (at least one row per block). */
export function rowBlocks(
  rowBytes: readonly number[],
  budget: number,
): { from: number; count: number; bytes: number }[] {
  const out: { from: number; count: number; bytes: number }[] = [];
  let start = 0;
  let bytes = 0;
  rowBytes.forEach((b, i) => {
    if (i > start && bytes + b > budget) {
      out.push({ from: start, count: i - start, bytes });
      start = i;
      bytes = 0;
    }
    bytes += b;
  });
  if (start < rowBytes.length) out.push({ from: start, count: rowBytes.length - start, bytes });
  return out;
}

// ---- requests ----

/** The part of a request context the batcher uses. */
export interface XBatchContext {
  workbook: {
    application: { suspendApiCalculationUntilNextSync(): void };
  };
  sync(): Promise<unknown>;
}

/**
 * Queues operations and syncs whenever the next one would push the request over the budget;
 * suspends calculation once per request.
 */
export class RequestBatcher {
  syncs = 0;
  largest = 0;
  private bytes = 0;

  constructor(
    private readonly context: XBatchContext,
    private readonly budget: number = REQUEST_BUDGET_BYTES,
  ) {}

  /** Queues operations of an estimated size (escaped bytes). */
  async add(estimate: number, queue: () => void): Promise<void> {
    if (this.bytes > 0 && this.bytes + estimate > this.budget) await this.flush();
    if (this.bytes === 0) {
      this.context.workbook.application.suspendApiCalculationUntilNextSync();
      this.bytes = OPERATION_BYTES;
    }
    queue();
    this.bytes += estimate;
  }

  /** Sends what is queued (one request). */
  async flush(): Promise<void> {
    if (this.bytes === 0) return;
    this.largest = Math.max(this.largest, this.bytes);
    this.bytes = 0;
    this.syncs++;
    await this.context.sync();
  }
}

// ---- calculation ----

export interface XCalculationContext {
  workbook: {
    application: {
      readonly calculationMode: string;
      load(propertyNames?: string): unknown;
      calculate(calculationType: "Recalculate" | "Full" | "FullRebuild"): void;
    };
  };
  sync(): Promise<unknown>;
}

/**
 * Recalculates after writes made with calculation suspended (Office.js leaves that to the add-in);
 * returns true when Excel is in manual calculation mode (the figures are right now, but will not
 * follow later edits until the clerk presses F9).
 */
export async function recalculate(context: XCalculationContext): Promise<boolean> {
  const app = context.workbook.application;
  app.load("calculationMode");
  app.calculate("Recalculate");
  await context.sync();
  return app.calculationMode === "Manual";
}

// ---- protection ----

export interface XProtectionContext {
  workbook: {
    protection: { readonly protected: boolean; load(propertyNames?: string): unknown };
    worksheets: {
      readonly items: { readonly name: string; readonly protection: { readonly protected: boolean } }[];
      load(propertyNames?: string): unknown;
    };
  };
  sync(): Promise<unknown>;
}

/**
 * Throws a "protected" `WorkbookError` when the workbook structure is protected (no sheet can be
 * added, renamed or deleted) and `structure` is asked, or when one of `sheets` (all when null) is
 * protected. One sync.
 */
export async function assertWritable(
  context: XProtectionContext,
  options: { readonly structure: boolean; readonly sheets: readonly string[] | null },
): Promise<void> {
  const book = context.workbook.protection;
  if (options.structure) book.load("protected");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/protection/protected");
  await context.sync();
  const wanted = options.sheets ? new Set(options.sheets.map((s) => s.toLocaleLowerCase())) : null;
  const locked = sheets.items
    .filter((ws) => (!wanted || wanted.has(ws.name.toLocaleLowerCase())) && ws.protection.protected)
    .map((ws) => ws.name);
  const { protected: said, nothingChanged } = WORKBOOK_MESSAGES;
  if (options.structure && book.protected)
    throw new WorkbookError("protected", {
      vi: `${said.vi} ${nothingChanged.vi}`,
      en: `${said.en} ${nothingChanged.en}`,
    });
  if (locked.length > 0) {
    const list = locked.map((n) => `“${n}”`).join(", ");
    throw new WorkbookError("protected", {
      vi: `${said.vi} Trang được bảo vệ: ${list}. ${nothingChanged.vi}`,
      en: `${said.en} Protected: ${list}. ${nothingChanged.en}`,
    });
  }
}

/** An Office.js error turned into the clerk's words when it is a protection or cell-edit error. */
export function explained(error: unknown): unknown {
  const code = errorCode(error);
  if (code === "AccessDenied") return new WorkbookError("protected", WORKBOOK_MESSAGES.protected, error);
  if (code === "InvalidOperationInCellEditMode")
    return new WorkbookError("cellEdit", WORKBOOK_MESSAGES.cellEdit, error);
  return error;
}
