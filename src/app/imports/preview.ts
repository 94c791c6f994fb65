import type { Issue, Message } from "../../core/issues";
import type { VillageRecord } from "../../core/model";
import { analyse, type Analysis } from "../../core/pipeline";
import type { Completeness } from "../../core/submission/completeness";
import { diffVillages } from "../../core/submission/diff";
import { shortHash } from "../../core/submission/contentHash";
import { unitKey } from "../../core/text/normalize";
import type { ImportLogEntry } from "./importLog";
import { basics, type Parsed } from "./intake";
import { CONFLICT_CODES, type ImportOptions, type IncomingFile, type SubmissionPreview } from "./plan";
import { unitIdentity, type SubmittingUnit } from "./provenance";
import { importCompleteness } from "./reporting";
import type { WorkbookView } from "./view";

/**
 * The import's third stage, the preview: what the engine finds in the workbook with the
 * submissions taken (the conflicts, other issues, who will have reported), and for each submission
 * taken its status and its change against the unit's villages already in the workbook.
 */
export interface ImportAnalysis {
  /** Null when no submission is taken or the combined data cannot be read. */
  readonly analysis: Analysis | null;
  readonly unusable: Message | null;
  readonly conflicts: readonly Issue[];
  readonly otherIssues: number;
  readonly completeness: Completeness | null;
}

/** Analyses the workbook without the replaced rows together with the submissions taken. */
export function analyseImport(
  view: WorkbookView,
  accepted: readonly Parsed[],
  log: readonly ImportLogEntry[],
  entries: readonly ImportLogEntry[],
  referenceYear: number,
): ImportAnalysis {
  let analysis: Analysis | null = null;
  let unusable: Message | null = null;
  if (accepted.length > 0) {
    const books = [...(view.remaining ? [view.remaining] : []), ...accepted.map((p) => p.workbook)];
    const result = analyse(books, { referenceYear });
    if (result.ok) analysis = result.analysis;
    else unusable = result.unusable;
  }
  const acceptedFiles = new Set(accepted.map((p) => p.workbook.file));
  return {
    analysis,
    unusable,
    conflicts: analysis ? analysis.issues.filter((i) => CONFLICT_CODES.has(i.code)) : [],
    otherIssues: analysis
      ? analysis.issues.filter((i) => !CONFLICT_CODES.has(i.code) && acceptedFiles.has(i.file)).length
      : 0,
    completeness: analysis ? importCompleteness(analysis, [...log, ...entries]) : null,
  };
}

/** The log entries the submissions taken add. */
export function logEntries(
  accepted: readonly Parsed[],
  options: Pick<ImportOptions, "importedAt">,
): ImportLogEntry[] {
  return accepted.map((p) => ({
    unit: p.unit,
    period: p.manifest.period,
    generatedAt: p.manifest.generatedAt,
    file: p.incoming.file,
    importedAt: options.importedAt,
    villages: p.manifest.villages,
    consolidated: p.manifest.consolidated,
    contentHash: shortHash(p.content.actual),
    content: p.content.state,
    review: "pending",
    note: null,
  }));
}

/**
 * Each submission taken: new or replacing, the log entry it replaces, its change against the
 * unit's villages in the workbook, the rows of the unit's earlier import it replaces and the
 * villages of its area kept (typed by the clerk or from another unit).
 */
export function previewTaken(
  view: WorkbookView,
  accepted: readonly Parsed[],
  latest: ReadonlyMap<string, ImportLogEntry>,
): Map<IncomingFile, SubmissionPreview> {
  const out = new Map<IncomingFile, SubmissionPreview>();
  for (const p of accepted) {
    const id = unitIdentity(p.unit);
    const area = (view.before?.dataset.villages ?? []).filter((v) => inArea(v, p.unit));
    const fromImport = area.filter((v) => {
      const owner = view.replaced.get(v.source.sheet)?.get(v.row);
      return owner !== undefined && unitIdentity(owner) === id;
    });
    let replacedRows = 0;
    for (const rows of view.replaced.values())
      for (const u of rows.values()) if (unitIdentity(u) === id) replacedRows++;
    const previous = latest.get(id) ?? null;
    out.set(p.incoming, {
      ...basics(p),
      status: previous || replacedRows > 0 ? "replaces" : "new",
      reason: null,
      previous,
      diff: area.length > 0 ? diffVillages(area, p.read.dataset.villages) : null,
      replacedRows,
      keptVillages: area.length - fromImport.length,
    });
  }
  return out;
}

/** True when a village lies in the unit's area (its province, district or commune). */
function inArea(v: VillageRecord, unit: SubmittingUnit): boolean {
  if (unitKey("province", v.province) !== unitKey("province", unit.province)) return false;
  if (unit.level === "province") return true;
  if (unit.level === "district")
    return !!v.district && unitKey("district", v.district) === unitKey("district", unit.name);
  if (unit.district && v.district && unitKey("district", v.district) !== unitKey("district", unit.district))
    return false;
  return unitKey("commune", v.commune) === unitKey("commune", unit.name);
}
