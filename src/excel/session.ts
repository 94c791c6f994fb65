import type { WorkbookGrids } from "../core/grid";
import type { Message } from "../core/issues";
import {
  REPORT_MARKER_KEY,
  needsForcedText,
  type ReportId,
  type SheetDescription,
} from "../report/description";
import type { ChartPlan } from "../app/summaryChart";
import { combinedKind } from "../app/imports/combined";
import type { ImportWrites } from "../app/imports/plan";
import type { TableInfo } from "../app/imports/sheetLayout";
import type { SheetGrid } from "../core/grid";
import { applySheetEdit, DEFAULT_IMPORT_REQUEST_BYTES, writeOwnSheet } from "./importWriter";
import { headerAddress, validationRange, type NewSheet, type ValidationRule } from "../app/standardSheets";
import type { ExcelHost } from "./host";
import type { XSessionContext, XSessionWorksheet } from "./objectModel";
import { readWorkbookFromExcel } from "./readWorkbook";
import { widthToPoints, writeReportsToExcel, type ExcelWriteOptions, type WrittenSheet } from "./writeReport";

/**
 * The workbook session: every operation the task pane and the ribbon perform on the open workbook,
 * over an `ExcelHost` (Excel through Office.js, or the in-memory workbook of demo mode). The only
 * place besides the reader and the report writer that uses the Excel object model; each operation
 * is one or a few batches (load, then one sync), never a sync per cell or per row.
 */

/** Worksheet custom property marking the add-in's own non-report sheets (the instructions sheet). */
export const SHEET_MARKER_KEY = "nth-rollup-sheet";
/** Workbook setting (Office.js `workbook.settings`) holding the pane's choices. */
export const PANE_SETTING_KEY = "nth-rollup.pane";

/** What a feature needs from the host, and whether the host has it. */
export type Feature =
  "read" | "createSheets" | "reports" | "chart" | "selectCell" | "insertFormula" | "settings";

/**
 * The requirement set each feature needs (the manifest asks for ExcelApi 1.12, the highest here):
 * read — used ranges and value types (1.4); createSheets — data validation (1.8) and the sheet
 * marker (1.12); reports — worksheet custom properties marking report sheets (1.12); chart — chart
 * series from ranges (1.7); insertFormula — the active cell (1.7); settings — workbook settings (1.4).
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

export interface Capability {
  readonly supported: boolean;
  /** e.g. "ExcelApi 1.12". */
  readonly requirement: string;
}

export type Capabilities = Readonly<Record<Feature, Capability>>;

/** A problem the session reports to the clerk (the pane shows `message`). */
export class SessionError extends Error {
  constructor(
    readonly bilingual: Message,
    /** The error from Office.js behind it, if any. */
    readonly original?: unknown,
  ) {
    super(bilingual.vi);
    this.name = "SessionError";
  }
}

export interface SheetMarks {
  readonly name: string;
  /** The report id when the sheet is one of the add-in's report sheets. */
  readonly report: ReportId | null;
  /** The add-in's own other sheets ("instructions"). */
  readonly own: string | null;
}

export interface WriteProgress {
  /** 0-based index of the sheet being written, and how many in all. */
  readonly index: number;
  readonly total: number;
  /** The report's wanted sheet name. */
  readonly name: string;
}

export interface WriteReportsOptions {
  readonly onProgress?: (progress: WriteProgress) => void;
  /** Cancels between sheets: the sheet being written is finished, no further sheet is started. */
  readonly signal?: AbortSignal;
}

export interface WriteReportsResult {
  readonly written: readonly WrittenSheet[];
  readonly cancelled: boolean;
  /** The report that failed, when one did: it is not in the workbook (a half-written sheet is removed). */
  readonly failed: { readonly reportId: ReportId; readonly name: string; readonly error: unknown } | null;
}

export interface CreatedSheets {
  readonly created: readonly string[];
}

/** A cell write: sheet, A1 address, text (written as text) or null to clear. */
export interface CellWrite {
  readonly address: string;
  readonly value: string | null;
}

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

/** Text as Excel keeps it: a leading apostrophe when Excel would read it as something else. */
function asText(s: string): string {
  return s !== "" && needsForcedText(s) ? `'${s}` : s;
}

/** Excel limits an input message's title to 32 and its text to 255 characters. */
function clip(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1) + "…";
}

export class WorkbookSession {
  constructor(
    readonly host: ExcelHost,
    /** Options of the report writer (tests make requests small to spread a sheet over several syncs). */
    private readonly writeOptions: ExcelWriteOptions = {},
  ) {}

  get mode(): "excel" | "demo" {
    return this.host.kind;
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

  /** Every sheet's name and the add-in's marks on it (two syncs). */
  async sheetMarks(): Promise<SheetMarks[]> {
    return this.host.run((context) => loadMarks(context));
  }

  /**
   * The open workbook as grids (through the sheet reader), without the add-in's own sheets (its
   * reports, instructions and import log; its combined copies of imported data are data, and are
   * read), and every sheet's marks.
   */
  async readWorkbook(): Promise<{ workbook: WorkbookGrids; marks: SheetMarks[] }> {
    return this.host.run(async (context) => {
      const marks = await loadMarks(context);
      const own = new Set(
        marks.filter((m) => m.report || (m.own && !combinedKind(m.own))).map((m) => m.name),
      );
      const read = await readWorkbookFromExcel(context, { include: (name) => !own.has(name) });
      return { workbook: read.workbook, marks };
    });
  }

  /** The add-in's own sheet with this mark (the import log), as a grid; null when there is none. */
  async readOwnSheet(mark: string): Promise<SheetGrid | null> {
    return this.host.run(async (context) => {
      const marks = await loadMarks(context);
      const name = marks.find((m) => m.own === mark)?.name;
      if (!name) return null;
      const read = await readWorkbookFromExcel(context, { include: (n) => n === name });
      return read.workbook.sheets[0] ?? { name, rows: [] };
    });
  }

  /** Every table: its name, sheet and cells (1-based, header row included); two syncs. */
  async tables(): Promise<TableInfo[]> {
    return this.host.run(async (context) => {
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
   * Applies an import (src/app/imports/plan.ts): creates the standard sheets it needs, edits each
   * standard sheet (one batch, then the new rows in chunks), then writes the add-in's own sheets
   * (combined copies, then the import log, last: after a failure half-way the log still names the
   * submissions before, and importing again replaces the rows already written).
   */
  async applyImport(
    writes: ImportWrites,
    onProgress?: (progress: { index: number; total: number; name: string }) => void,
  ): Promise<void> {
    const budget = this.writeOptions.maxRequestBytes ?? DEFAULT_IMPORT_REQUEST_BYTES;
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
      await this.host.run(step.run);
    }
  }

  /** The names of the workbook's tables (one sync). */
  async tableNames(): Promise<string[]> {
    return this.host.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load("items/name");
      await context.sync();
      return tables.items.map((t) => t.name);
    });
  }

  /**
   * Creates new sheets as described (tables with their headers, formats, drop-downs, frozen header,
   * widths), in one batch; never touches an existing sheet (the plan's names are free). Activates
   * the first one.
   */
  async createSheets(sheets: readonly NewSheet[]): Promise<CreatedSheets> {
    if (sheets.length === 0) return { created: [] };
    await this.host.run(async (context) => {
      const added: XSessionWorksheet[] = [];
      for (const s of sheets) {
        const ws = context.workbook.worksheets.add(s.name);
        added.push(ws);
        const width = Math.max(...s.rows.map((r) => r.length), 1);
        const matrix = s.rows.map((r) => Array.from({ length: width }, (_, c) => asText(r[c] ?? "")));
        ws.getRangeByIndexes(0, 0, matrix.length, width).formulas = matrix;
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
          ws.getRangeByIndexes(first, f.column - 1, rows, 1).numberFormat = Array.from(
            { length: rows },
            () => [f.format],
          );
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
      added[0].activate();
      await context.sync();
    });
    return { created: sheets.map((s) => s.name) };
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
      throw new SessionError(
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
    return this.host.run(async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(PANE_SETTING_KEY);
      item.load("value");
      await context.sync();
      return item.isNullObject ? null : item.value;
    });
  }

  /** Saves the pane's choices in the workbook (they travel with the file). */
  async savePaneChoices(value: unknown): Promise<void> {
    await this.host.run(async (context) => {
      context.workbook.settings.add(PANE_SETTING_KEY, value);
      await context.sync();
    });
  }

  /** Writes text cells of an existing sheet (the settings sheet), in one batch. */
  async writeCells(sheet: string, writes: readonly CellWrite[]): Promise<void> {
    if (writes.length === 0) return;
    await this.host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      for (const w of writes) {
        const range = ws.getRange(w.address);
        range.numberFormat = [["@"]];
        range.values = [[w.value === null ? "" : w.value]];
      }
      await context.sync();
    });
  }

  /**
   * Writes report sheets one at a time (the report writer, one call per sheet), so that progress
   * can be shown and a cancel takes effect between sheets. A sheet is either fully written or not
   * there: when a write fails, the half-written sheet is removed and the error is returned with the
   * sheets already written (complete).
   */
  async writeReports(
    descriptions: readonly SheetDescription[],
    options: WriteReportsOptions = {},
  ): Promise<WriteReportsResult> {
    const before = await this.host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/id");
      await context.sync();
      return new Set(sheets.items.map((ws) => ws.id));
    });
    const written: WrittenSheet[] = [];
    for (let i = 0; i < descriptions.length; i++) {
      if (options.signal?.aborted) return { written, cancelled: true, failed: null };
      const d = descriptions[i];
      options.onProgress?.({ index: i, total: descriptions.length, name: d.name });
      try {
        const result = await this.host.run((context) => writeReportsToExcel(context, [d], this.writeOptions));
        written.push(...result.sheets);
      } catch (error) {
        await this.removeUnfinished(before, written).catch(() => undefined);
        return { written, cancelled: false, failed: { reportId: d.reportId, name: d.name, error } };
      }
    }
    return { written, cancelled: false, failed: null };
  }

  /** Deletes sheets that appeared during a write and are not among the finished reports. */
  private async removeUnfinished(
    before: ReadonlySet<string>,
    finished: readonly WrittenSheet[],
  ): Promise<void> {
    const keep = new Set(finished.map((w) => w.name.toLocaleLowerCase()));
    await this.host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/id,items/name");
      await context.sync();
      const stray = sheets.items.filter((ws) => !before.has(ws.id) && !keep.has(ws.name.toLocaleLowerCase()));
      if (stray.length === 0 || stray.length >= sheets.items.length) return;
      for (const ws of stray) ws.delete();
      await context.sync();
    });
  }

  /** Adds the rate-by-unit chart and its data block to a summary sheet (one batch). */
  async addSummaryChart(sheet: string, plan: ChartPlan): Promise<void> {
    await this.host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const block = ws.getRange(plan.blockAddress);
      block.formulas = plan.block.map((row) => row.map((v) => (v.startsWith("=") ? v : asText(v))));
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
    return this.host.run(async (context) => {
      const cell = context.workbook.getActiveCell();
      cell.formulas = [[formula]];
      cell.load("address");
      await context.sync();
      return cell.address;
    });
  }
}

/** Loads the sheets' names and the add-in's marks on them (two syncs). */
async function loadMarks(context: XSessionContext): Promise<SheetMarks[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const items = sheets.items;
  if (items.length === 0) return [];
  const props = items.map((ws) => {
    const report = ws.customProperties.getItemOrNullObject(REPORT_MARKER_KEY);
    const own = ws.customProperties.getItemOrNullObject(SHEET_MARKER_KEY);
    report.load("value");
    own.load("value");
    return { report, own };
  });
  await context.sync();
  return items.map((ws, i) => ({
    name: ws.name,
    report: props[i].report.isNullObject ? null : (props[i].report.value as ReportId),
    own: props[i].own.isNullObject ? null : props[i].own.value,
  }));
}
