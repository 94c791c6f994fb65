import { a1 } from "../a1";
import type { WorkbookGrids } from "../grid";
import { compareIssues, issue, type Issue, type Message } from "../issues";
import type { Dataset, OfficeHolderRecord, TargetRecord, VillageRecord } from "../model";
import { SHEET_SPECS, type SheetKind } from "../schema/sheets";
import { nameKey, unitKey } from "../text/normalize";
import { findHeaderRow } from "./headers";
import { readSheet, type SheetRead } from "./readSheet";
import { officeHolderRecords, targetRecords, villageRecords } from "./records";

/** A standard sheet found in a workbook. */
export interface FoundSheet {
  readonly file: string;
  readonly sheet: string;
  readonly kind: SheetKind;
  /** Excel row number of the header row. */
  readonly headerRow: number;
  /** False when a required column is missing. */
  readonly usable: boolean;
}

export interface ReadResult {
  readonly dataset: Dataset;
  readonly sheets: readonly FoundSheet[];
  /**
   * Why the input cannot be used at all (no Villages sheet, a file with no standard sheet, a
   * required column missing), as one line in both languages; null when a summary can be made.
   */
  readonly unusable: Message | null;
}

/**
 * Reads the standard sheets of one or more workbooks (several inputs are several submissions
 * combined). Never throws on data: every problem is in `dataset.issues`, sorted by place.
 */
export function readWorkbooks(workbooks: readonly WorkbookGrids[]): ReadResult {
  const issues: Issue[] = [];
  const sheets: FoundSheet[] = [];
  const villages: VillageRecord[] = [];
  const officeHolders: OfficeHolderRecord[] = [];
  const targets: TargetRecord[] = [];
  let unusable: Message | null = null;

  for (const workbook of workbooks) {
    let found = 0;
    for (const grid of workbook.sheets) {
      const header = findHeaderRow(grid, SHEET_SPECS);
      if (!header) continue;
      found++;
      const read: SheetRead = readSheet(workbook.file, grid, header, issues);
      sheets.push({
        file: workbook.file,
        sheet: grid.name,
        kind: header.spec.kind,
        headerRow: read.headerRow,
        usable: read.usable,
      });
      if (!read.usable) {
        const missing = issues.find((i) => i.code === "missing-column" && i.sheet === grid.name && i.file === workbook.file);
        unusable ??= missing ? withFile(workbook.file, missing.message) : null;
        continue;
      }
      if (header.spec.kind === "villages") villages.push(...villageRecords(read, issues));
      else if (header.spec.kind === "officeHolders") officeHolders.push(...officeHolderRecords(read, issues));
      else targets.push(...targetRecords(read, issues));
    }
    if (found === 0) {
      const place = { file: workbook.file, sheet: "", cell: "" };
      const noSheet = issue("no-standard-sheet", place, { file: workbook.file });
      issues.push(noSheet);
      unusable ??= noSheet.message;
    }
  }
  if (!unusable && !sheets.some((s) => s.kind === "villages")) {
    const file = workbooks.map((w) => w.file).join(", ");
    const noVillages = issue("no-standard-sheet", { file, sheet: "", cell: "" }, { file });
    issues.push(noVillages);
    unusable = noVillages.message;
  }

  const uniqueVillages = dropDuplicateVillages(villages, issues);
  const uniqueTargets = dropDuplicateTargets(targets, issues);
  issues.sort(compareIssues);
  return {
    dataset: { villages: uniqueVillages, officeHolders, targets: uniqueTargets, issues },
    sheets,
    unusable,
  };
}

function withFile(file: string, message: Message): Message {
  return file ? { vi: `${file}: ${message.vi}`, en: `${file}: ${message.en}` } : message;
}

/** The identity of a village: its province, district, commune and own name, normalised. */
export function villageKey(v: Pick<VillageRecord, "province" | "district" | "commune" | "village">): string {
  return [
    unitKey("province", v.province),
    v.district ? unitKey("district", v.district) : "",
    unitKey("commune", v.commune),
    nameKey(v.village),
  ].join("/");
}

function cellOf(v: { source: { row: number; columns: ReadonlyMap<string, number> } }, key: string): string {
  return a1(v.source.row, v.source.columns.get(key) ?? 1);
}

function dropDuplicateVillages(villages: readonly VillageRecord[], issues: Issue[]): VillageRecord[] {
  const seen = new Map<string, VillageRecord>();
  const out: VillageRecord[] = [];
  for (const v of villages) {
    const key = villageKey(v);
    const first = seen.get(key);
    if (first) {
      const firstPlace =
        (first.source.file !== v.source.file ? `${first.source.file} ` : "") +
        (first.source.sheet !== v.source.sheet || first.source.file !== v.source.file ? `${first.source.sheet}!` : "") +
        cellOf(first, "village");
      issues.push(
        issue(
          "duplicate-village",
          { file: v.source.file, sheet: v.source.sheet, cell: cellOf(v, "village") },
          { village: v.village, commune: v.commune, first: firstPlace },
        ),
      );
      continue;
    }
    seen.set(key, v);
    out.push(v);
  }
  return out;
}

function dropDuplicateTargets(targets: readonly TargetRecord[], issues: Issue[]): TargetRecord[] {
  const seen = new Map<string, TargetRecord>();
  const out: TargetRecord[] = [];
  for (const t of targets) {
    const key = [t.indicator, t.unit ? nameKey(t.unit) : "", t.level ?? "", t.year ?? ""].join("|");
    const first = seen.get(key);
    if (first) {
      issues.push(
        issue(
          "duplicate-target",
          { file: t.source.file, sheet: t.source.sheet, cell: cellOf(t, "target") },
          { first: cellOf(first, "target") },
        ),
      );
      continue;
    }
    seen.set(key, t);
    out.push(t);
  }
  return out;
}
