import type { CellValue } from "../../core/cells";
import type { WorkbookGrids } from "../../core/grid";
import type { Message } from "../../core/issues";
import { cleanWorkbooks } from "../../core/read/clean";
import { readWorkbooks, type ReadResult } from "../../core/read/readWorkbook";
import type { SubmissionManifest } from "../../core/submission/manifest";
import { checkContent, shortHash, type ContentCheck } from "../../core/submission/contentHash";
import { needsConfirmation } from "../../core/submission/acceptance";
import { latestEntries, type ImportLogEntry } from "./importLog";
import { IMPORT_MESSAGES } from "./messages";
import type { IncomingFile, SubmissionPreview, SubmissionStatus } from "./plan";
import { unitIdentity, unitOfManifest, type SubmittingUnit } from "./provenance";
import { dataLayouts, readerRows, type DataKind } from "./sheetLayout";

/**
 * The import's first stage, intake: what each picked file is (a submission, or why not), and which
 * submissions are taken — a unit's newest file, never one older than (or the same as) what the
 * workbook already holds by its import log.
 */

/** One incoming row: its cells by field. */
export interface Row {
  readonly cells: ReadonlyMap<string, CellValue>;
}

/** A picked file read as a submission. */
export interface Parsed {
  readonly incoming: IncomingFile;
  readonly workbook: WorkbookGrids;
  readonly read: ReadResult;
  readonly manifest: SubmissionManifest;
  readonly unit: SubmittingUnit;
  readonly rows: Record<DataKind, Row[]>;
  readonly skipped: number;
  /** Its data against the content hash its manifest states. */
  readonly content: ContentCheck;
}

const EMPTY_ROWS: Readonly<Record<DataKind, number>> = { villages: 0, officeHolders: 0, targets: 0 };

/** The picked files sorted: the previews of those not taken, and the submissions taken. */
export function takeSubmissions(
  incoming: readonly IncomingFile[],
  log: readonly ImportLogEntry[],
  /** Files the clerk confirmed may replace their unit's accepted submission. */
  confirmed: ReadonlySet<string> = new Set(),
): { previews: Map<IncomingFile, SubmissionPreview>; accepted: Parsed[] } {
  const previews = new Map<IncomingFile, SubmissionPreview>();
  const parsed: Parsed[] = [];
  for (const f of incoming) {
    const p = parseIncoming(f);
    if ("status" in p) previews.set(f, p);
    else parsed.push(p);
  }
  const newest = new Map<string, Parsed>();
  for (const p of parsed) {
    const id = unitIdentity(p.unit);
    const other = newest.get(id);
    if (!other || Date.parse(p.manifest.generatedAt) > Date.parse(other.manifest.generatedAt))
      newest.set(id, p);
  }
  const latest = latestEntries(log);
  const accepted: Parsed[] = [];
  for (const p of parsed) {
    const id = unitIdentity(p.unit);
    const winner = newest.get(id)!;
    const previous = latest.get(id) ?? null;
    if (winner !== p) {
      previews.set(
        p.incoming,
        refused(
          p,
          "superseded",
          previous,
          IMPORT_MESSAGES.superseded({
            file: winner.incoming.file,
            generatedAt: winner.manifest.generatedAt,
          }),
        ),
      );
      continue;
    }
    if (previous) {
      const before = Date.parse(previous.generatedAt);
      const now = Date.parse(p.manifest.generatedAt);
      if (now < before) {
        previews.set(
          p.incoming,
          refused(
            p,
            "older",
            previous,
            IMPORT_MESSAGES.older({ generatedAt: p.manifest.generatedAt, unit: p.unit.name }, previous),
          ),
        );
        continue;
      }
      if (now === before) {
        previews.set(
          p.incoming,
          refused(p, "same", previous, IMPORT_MESSAGES.alreadyImported(p.unit.name, previous)),
        );
        continue;
      }
      if (needsConfirmation(previous.review) && !confirmed.has(p.incoming.file)) {
        previews.set(
          p.incoming,
          refused(
            p,
            "replaces-accepted",
            previous,
            IMPORT_MESSAGES.replacesAccepted(
              {
                file: p.incoming.file,
                generatedAt: p.manifest.generatedAt,
                hash: shortHash(p.content.actual),
              },
              previous,
            ),
          ),
        );
        continue;
      }
    }
    accepted.push(p);
  }

  return { previews, accepted };
}

export function basics(
  p: Parsed,
): Omit<SubmissionPreview, "status" | "reason" | "previous" | "diff" | "replacedRows" | "keptVillages"> {
  return {
    file: p.incoming.file,
    unit: p.unit,
    period: p.manifest.period,
    generatedAt: p.manifest.generatedAt,
    villages: p.manifest.villages,
    consolidated: p.manifest.consolidated,
    rows: {
      villages: p.rows.villages.length,
      officeHolders: p.rows.officeHolders.length,
      targets: p.rows.targets.length,
    },
    skippedRows: p.skipped,
    contentHash: shortHash(p.content.actual),
    content: p.content.state,
  };
}

export function refused(
  p: Parsed,
  status: SubmissionStatus,
  previous: ImportLogEntry | null,
  reason: Message,
): SubmissionPreview {
  return { ...basics(p), status, reason, previous, diff: null, replacedRows: 0, keptVillages: 0 };
}

export function notTaken(file: string, status: SubmissionStatus, reason: Message): SubmissionPreview {
  return {
    file,
    status,
    reason,
    unit: null,
    period: null,
    generatedAt: null,
    villages: 0,
    consolidated: 0,
    rows: EMPTY_ROWS,
    skippedRows: 0,
    contentHash: null,
    content: null,
    previous: null,
    diff: null,
    replacedRows: 0,
    keptVillages: 0,
  };
}

/** A picked file as a submission, or why it is not one. */
export function parseIncoming(f: IncomingFile): Parsed | SubmissionPreview {
  if (!f.workbook) return notTaken(f.file, "unreadable", f.error ?? IMPORT_MESSAGES.unreadable);
  const workbook: WorkbookGrids = { ...f.workbook, file: f.file };
  const read = readWorkbooks([workbook]);
  const manifest = read.submissions[0]?.manifest ?? null;
  if (!manifest) {
    return notTaken(f.file, "not-submission", IMPORT_MESSAGES.notSubmission);
  }
  const rows: Record<DataKind, Row[]> = { villages: [], officeHolders: [], targets: [] };
  let skipped = 0;
  // Rows are taken from the text the reader reads (TCVN3/VNI converted, invisible characters gone),
  // so a legacy-typed submission's headers are found and its rows written in Unicode. The reader
  // cleans `workbook` again for the analysis, which keeps the warning naming the encoding.
  const [clean] = cleanWorkbooks([workbook], []);
  for (const layout of dataLayouts(clean)) {
    const taken = readerRows(f.file, layout);
    skipped += layout.dataRows.length - taken.length;
    for (const r of taken) rows[layout.kind].push({ cells: r.cells });
  }
  const dataSheets = read.sheets.flatMap((found) => workbook.sheets.filter((g) => g.name === found.sheet));
  const parsed: Parsed = {
    content: checkContent(manifest.contentHash, dataSheets),
    incoming: f,
    workbook,
    read,
    manifest,
    unit: unitOfManifest(manifest),
    rows,
    skipped,
  };
  if (read.unusable || rows.villages.length === 0) {
    return refused(parsed, "no-rows", null, read.unusable ?? IMPORT_MESSAGES.noVillageRows);
  }
  return parsed;
}
