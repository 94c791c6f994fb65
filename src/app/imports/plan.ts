import type { WorkbookGrids } from "../../core/grid";
import type { Issue, IssueCode, Message } from "../../core/issues";
import type { Completeness } from "../../core/submission/completeness";
import type { SubmissionDiff } from "../../core/submission/diff";
import type { ContentState } from "../../core/submission/contentHash";
import type { Language } from "../../core/summary";
import type { ImportApply } from "../../port/writes";
import { latestEntries, type ImportLogEntry } from "./importLog";
import { takeSubmissions } from "./intake";
import { IMPORT_MESSAGES } from "./messages";
import { analyseImport, logEntries, previewTaken } from "./preview";
import { unitCell, type SubmittingUnit } from "./provenance";
import type { DataKind, TableInfo } from "./sheetLayout";
import { combinedCopies, viewWorkbook } from "./view";
import { planWrites } from "./writes";

/**
 * Planning an import, without touching the workbook: which submissions are taken (a unit's newest;
 * never one older than what the workbook already holds), what each changes (villages added,
 * removed, flags changed), every conflict the engine finds between the workbook and the new
 * submissions, who will then have reported, and the writes that apply it — rows combined into the
 * workbook's standard sheets, or into the add-in's combined copies, each row with its provenance.
 * The shell applies the writes (through the workbook port, src/port); this module only describes them.
 *
 * Its stages, each in its own module: intake.ts (what each file is, which are taken), view.ts (what
 * the open workbook holds), preview.ts (the analysis and each submission's change), writes.ts.
 */

export type ImportMode = "sheets" | "copy";

/** A file the clerk picked: its grids, or why it could not be read. */
export interface IncomingFile {
  readonly file: string;
  readonly workbook: WorkbookGrids | null;
  readonly error: Message | null;
}

/** The receiving workbook as the session reads it. */
export interface ReceivingState {
  /** Its sheets, without the add-in's reports, instructions and log (combined copies included). */
  readonly workbook: WorkbookGrids;
  /** Every sheet's name and the add-in's own mark on it. */
  readonly marks: readonly { readonly name: string; readonly own: string | null }[];
  readonly tables: readonly TableInfo[];
  readonly log: readonly ImportLogEntry[];
}

export interface ImportOptions {
  readonly mode: ImportMode;
  /** Local time of the import, "2026-01-15 10:20". */
  readonly importedAt: string;
  /** The pane's language: new sheet names and headers, the receiving workbook's label. */
  readonly language: Language;
  readonly referenceYear: number;
  /** Files the clerk confirmed may replace their unit's accepted submission (the pane's confirm dialog). */
  readonly confirmReplace?: ReadonlySet<string>;
}

export type SubmissionStatus =
  /** A unit the workbook has no submission of: its rows are added. */
  | "new"
  /** A newer submission of a unit already imported: its rows replace that unit's rows. */
  | "replaces"
  /**
   * A newer submission of a unit whose imported submission the clerk accepted ("Đã nhận" in the
   * log): not taken until the clerk confirms (`ImportOptions.confirmReplace`).
   */
  | "replaces-accepted"
  /** Older than the submission of the unit already imported: refused. */
  | "older"
  /** The very submission already imported (same unit, same time): refused. */
  | "same"
  /** Another picked file of the same unit is newer: this one is left out. */
  | "superseded"
  | "not-submission"
  | "unreadable"
  | "no-rows";

export interface SubmissionPreview {
  readonly file: string;
  readonly status: SubmissionStatus;
  /** Why it is refused or left out; null when it is taken. */
  readonly reason: Message | null;
  readonly unit: SubmittingUnit | null;
  readonly period: string | null;
  readonly generatedAt: string | null;
  /** As the submission states them (its manifest). */
  readonly villages: number;
  readonly consolidated: number;
  /** Rows that will be written, by kind. */
  readonly rows: Readonly<Record<DataKind, number>>;
  /** Non-blank rows of its data sheets the reader does not take (totals, captions, rows missing a name). */
  readonly skippedRows: number;
  /** The content hash of its data, short form; null when the file is not a submission. */
  readonly contentHash: string | null;
  /** Its data against the hash its manifest states ("edited": changed after export); null when not a submission. */
  readonly content: ContentState | null;
  /** The log entry of the same unit: the one replaced, or the newer one that refuses this file. */
  readonly previous: ImportLogEntry | null;
  /** Against the unit's villages already in the workbook; null when the workbook has none. */
  readonly diff: SubmissionDiff | null;
  /** Rows of this unit's earlier import that are replaced. */
  readonly replacedRows: number;
  /** Villages of the unit's area in the workbook that are not from its import (typed, or another unit's): kept. */
  readonly keptVillages: number;
}

export type { RowBlock, SheetEdit, OwnSheet } from "../../port/writes";

export interface ImportWrites extends ImportApply {
  /** The log entries this import adds. */
  readonly entries: readonly ImportLogEntry[];
}

export interface ImportPlan {
  /** The mode used: "copy" whenever the workbook already has combined copies. */
  readonly mode: ImportMode;
  /** True when combined copies exist, so that the mode cannot be changed. */
  readonly modeLocked: boolean;
  readonly submissions: readonly SubmissionPreview[];
  /** Every conflict between the workbook and the submissions taken, or among them. */
  readonly conflicts: readonly Issue[];
  /** Other issues in the data of the submissions taken (seen in a check after the import). */
  readonly otherIssues: number;
  /** Who will have reported after the import; null when it cannot be said. */
  readonly completeness: Completeness | null;
  /** Why the combined data cannot be read (then nothing is applied); null when it can. */
  readonly unusable: Message | null;
  /** Null when no submission is taken. */
  readonly writes: ImportWrites | null;
}

/** Issues that are conflicts between sources, shown before an import is applied. */
export const CONFLICT_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>([
  "village-in-two-submissions",
  "commune-claimed-twice",
  "commune-in-two-districts",
  "submission-totals-mismatch",
  "submission-edited",
  "submission-other-period",
  "submission-superseded",
  "duplicate-village",
  "mixed-hierarchy",
]);

/** How the open workbook is named in the conflicts' messages. */
export function receivingLabel(language: Language): string {
  return IMPORT_MESSAGES.receivingWorkbook[language];
}

/** Plans the import of the picked files into the receiving workbook. Pure: reads nothing, writes nothing. */
export function planImport(
  receiving: ReceivingState,
  incoming: readonly IncomingFile[],
  options: ImportOptions,
): ImportPlan {
  const modeLocked = combinedCopies(receiving.marks).size > 0;
  const mode: ImportMode = modeLocked ? "copy" : options.mode;
  const label = receivingLabel(options.language);

  const { previews, accepted } = takeSubmissions(incoming, receiving.log, options.confirmReplace);
  const view = viewWorkbook(
    receiving,
    accepted.map((p) => p.unit),
    label,
  );
  const entries = logEntries(accepted, options);
  const found = analyseImport(view, accepted, receiving.log, entries, options.referenceYear);
  const taken = previewTaken(view, accepted, latestEntries(receiving.log));

  return {
    mode,
    modeLocked,
    submissions: incoming.map((f) => taken.get(f) ?? previews.get(f)!),
    conflicts: found.conflicts,
    otherIssues: found.otherIssues,
    completeness: found.completeness,
    unusable: found.unusable,
    writes:
      accepted.length > 0 && !found.unusable
        ? planWrites(receiving, view, accepted, entries, mode, options, label)
        : null,
  };
}

/** The text of a submitting unit for the pane: "Bình La (xã)". */
export function unitText(unit: SubmittingUnit | null): string {
  return unit ? unitCell(unit) : "";
}
