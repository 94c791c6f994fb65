import { isoDay } from "../core/units/unitList";
import type { SheetGrid, WorkbookGrids } from "../core/grid";
import type { Issue, Message } from "../core/issues";
import { analyse, planOfAnalysis, type Analysis } from "../core/pipeline";
import { findHeaderRow } from "../core/read/headers";
import { SHEET_SPECS, type SheetKind } from "../core/schema/sheets";
import type { Language } from "../core/summary";
import { REPORT_IDS, type ReportId } from "../report/description";
import { reportsFor } from "../report/reports";
import type { ReportDate } from "../report/settings";
import {
  collectReportSettings,
  findSettingsSheet,
  isSettingsSheetName,
  type SettingsProblem,
} from "../report/settingsSheet";
import { messageOf } from "../port/errors";
import type { ReadWorkbookOptions, SheetMarks, WorkbookPort, WrittenSheet } from "../port/workbookPort";
import { focusHolders, focusPlan, focusRollup, unitChoices, type UnitChoice } from "./focus";
import { glanceOf, type Glance } from "./glance";
import { countIssues, groupIssues, type IssueCounts, type SheetGroup } from "./issueGroups";
import { settingsSheetWrites, type SettingKey } from "./settingsForm";
import {
  planStandardSheets,
  settingsSheet,
  standardSheetNames,
  type StandardSheetKind,
} from "./standardSheets";
import { summaryChartPlan } from "./summaryChart";
import { combinedKind, dataWorkbook } from "./imports/combined";
import { IMPORT_LOG_MARK, readImportLog, type ImportLogEntry } from "./imports/importLog";
import { importCompleteness } from "./imports/reporting";
import type { Completeness } from "../core/submission/completeness";

/**
 * What the clerk does, as plain async functions over the workbook port (src/port) and the core:
 * check the data, create the standard sheets, save header settings, generate the reports. The task
 * pane and the ribbon command call these; React only renders their results. Every task that writes
 * runs under the port's one lock (`exclusive`), and so does the submission (src/app/submission.ts:
 * it must not read half-written data): a second one started meanwhile — the ribbon while the pane
 * generates, a double click — is refused with a clear message and changes nothing.
 */

/** What the lock says is running (in "Already …" / "Đang …"). */
export const TASKS = {
  reports: { vi: "lập báo cáo", en: "generating the reports" },
  import: { vi: "nhập số liệu", en: "importing submissions" },
  createSheets: { vi: "tạo các trang chuẩn", en: "creating the standard sheets" },
  settings: { vi: "lưu cài đặt báo cáo", en: "saving the report settings" },
  submission: { vi: "lập tệp nộp", en: "making the submission" },
} as const satisfies Record<string, Message>;

/** The sheets the engine reads: not the add-in's reports or own sheets, except its combined copies of data. */
export function isDataSheet(m: SheetMarks): boolean {
  return !(m.report || (m.own && !combinedKind(m.own)));
}

export interface Clock {
  readonly today: ReportDate;
  readonly year: number;
}

export function clockOf(now: Date): Clock {
  return {
    today: { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() },
    year: now.getFullYear(),
  };
}

export type CheckOutcome =
  | {
      readonly kind: "ok";
      readonly workbook: WorkbookGrids;
      readonly analysis: Analysis;
      readonly issues: readonly Issue[];
      readonly counts: IssueCounts;
      readonly groups: readonly SheetGroup[];
      readonly glance: Glance;
      readonly units: readonly UnitChoice[];
      readonly defaultUnitId: string | null;
      readonly settingsSheet: SheetGrid | null;
      /** Who has reported, when the workbook compiles imported submissions (see imports/reporting.ts). */
      readonly completeness: Completeness | null;
    }
  | {
      readonly kind: "unusable";
      readonly workbook: WorkbookGrids;
      readonly message: Message;
      readonly empty: boolean;
    };

/** True when no sheet has a single filled cell. */
function isEmptyWorkbook(workbook: WorkbookGrids): boolean {
  return workbook.sheets.every((s) => s.rows.every((r) => r.every((v) => v === null || v === "")));
}

/** Reads the workbook and runs the engine: issues grouped by sheet and severity, figures at a glance. */
export async function checkData(session: WorkbookPort, clock: Clock): Promise<CheckOutcome>;
/** With progress of the reading, and cancel between its chunks of rows (then "cancelled"). */
export async function checkData(
  session: WorkbookPort,
  clock: Clock,
  options: ReadWorkbookOptions,
): Promise<CheckOutcome | CancelledCheck>;
export async function checkData(
  session: WorkbookPort,
  clock: Clock,
  options: ReadWorkbookOptions = {},
): Promise<CheckOutcome | CancelledCheck> {
  const { workbook, log, cancelled } = await readData(session, options);
  if (cancelled) return { kind: "cancelled" };
  return analyseWorkbook(workbook, clock, log);
}

/** The clerk cancelled the check while the sheets were read: nothing was analysed or changed. */
export interface CancelledCheck {
  readonly kind: "cancelled";
}

/**
 * The workbook's data as the engine reads it (a kind of sheet with a combined copy of imported
 * data is read from the copy), and the import log when there is one.
 */
export async function readData(
  session: WorkbookPort,
  options: ReadWorkbookOptions = {},
): Promise<{ workbook: WorkbookGrids; log: ImportLogEntry[]; cancelled: boolean }> {
  const { workbook, marks, cancelled } = await session.readWorkbook(isDataSheet, options);
  if (cancelled) return { workbook, log: [], cancelled };
  const log = marks.some((m) => m.own === IMPORT_LOG_MARK)
    ? readImportLog(await session.readOwnSheet(IMPORT_LOG_MARK))
    : [];
  return { workbook: dataWorkbook(workbook, marks), log, cancelled };
}

export function analyseWorkbook(
  workbook: WorkbookGrids,
  clock: Clock,
  log: readonly ImportLogEntry[] = [],
): CheckOutcome {
  const given = collectReportSettings([workbook], new Map()).settings;
  const result = analyse([workbook], {
    referenceYear: clock.year,
    givenPeriod: given.period ?? null,
    // The unit list's units are taken on the report's date when the data states no period date.
    asOf: isoDay(given.date ?? clock.today),
  });
  if (!result.ok)
    return { kind: "unusable", workbook, message: result.unusable, empty: isEmptyWorkbook(workbook) };
  const { analysis } = result;
  const choices = unitChoices(analysis.rollup);
  return {
    kind: "ok",
    workbook,
    analysis,
    issues: analysis.issues,
    counts: countIssues(analysis.issues),
    groups: groupIssues(
      analysis.issues,
      workbook.sheets.map((s) => s.name),
    ),
    glance: glanceOf(analysis.rollup),
    units: choices.units,
    defaultUnitId: choices.defaultId,
    settingsSheet: findSettingsSheet([workbook]),
    completeness: importCompleteness(analysis, log),
  };
}

export interface CreateOutcome {
  readonly created: readonly string[];
  readonly skipped: readonly { readonly kind: StandardSheetKind; readonly sheet: string }[];
}

/** Creates the standard sheets the workbook lacks (never replacing a sheet). */
export async function createStandardSheets(
  session: WorkbookPort,
  language: Language,
): Promise<CreateOutcome> {
  return session.exclusive(TASKS.createSheets, () => createStandardSheetsNow(session, language));
}

async function createStandardSheetsNow(session: WorkbookPort, language: Language): Promise<CreateOutcome> {
  const { workbook, marks } = await session.readWorkbook(isDataSheet);
  const tables = await session.tableNames();
  const foundKinds = new Map<SheetKind, string>();
  for (const grid of workbook.sheets) {
    const header = findHeaderRow(grid, SHEET_SPECS);
    if (header && !foundKinds.has(header.spec.kind)) foundKinds.set(header.spec.kind, grid.name);
  }
  const plan = planStandardSheets(
    {
      sheetNames: marks.map((m) => m.name),
      tableNames: tables,
      foundKinds,
      settingsSheet: marks.find((m) => isSettingsSheetName(m.name))?.name ?? null,
      instructionsSheet: marks.find((m) => m.own === "instructions")?.name ?? null,
    },
    language,
  );
  const made = await session.createSheets(plan.create);
  return { created: made.created, skipped: plan.skipped };
}

/**
 * Saves header settings typed in the pane into the settings sheet ("Cài đặt báo cáo"): changed
 * cells of the existing sheet, or a new settings sheet when there is none. Empty edits clear a value.
 */
export async function saveSettings(
  session: WorkbookPort,
  edits: ReadonlyMap<SettingKey, string>,
  language: Language,
): Promise<void> {
  if (edits.size === 0) return;
  await session.exclusive(TASKS.settings, () => saveSettingsNow(session, edits, language));
}

async function saveSettingsNow(
  session: WorkbookPort,
  edits: ReadonlyMap<SettingKey, string>,
  language: Language,
): Promise<void> {
  const { workbook, marks } = await session.readWorkbook(isDataSheet);
  const sheet = findSettingsSheet([workbook]);
  if (sheet) {
    await session.writeCells(sheet.name, settingsSheetWrites(sheet, edits, language));
    return;
  }
  const existing = marks.find((m) => isSettingsSheetName(m.name));
  if (existing) {
    // An empty settings sheet (no used range): write the rows into it.
    const grid: SheetGrid = { name: existing.name, rows: [] };
    await session.writeCells(existing.name, settingsSheetWrites(grid, edits, language));
    return;
  }
  const name = standardSheetNames(language).settings;
  const taken = marks.map((m) => m.name.toLocaleLowerCase());
  const free = taken.includes(name.toLocaleLowerCase()) ? `${name} (2)` : name;
  await session.createSheets([settingsSheet(free, language, edits)]);
}

/** The choices of one generation. */
export interface GenerateRequest {
  /** The reporting unit (a province, district or commune id of the rollup); null: the data's own. */
  readonly unitId: string | null;
  readonly reports: readonly ReportId[];
  readonly language: Language;
  readonly layout: "nested" | "flat";
}

export type GenerateStep =
  | { readonly kind: "read" }
  | { readonly kind: "analyse" }
  | { readonly kind: "write"; readonly index: number; readonly total: number; readonly name: string }
  | { readonly kind: "chart" };

export interface GenerateProgress {
  readonly step: GenerateStep;
  /** 0 to 1. */
  readonly fraction: number;
}

export interface GenerateOutcome {
  readonly status: "done" | "cancelled" | "failed" | "unusable";
  readonly written: readonly WrittenSheet[];
  /** Why it failed or could not start, for the clerk; null when done or cancelled. */
  readonly message: Message | null;
  readonly glance: Glance | null;
  readonly settingsProblems: readonly SettingsProblem[];
  /** Whether the native chart was added to the summary sheet. */
  readonly chart: boolean;
  /** The check made on the way (issues, figures, units), when the workbook could be read. */
  readonly check: CheckOutcome | null;
  /** Excel calculates manually: the reports were recalculated once, but will not follow edits (F9). */
  readonly manualCalculation?: boolean;
}

/** Said after a report run failed before it replaced anything. */
const NOTHING_KEPT: Message = {
  vi: "Các báo cáo trước đó vẫn nguyên vẹn; không trang nào của lần này được giữ lại. Hãy thử lại.",
  en: "The earlier reports are unchanged; no sheet of this run was kept. Try again.",
};

/** Said after a report run failed before it replaced anything, and its unfinished sheets could not be removed. */
const STAGED_LEFT: Message = {
  vi: "Các báo cáo trước đó vẫn nguyên vẹn, nhưng không xóa được các trang dở dang “(chưa xong) …” của lần này: lần lập báo cáo sau sẽ xóa chúng (hoặc hãy tự xóa).",
  en: "The earlier reports are unchanged, but this run's unfinished sheets “(chưa xong) …” could not be removed: the next run removes them (or delete them yourself).",
};

/** Said after a report run failed while it replaced the earlier reports (Excel may have done part of it). */
const REPLACE_FAILED: Message = {
  vi: "Lỗi xảy ra khi đang thay các báo cáo cũ: có thể một số trang báo cáo đã là bản mới, số khác còn là bản cũ hoặc bị thiếu. Hãy lập lại báo cáo.",
  en: "It failed while the earlier reports were being replaced: some report sheets may be new, others still the earlier ones or missing. Generate the reports again.",
};

/** Said when a report run finds Excel in manual calculation mode. */
export const MANUAL_CALCULATION: Message = {
  vi: "Excel đang ở chế độ tính toán thủ công: số liệu báo cáo đã được tính lại một lần, nhưng sẽ không tự cập nhật khi sửa dữ liệu (nhấn F9, hoặc Formulas > Calculation Options > Automatic).",
  en: "Excel is in manual calculation mode: the reports were recalculated once, but will not follow edits of the data (press F9, or Formulas > Calculation Options > Automatic).",
};

/**
 * Generates the chosen report sheets: read, analyse, build, write sheet by sheet (progress,
 * cancellation between sheets), then the chart on the summary sheet. Never throws: every outcome,
 * failures included, comes back with a message for the clerk.
 */
export async function generateReports(
  session: WorkbookPort,
  request: GenerateRequest,
  clock: Clock,
  options: { onProgress?: (p: GenerateProgress) => void; signal?: AbortSignal; chart?: boolean } = {},
): Promise<GenerateOutcome> {
  try {
    return await session.exclusive(TASKS.reports, () => generateNow(session, request, clock, options));
  } catch (error) {
    // The lock refused (another run is writing): nothing was read or written.
    return {
      status: "failed",
      written: [],
      glance: null,
      settingsProblems: [],
      chart: false,
      check: null,
      message: messageOf(error, { vi: "Không lập được báo cáo", en: "Could not generate the reports" }),
    };
  }
}

async function generateNow(
  session: WorkbookPort,
  request: GenerateRequest,
  clock: Clock,
  options: { onProgress?: (p: GenerateProgress) => void; signal?: AbortSignal; chart?: boolean },
): Promise<GenerateOutcome> {
  let wanted = REPORT_IDS.filter((id) => request.reports.includes(id));
  let steps = 2 + wanted.length + 1;
  const report = (step: GenerateStep, done: number): void =>
    options.onProgress?.({ step, fraction: done / steps });
  const none = { written: [], glance: null, settingsProblems: [], chart: false, check: null };
  let workbook: WorkbookGrids;
  let log: ImportLogEntry[];
  try {
    report({ kind: "read" }, 0);
    ({ workbook, log } = await readData(session, { signal: options.signal }));
  } catch (error) {
    return {
      ...none,
      status: "failed",
      message: messageOf(error, { vi: "Không đọc được bảng tính", en: "Could not read the workbook" }),
    };
  }
  if (options.signal?.aborted) return { ...none, status: "cancelled", message: null };
  report({ kind: "analyse" }, 1);
  const check = analyseWorkbook(workbook, clock, log);
  if (check.kind === "unusable") return { ...none, check, status: "unusable", message: check.message };
  // Compiling imported submissions: who has reported is one more sheet, and a line under the summary.
  if (check.completeness) {
    wanted = [...wanted, "completeness"];
    steps++;
  }
  const rollup = focusRollup(check.analysis.rollup, request.unitId);
  const reportOptions = new Map([
    ["language", request.language],
    ["layout", request.layout === "flat" ? "flat" : "nested"],
  ]);
  // The planning sheet, as the command line makes it: quotas split the way the settings sheet says.
  const basis = collectReportSettings([workbook], reportOptions).settings.quotaBasis;
  const plan = focusPlan(rollup, planOfAnalysis(check.analysis, null, basis), request.unitId);
  const built = reportsFor(rollup, check.issues, {
    completeness: check.completeness,
    changes: check.analysis.changes,
    plan,
    workbooks: [workbook],
    options: reportOptions,
    language: request.language,
    today: clock.today,
    dataPeriod: check.analysis.period?.period.text ?? null,
    unitOrder: check.analysis.unitList,
    // The named annex, as the command line makes it (offered in the pane like the other reports),
    // with the chosen unit's office-holders only.
    officeHolders: focusHolders(rollup, check.analysis.read.dataset.officeHolders, request.unitId),
  });
  const sheets = built.sheets.filter((d) => wanted.includes(d.reportId));
  const glance = glanceOf(rollup);
  const written = await session.writeReports(sheets, {
    signal: options.signal,
    onProgress: (p) => report({ kind: "write", index: p.index, total: p.total, name: p.name }, 2 + p.index),
  });
  const base = {
    written: written.written,
    glance,
    settingsProblems: built.problems,
    check,
    manualCalculation: written.manualCalculation,
  };
  if (written.failed) {
    const name = written.failed.name;
    const why = messageOf(written.failed.error, {
      vi: `Lỗi khi ghi trang “${name}”`,
      en: `Writing the sheet “${name}” failed`,
    });
    const after = written.failed.partial
      ? REPLACE_FAILED
      : written.failed.stagedLeft
        ? STAGED_LEFT
        : NOTHING_KEPT;
    return {
      ...base,
      chart: false,
      status: "failed",
      message: {
        vi: `${why.vi.replace(/[.\s]+$/, "")}. ${after.vi}`,
        en: `${why.en.replace(/[.\s]+$/, "")}. ${after.en}`,
      },
    };
  }
  if (written.cancelled) return { ...base, chart: false, status: "cancelled", message: null };
  let chart = false;
  const summary = written.written.find((w) => w.reportId === "summary");
  const summaryDescription = sheets.find((d) => d.reportId === "summary");
  if (summary && summaryDescription && options.chart !== false) {
    report({ kind: "chart" }, steps - 1);
    const plan = summaryChartPlan(summaryDescription, rollup, built.settings);
    if (plan) {
      try {
        await session.addSummaryChart(summary.name, plan);
        chart = true;
      } catch {
        // The chart is a convenience: the reports stand without it.
      }
    }
  }
  report({ kind: "chart" }, steps);
  return { ...base, chart, status: "done", message: null };
}
