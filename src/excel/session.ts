import type { SheetGrid, WorkbookGrids } from "../core/grid";
import type { Message } from "../core/issues";
import { WorkbookError } from "../port/errors";
import type {
  Capabilities,
  Capability,
  CreatedSheets,
  ExportDestination,
  Feature,
  ReadWorkbookOptions,
  SheetMarks,
  WorkbookPort,
  WriteReportsOptions,
  WriteReportsResult,
} from "../port/workbookPort";
import {
  headerAddress,
  validationRange,
  type CellWrite,
  type ChartPlan,
  type ImportApply,
  type NewSheet,
  type TableInfo,
  type ValidationRule,
} from "../port/writes";
import { type ReportId, type SheetDescription, needsForcedText } from "../report/description";
import {
  OPERATION_BYTES,
  REQUEST_BUDGET_BYTES,
  RequestBatcher,
  assertWritable,
  cellInputs,
  escapedBytes,
  exclusively,
  explained,
  queueInputs,
  recalculate,
  type XProtectionContext,
} from "./applier";
import type { ExcelHost } from "./host";
import { runSelfTest } from "./selfTest";
import type { SelfTestReport } from "../port/selfTest";
import { applySheetEdit, writeOwnSheet } from "./importWriter";
import type { XSessionContext, XSessionWorksheet } from "./objectModel";
import { readWorkbookFromExcel } from "./readWorkbook";
import {
  CommitError,
  loadReportMarks,
  widthToPoints,
  writeReportsToExcel,
  type ExcelWriteOptions,
  type XRequestContext,
} from "./writeReport";

/**
 * The workbook session: the workbook port (src/port/workbookPort.ts) over an `ExcelHost` (Excel
 * through Office.js, or the in-memory workbook of demo mode and the tests). Every write goes
 * through the applier's rules (src/excel/applier.ts); each operation is one or a few batches (load,
 * then one sync), never a sync per cell or per row.
 */

export type {
  Capabilities,
  Capability,
  Feature,
  SheetMarks,
  WriteReportsOptions,
  WriteReportsResult,
  CellWrite,
};
/** The error the session throws for a problem it recognised (see src/port/errors.ts). */
export { WorkbookError as SessionError };

/** Worksheet custom property marking the add-in's own non-report sheets (the instructions sheet). */
export const SHEET_MARKER_KEY = "nth-rollup-sheet";
/** Workbook setting (Office.js `workbook.settings`) holding the pane's choices. */
export const PANE_SETTING_KEY = "nth-rollup.pane";

/**
 * The requirement set each feature needs (the manifest asks for ExcelApi 1.12, the highest here):
 * read — used ranges and value types (1.4); createSheets — data validation (1.8) and the sheet
 * marker (1.12); reports — worksheet custom properties marking report sheets (1.12); chart — chart
 * series from ranges (1.7); insertFormula — the active cell (1.7); settings — workbook settings (1.4).
 * Merged cells are read with ExcelApi 1.13 when present (see readWorkbook.ts); export opens a new
 * workbook with ExcelApi 1.8, or downloads.
 */
export const FEATURE_REQUIREMENTS: Readonly<
  Record<Feature, { readonly set: string; readonly version: string }>
> = {
  read: { set: "ExcelApi", version: "1.4" },
  createSheets: { set: "ExcelApi", version: "1.12" },
  reports: { set: "ExcelApi", version: "1.12" },
  chart: { set: "ExcelApi", version: "1.7" },
  selectCell: { set: "ExcelApi", version: "1.1" },
  insertFormula: { set: "ExcelApi", version: "1.7" },
  settings: { set: "ExcelApi", version: "1.4" },
};

function toExcelRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.kind) {
    case "list":
      return { list: { inCellDropDown: true, source: rule.values.join(",") } };
    case "listFormula":
      return { list: { inCellDropDown: true, source: rule.formula } };
    case "wholeNumber":
      return {
        wholeNumber: {
          formula1: rule.min,
          formula2: rule.max,
          operator: "Between" as Excel.DataValidationOperator,
        },
      };
  }
}

/** Excel limits an input message's title to 32 and its text to 255 characters. */
function clip(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1) + "…";
}

/** Text must stay text when Excel would read it as a formula, number, date or logical value. */
const mustStayText = (s: string): boolean => needsForcedText(s);

export class WorkbookSession implements WorkbookPort {
  constructor(
    readonly host: ExcelHost,
    /** Options of the writers (tests make requests small to spread a sheet over several syncs). */
    private readonly writeOptions: Pick<ExcelWriteOptions, "maxRequestBytes" | "blockBytes"> = {},
  ) {}

  get mode(): "excel" | "demo" {
    return this.host.kind;
  }

  private get budget(): number {
    return this.writeOptions.maxRequestBytes ?? REQUEST_BUDGET_BYTES;
  }

  /** Runs a batch; Office's protection and cell-edit errors come out in the clerk's words. */
  private async run<T>(batch: (context: XSessionContext) => Promise<T>): Promise<T> {
    try {
      return await this.host.run(batch);
    } catch (error) {
      throw explained(error);
    }
  }

  /** Which features the host supports, checked with `isSetSupported`. */
  capabilities(): Capabilities {
    const out = {} as Record<Feature, Capability>;
    for (const [feature, r] of Object.entries(FEATURE_REQUIREMENTS) as [
      Feature,
      { set: string; version: string },
    ][]) {
      out[feature] = {
        supported: this.host.isSetSupported(r.set, r.version),
        requirement: `${r.set} ${r.version}`,
      };
    }
    return out;
  }

  exclusive<T>(task: Message, run: () => Promise<T>): Promise<T> {
    return exclusively(task, run);
  }

  /** Every sheet's name, visibility and the add-in's marks on it (two syncs). */
  async sheetMarks(): Promise<SheetMarks[]> {
    return this.run((context) => loadMarks(context));
  }

  /**
   * The open workbook as grids (through the sheet reader) of the sheets `keep` accepts (default:
   * all but report sheets), and every sheet's marks.
   */
  async readWorkbook(
    keep: (marks: SheetMarks) => boolean = (m) => m.report === null,
    options: ReadWorkbookOptions = {},
  ): Promise<{ workbook: WorkbookGrids; marks: SheetMarks[]; cancelled: boolean }> {
    return this.run(async (context) => {
      const marks = await loadMarks(context);
      const wanted = new Set(marks.filter(keep).map((m) => m.name));
      const read = await readWorkbookFromExcel(context, {
        include: (name) => wanted.has(name),
        mergedAreas: this.host.isSetSupported("ExcelApi", "1.13"),
        onProgress: options.onProgress,
        signal: options.signal,
      });
      const byName = new Map(marks.map((m) => [m.name, m]));
      const sheets = read.workbook.sheets.map((g) =>
        byName.get(g.name)?.report ? { ...g, report: true } : g,
      );
      return { workbook: { ...read.workbook, sheets }, marks, cancelled: read.cancelled };
    });
  }

  /** The add-in's own sheet with this mark (the import log), as a grid; null when there is none. */
  async readOwnSheet(mark: string): Promise<SheetGrid | null> {
    return this.run(async (context) => {
      const marks = await loadMarks(context);
      const name = marks.find((m) => m.own === mark)?.name;
      if (!name) return null;
      const read = await readWorkbookFromExcel(context, { include: (n) => n === name });
      return read.workbook.sheets[0] ?? { name, rows: [] };
    });
  }

  /** Every table: its name, sheet and cells (1-based, header row included); two syncs. */
  async tables(): Promise<TableInfo[]> {
    return this.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load("items/name");
      await context.sync();
      const parts = tables.items.map((table) => {
        const range = table.getRange();
        range.load("rowIndex,columnIndex,rowCount,columnCount");
        table.worksheet.load("name");
        return { table, range };
      });
      await context.sync();
      return parts.map(({ table, range }) => ({
        name: table.name,
        sheet: table.worksheet.name,
        top: range.rowIndex + 1,
        left: range.columnIndex + 1,
        bottom: range.rowIndex + range.rowCount,
        right: range.columnIndex + range.columnCount,
      }));
    });
  }

  /**
   * Applies an import (src/port/writes.ts): creates the standard sheets it needs, edits each
   * standard sheet, then writes the add-in's own sheets (combined copies, then the import log,
   * last: after a failure half-way the log still names the submissions before, and importing again
   * replaces the rows already written). Every request stays under the budget. Protected sheets are
   * found before anything is written.
   */
  async applyImport(
    writes: ImportApply,
    onProgress?: (progress: { index: number; total: number; name: string }) => void,
  ): Promise<void> {
    const budget = this.budget;
    await this.run((context) =>
      assertWritable(context as unknown as XProtectionContext, {
        structure: writes.create.length > 0 || writes.ownSheets.some((o) => !o.exists),
        sheets: [
          ...writes.edits.map((e) => e.sheet),
          ...writes.ownSheets.filter((o) => o.exists).map((o) => o.name),
        ],
      }),
    );
    const steps: { name: string; run: (context: XSessionContext) => Promise<void> }[] = [
      ...writes.edits.map((e) => ({
        name: e.sheet,
        run: (c: XSessionContext) => applySheetEdit(c, e, budget),
      })),
      ...writes.ownSheets.map((o) => ({
        name: o.name,
        run: (c: XSessionContext) => writeOwnSheet(c, o, SHEET_MARKER_KEY, budget),
      })),
    ];
    const total = steps.length + (writes.create.length > 0 ? 1 : 0);
    let index = 0;
    if (writes.create.length > 0) {
      onProgress?.({ index: index++, total, name: writes.create.map((s) => s.name).join(", ") });
      await this.createSheets(writes.create);
    }
    for (const step of steps) {
      onProgress?.({ index: index++, total, name: step.name });
      await this.run(step.run);
    }
    await this.run((context) => recalculate(context as unknown as XRequestContext));
  }

  /** The names of the workbook's tables (one sync). */
  async tableNames(): Promise<string[]> {
    return this.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load("items/name");
      await context.sync();
      return tables.items.map((t) => t.name);
    });
  }

  /**
   * Creates new sheets as described (tables with their headers, formats, drop-downs, frozen header,
   * widths), batched under the budget; never touches an existing sheet (the plan's names are free).
   * Activates the first one.
   */
  async createSheets(sheets: readonly NewSheet[]): Promise<CreatedSheets> {
    if (sheets.length === 0) return { created: [] };
    await this.run(async (context) => {
      await assertWritable(context as unknown as XProtectionContext, { structure: true, sheets: [] });
      const batch = new RequestBatcher(context, this.budget);
      const added: XSessionWorksheet[] = [];
      for (const s of sheets) {
        const width = Math.max(...s.rows.map((r) => r.length), 1);
        const inputs = cellInputs(
          s.rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? "")),
          mustStayText,
        );
        let ws!: XSessionWorksheet;
        await batch.add(escapedBytes(inputs.values) + 4 * OPERATION_BYTES, () => {
          ws = context.workbook.worksheets.add(s.name);
          added.push(ws);
          queueInputs(ws.getRangeByIndexes(0, 0, inputs.values.length, width), inputs);
        });
        const operations =
          8 +
          s.boldRows.length +
          s.titleRows.length +
          s.columnFormats.length +
          s.columnWidths.length +
          2 * s.wrapColumns.length +
          3 * s.validations.length;
        await batch.add(
          operations * OPERATION_BYTES + escapedBytes(s.validations.map((v) => [v.rule ?? null, v.prompt])),
          () => this.queueSheetFormat(ws, s, width),
        );
      }
      await batch.add(OPERATION_BYTES, () => added[0].activate());
      await batch.flush();
    });
    return { created: sheets.map((s) => s.name) };
  }

  /** Queues a new sheet's table, formats, widths, drop-downs and frozen rows. */
  private queueSheetFormat(ws: XSessionWorksheet, s: NewSheet, width: number): void {
    if (s.table) {
      const table = ws.tables.add(headerAddress(s), true);
      table.name = s.table.name;
      table.style = s.table.style;
      table.showBandedRows = true;
    }
    for (const r of s.boldRows) ws.getRangeByIndexes(r - 1, 0, 1, width).format.font.bold = true;
    for (const r of s.titleRows) {
      const title = ws.getRangeByIndexes(r - 1, 0, 1, 1).format.font;
      title.bold = true;
      title.size = 14;
    }
    // Column formats on the first data row: a table carries them to the rows added below.
    for (const f of s.columnFormats) {
      const first = s.table ? 1 : s.rows.length > 1 ? 1 : 0;
      const rows = s.table ? 1 : Math.max(1, s.rows.length - 1);
      ws.getRangeByIndexes(first, f.column - 1, rows, 1).numberFormat = Array.from({ length: rows }, () => [
        f.format,
      ]);
    }
    s.columnWidths.forEach((w, c) => {
      ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthToPoints(w);
    });
    for (const c of s.wrapColumns) {
      const range = ws.getRangeByIndexes(0, c - 1, Math.max(1, s.rows.length), 1);
      range.format.wrapText = true;
      range.format.verticalAlignment = "Top";
    }
    for (const v of s.validations) {
      const range = ws.getRange(validationRange(v));
      if (v.rule) {
        range.dataValidation.rule = toExcelRule(v.rule);
        // A warning, not a stop: the reader accepts more spellings than the list shows.
        range.dataValidation.errorAlert = {
          showAlert: true,
          style: "Warning" as Excel.DataValidationAlertStyle,
          title: "Nhất thể hóa",
          message:
            "Giá trị không có trong danh sách; vẫn giữ nếu chọn Yes. / Not in the list; kept if you choose Yes.",
        };
      }
      if (v.prompt.vi) {
        range.dataValidation.prompt = {
          showPrompt: true,
          title: "",
          message: clip(`${v.prompt.vi}\n${v.prompt.en}`, 255),
        };
      }
    }
    if (s.freezeRows > 0) ws.freezePanes.freezeRows(s.freezeRows);
    if (s.kind === "instructions") ws.customProperties.add(SHEET_MARKER_KEY, "instructions");
  }

  /** Selects a cell (or range) of a sheet and shows that sheet; an empty address shows the sheet. */
  async selectCell(sheet: string, address: string): Promise<void> {
    try {
      await this.host.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        if (address) ws.getRange(address).select();
        else ws.activate();
        await context.sync();
      });
    } catch (error) {
      throw new WorkbookError(
        "other",
        {
          vi: `Không chọn được ô ${address || "A1"} ở trang “${sheet}” (trang đã đổi tên hoặc bị xóa?).`,
          en: `Could not select ${address || "A1"} on sheet “${sheet}” (renamed or deleted?).`,
        },
        error,
      );
    }
  }

  /** The pane's stored choices (workbook settings), or null when none were saved. */
  async loadPaneChoices(): Promise<unknown> {
    return this.run(async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(PANE_SETTING_KEY);
      item.load("value");
      await context.sync();
      return item.isNullObject ? null : item.value;
    });
  }

  /** Saves the pane's choices in the workbook (they travel with the file). */
  async savePaneChoices(value: unknown): Promise<void> {
    await this.run(async (context) => {
      context.workbook.settings.add(PANE_SETTING_KEY, value);
      await context.sync();
    });
  }

  /** Writes text cells of an existing sheet (the settings sheet), as text, in one batch. */
  async writeCells(sheet: string, writes: readonly CellWrite[]): Promise<void> {
    if (writes.length === 0) return;
    await this.run(async (context) => {
      await assertWritable(context as unknown as XProtectionContext, { structure: false, sheets: [sheet] });
      const ws = context.workbook.worksheets.getItem(sheet);
      const batch = new RequestBatcher(context, this.budget);
      for (const w of writes) {
        const inputs = cellInputs([[w.value === null ? "" : w.value]], mustStayText);
        await batch.add(escapedBytes(inputs.values) + 2 * OPERATION_BYTES, () =>
          queueInputs(ws.getRange(w.address), inputs),
        );
      }
      await batch.flush();
    });
  }

  /**
   * Writes the report sheets, all or nothing (see writeReportsToExcel): progress before each sheet,
   * a cancel between sheets removes the run's sheets; a failure too, and comes back in `failed`.
   */
  async writeReports(
    descriptions: readonly SheetDescription[],
    options: WriteReportsOptions = {},
  ): Promise<WriteReportsResult> {
    let current: { reportId: ReportId; name: string } | null = null;
    try {
      const result = await this.run((context) =>
        writeReportsToExcel(context as unknown as XRequestContext, descriptions, {
          ...this.writeOptions,
          signal: options.signal,
          onProgress: (p) => {
            current = { reportId: descriptions[p.index].reportId, name: p.name };
            options.onProgress?.(p);
          },
        }),
      );
      return {
        written: result.sheets,
        cancelled: result.cancelled,
        failed: null,
        manualCalculation: result.manualCalculation,
      };
    } catch (error) {
      const at: { reportId: ReportId; name: string } = current ?? {
        reportId: descriptions[0]?.reportId ?? "summary",
        name: descriptions[0]?.name ?? "",
      };
      const known = error instanceof CommitError ? error : null;
      return {
        written: [],
        cancelled: false,
        failed: {
          ...at,
          error: known ? known.original : error,
          partial: known?.committing ?? false,
          stagedLeft: known ? !known.cleaned : false,
        },
        manualCalculation: false,
      };
    }
  }

  /** Adds the rate-by-unit chart and its data block to a summary sheet (one batch). */
  async addSummaryChart(sheet: string, plan: ChartPlan): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const block = ws.getRange(plan.blockAddress);
      // Formulas are formulas; any other text stays text.
      queueInputs(
        block,
        cellInputs(
          plan.block.map((row) => [...row]),
          (v) => !v.startsWith("=") && mustStayText(v),
        ),
        "formulas",
      );
      block.numberFormat = plan.formats.map((row) => [...row]);
      block.format.font.color = "#595959";
      const chart = ws.charts.add("ColumnClustered", ws.getRange(plan.rates), "Columns");
      chart.title.text = plan.title;
      const rates = chart.series.getItemAt(0);
      rates.name = plan.rateName;
      rates.setXAxisValues(ws.getRange(plan.categories));
      const targets = chart.series.add(plan.targetName);
      targets.setValues(ws.getRange(plan.targets));
      targets.setXAxisValues(ws.getRange(plan.categories));
      targets.chartType = "Line";
      chart.legend.position = "Bottom";
      chart.axes.valueAxis.minimum = 0;
      chart.axes.valueAxis.maximum = 1;
      chart.setPosition(plan.position.start, plan.position.end);
      await context.sync();
    });
  }

  /**
   * The active cell before a formula goes into it: its address ("Thôn!B7"), its sheet, its 0-based
   * row, and whether it holds anything (a value or a formula). One sync.
   */
  async activeCell(): Promise<{ address: string; sheet: string; row: number; empty: boolean }> {
    return this.host.run(async (context) => {
      const cell = context.workbook.getActiveCell();
      cell.load("address,rowIndex,values,formulas");
      await context.sync();
      const value = cell.values[0]?.[0];
      const formula = cell.formulas[0]?.[0];
      const bang = cell.address.lastIndexOf("!");
      const sheet =
        bang < 0
          ? ""
          : cell.address
              .slice(0, bang)
              .replace(/^'(.*)'$/, "$1")
              .replace(/''/g, "'");
      const blank = (v: unknown): boolean => v === null || v === undefined || v === "";
      return { address: cell.address, sheet, row: cell.rowIndex, empty: blank(value) && blank(formula) };
    });
  }

  /** Writes a formula into the active cell; returns the cell's address ("Thôn!B7"). */
  async insertFormula(formula: string): Promise<string> {
    return this.run(async (context) => {
      const cell = context.workbook.getActiveCell();
      cell.formulas = [[formula]];
      cell.load("address");
      await context.sync();
      return cell.address;
    });
  }

  /**
   * Opens an .xlsx file's bytes as a new workbook (`Excel.createWorkbook`, ExcelApi 1.8); where
   * the host lacks it, hands the bytes to `download` (the pane saves them as a file).
   */
  /** The compatibility self-test on a temporary sheet (see src/excel/selfTest.ts), under the lock. */
  selfTest(): Promise<SelfTestReport> {
    return this.exclusive(SELF_TEST_TASK, () => runSelfTest(this.host));
  }

  async exportWorkbook(
    bytes: Uint8Array,
    fileName: string,
    download?: (bytes: Uint8Array, fileName: string) => void,
  ): Promise<ExportDestination> {
    if (this.host.isSetSupported("ExcelApi", "1.8")) {
      await this.host.createWorkbook(toBase64(bytes));
      return "newWorkbook";
    }
    if (!download)
      throw new WorkbookError("unsupported", {
        vi: "Excel này không mở được sổ tính mới (cần ExcelApi 1.8) và không tải tệp xuống được.",
        en: "This Excel cannot open a new workbook (needs ExcelApi 1.8) and cannot download files.",
      });
    download(bytes, fileName);
    return "download";
  }
}

/** The lock's name for the self-test. */
const SELF_TEST_TASK = { vi: "kiểm tra tương thích", en: "running the compatibility self-test" } as const;

/** Bytes → base64, in chunks (no Node Buffer: this runs in the pane). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 0x8000)));
  return btoa(binary);
}

/** Loads the sheets' names, visibility and the add-in's marks on them (two syncs). */
async function loadMarks(context: XSessionContext): Promise<SheetMarks[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await context.sync();
  const items = sheets.items;
  if (items.length === 0) return [];
  const own = items.map((ws) => {
    const prop = ws.customProperties.getItemOrNullObject(SHEET_MARKER_KEY);
    prop.load("value");
    return prop;
  });
  const { marks } = await loadReportMarks(context as unknown as XRequestContext, items);
  return items.map((ws, i) => ({
    name: ws.name,
    report: (marks[i] as ReportId | null) ?? null,
    own: own[i].isNullObject ? null : own[i].value,
    visibility: visibilityOf(ws.visibility),
  }));
}

function visibilityOf(v: string): SheetMarks["visibility"] {
  return v === "Hidden" ? "hidden" : v === "VeryHidden" ? "veryHidden" : "visible";
}
