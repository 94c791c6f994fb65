import type { SheetGrid, SheetVisibility, WorkbookGrids } from "../core/grid";
import type { Message } from "../core/issues";
import type { ReportId, SheetDescription } from "../report/description";
import type { SelfTestReport } from "./selfTest";
import type { CellWrite, ChartPlan, ImportApply, NewSheet, TableInfo } from "./writes";

/**
 * The workbook port: every operation the workflows (src/app) perform on the open workbook. The
 * Office.js session (src/excel/session.ts over `Excel.run`) implements it, and so does the same
 * session over the in-memory Excel (src/excel/memory, demo mode and tests). The workflows import
 * this interface only, never src/excel; src/excel never imports src/app (ESLint enforces both).
 */

/** What a feature needs from the host, and whether the host has it. */
export type Feature =
  "read" | "createSheets" | "reports" | "chart" | "selectCell" | "insertFormula" | "settings";

export interface Capability {
  readonly supported: boolean;
  /** e.g. "ExcelApi 1.12". */
  readonly requirement: string;
}

export type Capabilities = Readonly<Record<Feature, Capability>>;

export interface SheetMarks {
  readonly name: string;
  /** The report id when the sheet is one of the add-in's report sheets (by either mark). */
  readonly report: ReportId | null;
  /** The add-in's own other sheets ("instructions", the import log, combined copies). */
  readonly own: string | null;
  /** Undefined when the host cannot tell. */
  readonly visibility?: SheetVisibility;
}

export interface WriteProgress {
  /** 0-based index of the sheet being written, and how many in all. */
  readonly index: number;
  readonly total: number;
  /** The report's wanted sheet name. */
  readonly name: string;
}

/** How far the reading of one sheet has got (after each chunk of rows). */
export interface ReadProgress {
  readonly sheet: string;
  readonly rowsRead: number;
  /** Rows of the sheet's used range. */
  readonly rowCount: number;
}

export interface ReadWorkbookOptions {
  readonly onProgress?: (progress: ReadProgress) => void;
  /** Stops between chunks of rows; the result then says `cancelled` and its grids are incomplete. */
  readonly signal?: AbortSignal;
}

export interface WriteReportsOptions {
  readonly onProgress?: (progress: WriteProgress) => void;
  /**
   * Cancels between sheets: the sheets of this run written so far are removed again and the
   * previous complete set of reports stays as it was.
   */
  readonly signal?: AbortSignal;
}

export interface WrittenSheet {
  readonly reportId: ReportId;
  readonly name: string;
  /** True when an earlier report sheet of the add-in was replaced. */
  readonly replaced: boolean;
  /** Syncs spent on this sheet. */
  readonly syncs: number;
}

export interface WriteReportsResult {
  /** The sheets of the run: all of them when it committed, none when it was cancelled or failed. */
  readonly written: readonly WrittenSheet[];
  readonly cancelled: boolean;
  /**
   * The report that failed, when one did: nothing of the run is left in the workbook. `partial`:
   * the failure came inside the commit, which Excel may have applied in part (some reports the
   * new ones, others the earlier ones or missing): the clerk must generate again.
   */
  readonly failed: {
    readonly reportId: ReportId;
    readonly name: string;
    readonly error: unknown;
    readonly partial: boolean;
    /** The run's unfinished sheets ("(chưa xong) …") could not be removed: they stay until the next run. */
    readonly stagedLeft: boolean;
  } | null;
  /** True when Excel calculates manually: the report's formulas were recalculated once, but will not follow edits. */
  readonly manualCalculation: boolean;
}

export interface CreatedSheets {
  readonly created: readonly string[];
}

/** Where an exported workbook went. */
export type ExportDestination = "newWorkbook" | "download";

/** What the workflows ask of the workbook (see the module comment). */
export interface WorkbookPort {
  /** "excel" inside Office; "demo" over the in-memory Excel. */
  readonly mode: "excel" | "demo";
  /** Which features the host supports (`isSetSupported`). */
  capabilities(): Capabilities;
  /**
   * Runs a task that writes to the workbook while no other such task runs (the pane's buttons and
   * the ribbon share one lock); when one is running, rejects at once with a `WorkbookError`
   * ("busy") naming it. The lock is released however the task ends.
   */
  exclusive<T>(task: Message, run: () => Promise<T>): Promise<T>;
  /** Every sheet's name and the add-in's marks on it. */
  sheetMarks(): Promise<SheetMarks[]>;
  /**
   * The sheets `keep` accepts (default: all but report sheets), as grids, and every sheet's marks;
   * read in chunks of rows, with progress after each and cancel between them (reading changes
   * nothing in the workbook).
   */
  readWorkbook(
    keep?: (marks: SheetMarks) => boolean,
    options?: ReadWorkbookOptions,
  ): Promise<{ workbook: WorkbookGrids; marks: SheetMarks[]; cancelled: boolean }>;
  /** The add-in's own sheet with this mark, as a grid; null when there is none. */
  readOwnSheet(mark: string): Promise<SheetGrid | null>;
  tables(): Promise<TableInfo[]>;
  tableNames(): Promise<string[]>;
  createSheets(sheets: readonly NewSheet[]): Promise<CreatedSheets>;
  writeCells(sheet: string, writes: readonly CellWrite[]): Promise<void>;
  /** All or nothing: either every report is written and the earlier ones replaced, or nothing changes. */
  writeReports(
    descriptions: readonly SheetDescription[],
    options?: WriteReportsOptions,
  ): Promise<WriteReportsResult>;
  addSummaryChart(sheet: string, plan: ChartPlan): Promise<void>;
  applyImport(
    writes: ImportApply,
    onProgress?: (progress: { index: number; total: number; name: string }) => void,
  ): Promise<void>;
  selectCell(sheet: string, address: string): Promise<void>;
  /**
   * The active cell before a formula goes into it: its address ("Thôn!B7"), its sheet, its 0-based
   * row, and whether it holds anything (a value or a formula).
   */
  activeCell(): Promise<{ address: string; sheet: string; row: number; empty: boolean }>;
  insertFormula(formula: string): Promise<string>;
  loadPaneChoices(): Promise<unknown>;
  savePaneChoices(value: unknown): Promise<void>;
  /**
   * Opens an .xlsx file's bytes as a new workbook (ExcelApi 1.8), or, where the host lacks that,
   * hands them to `download` (the pane saves them as a file).
   */
  exportWorkbook(
    bytes: Uint8Array,
    fileName: string,
    download?: (bytes: Uint8Array, fileName: string) => void,
  ): Promise<ExportDestination>;
  /**
   * Runs the compatibility self-test (src/excel/selfTest.ts) on a temporary sheet, removed at the
   * end; holds the workbook lock meanwhile. Never rejects for a failed check: the report says it.
   */
  selfTest(): Promise<SelfTestReport>;
}
