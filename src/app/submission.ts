import type { SheetGrid } from "../core/grid";
import type { Message } from "../core/issues";
import type { SubmissionManifest } from "../core/submission/manifest";
import type { Language } from "../core/summary";
import type { SheetDescription } from "../report/description";
import { reportsFor } from "../report/reports";
import { submissionManifest } from "../report/submission";
import { messageOf } from "../port/errors";
import type { ExportDestination, WorkbookPort } from "../port/workbookPort";
import { TASKS, analyseWorkbook, readData, type Clock } from "./workflows";

/**
 * The clerk's submission to the level above, made in the pane (what `nth-rollup export` makes from
 * the command line): the reports for the submitting unit, the standard data sheets as read, and the
 * manifest, as one .xlsx opened as a new workbook in Excel (ExcelApi 1.8) or downloaded. The bytes
 * come from the shell's submission writer (src/xlsx, loaded lazily by the pane): `toBytes`.
 */

export interface SubmissionRequest {
  /** The reporting period as the clerk writes it ("Quý III/2025"); empty: the report settings' period. */
  readonly period: string;
  readonly language: Language;
  /** The time of the submission (ISO 8601). */
  readonly generatedAt: string;
  readonly addinVersion: string;
}

/** What the submission writer needs (the same arguments as `submissionXlsxBytes`). */
export interface SubmissionContent {
  readonly reports: readonly SheetDescription[];
  readonly data: readonly { readonly grid: SheetGrid; readonly headerRow: number }[];
  readonly manifest: SubmissionManifest;
}

export type SubmissionOutcome =
  | {
      readonly kind: "done";
      readonly destination: ExportDestination;
      readonly fileName: string;
      readonly manifest: SubmissionManifest;
    }
  | { readonly kind: "failed"; readonly message: Message };

export const SUBMISSION_MESSAGES = {
  severalProvinces: {
    vi: "Số liệu gồm nhiều tỉnh, không thuộc một đơn vị nộp: không lập được tệp nộp.",
    en: "The data spans several provinces: no single unit submits it, so no submission can be made.",
  },
  failed: { vi: "Không lập được tệp nộp", en: "Could not make the submission" },
} as const satisfies Record<string, Message>;

/** The submission's file name: "Nop bao cao - Yên Lỗ - Quý III-2025.xlsx" (no characters files refuse). */
export function submissionFileName(manifest: SubmissionManifest): string {
  const clean = (s: string): string => s.replace(/[\\/:*?"<>|]+/g, "-").trim();
  return `Nop bao cao - ${clean(manifest.unitName)} - ${clean(manifest.period)}.xlsx`;
}

/** Reads and analyses the workbook and builds the submission's content; a message when it cannot. */
export async function submissionContent(
  session: WorkbookPort,
  request: SubmissionRequest,
  clock: Clock,
): Promise<SubmissionContent | Message> {
  const { workbook, log } = await readData(session);
  const check = analyseWorkbook(workbook, clock, log);
  if (check.kind === "unusable") return check.message;
  const { analysis } = check;
  // As `nth-rollup export` builds them: the period typed is the reports' period too (the CLI's
  // --period), the data's own period and the official order of units are used alike.
  const period = request.period.trim();
  const built = reportsFor(analysis.rollup, analysis.issues, {
    workbooks: [workbook],
    options: new Map(period ? [["period", period]] : []),
    language: request.language,
    today: clock.today,
    inThisWorkbook: () => false,
    dataPeriod: analysis.period?.period.text ?? null,
    unitOrder: analysis.read.dataset.expectedUnits,
  });
  const data = analysis.read.sheets.flatMap((found) => {
    const grid = workbook.sheets.find((g) => g.name === found.sheet);
    return grid ? [{ grid, headerRow: found.headerRow }] : [];
  });
  const manifest = submissionManifest(analysis.rollup, {
    period: period || built.settings.period.replace(/^\((.*)\)$/, "$1"),
    generatedAt: request.generatedAt,
    addinVersion: request.addinVersion,
    dataSheets: data.map((d) => d.grid),
  });
  if (!manifest) return SUBMISSION_MESSAGES.severalProvinces;
  return { reports: built.sheets, data, manifest };
}

/**
 * Makes the submission and hands it to Excel: a new workbook (ExcelApi 1.8) or, where the host
 * lacks that, `download`. Runs under the workbook's lock (an import or a report run is not writing
 * meanwhile; one that is makes this refused, "already …"). Never throws: a failure comes back with
 * the clerk's message.
 */
export async function exportSubmission(
  session: WorkbookPort,
  request: SubmissionRequest,
  clock: Clock,
  toBytes: (content: SubmissionContent) => Promise<Uint8Array>,
  download?: (bytes: Uint8Array, fileName: string) => void,
): Promise<SubmissionOutcome> {
  try {
    // Under the workbook's lock: an import or a report run writing meanwhile would give a
    // submission of half-written data.
    return await session.exclusive(TASKS.submission, () =>
      exportNow(session, request, clock, toBytes, download),
    );
  } catch (error) {
    return { kind: "failed", message: messageOf(error, SUBMISSION_MESSAGES.failed) };
  }
}

async function exportNow(
  session: WorkbookPort,
  request: SubmissionRequest,
  clock: Clock,
  toBytes: (content: SubmissionContent) => Promise<Uint8Array>,
  download?: (bytes: Uint8Array, fileName: string) => void,
): Promise<SubmissionOutcome> {
  const content = await submissionContent(session, request, clock);
  if (!("manifest" in content)) return { kind: "failed", message: content };
  const bytes = await toBytes(content);
  const fileName = submissionFileName(content.manifest);
  const destination = await session.exportWorkbook(bytes, fileName, download);
  return { kind: "done", destination, fileName, manifest: content.manifest };
}
