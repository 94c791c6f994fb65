import { a1 } from "../a1";
import type { WorkbookGrids } from "../grid";
import { compareIssues, issue, type Issue, type Message } from "../issues";
import type { Dataset, ExpectedUnitRecord, OfficeHolderRecord, TargetRecord, VillageRecord } from "../model";
import { readManifest, type SubmissionManifest } from "../submission/manifest";
import { SHEET_SPECS, type SheetKind } from "../schema/sheets";
import { nameKey, unitKey } from "../text/normalize";
import { cleanWorkbooks } from "./clean";
import { findHeaderRow } from "./headers";
import { readSheet, type SheetRead } from "./readSheet";
import { expectedUnitRecords, officeHolderRecords, targetRecords, villageRecords } from "./records";

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

/** One input workbook, with its submission manifest when it is a submission. */
export interface SubmissionInfo {
  readonly file: string;
  readonly manifest: SubmissionManifest | null;
  /** Name of the manifest sheet, when there is one. */
  readonly manifestSheet: string | null;
  /** False when a newer submission of the same unit replaced this one (its rows are not used). */
  readonly used: boolean;
}

export interface ReadResult {
  readonly dataset: Dataset;
  readonly sheets: readonly FoundSheet[];
  readonly submissions: readonly SubmissionInfo[];
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
  workbooks = cleanWorkbooks(workbooks, issues); // invisible characters, TCVN3/VNI: see clean.ts
  const sheets: FoundSheet[] = [];
  const villages: VillageRecord[] = [];
  const officeHolders: OfficeHolderRecord[] = [];
  const targets: TargetRecord[] = [];
  const expectedUnits: ExpectedUnitRecord[] = [];
  let unusable: Message | null = null;
  const submissions = findSubmissions(workbooks, issues);

  workbooks.forEach((workbook, w) => {
    if (!submissions[w].used) return;
    let found = 0;
    for (const grid of workbook.sheets) {
      if (grid.name === submissions[w].manifestSheet || grid.report) continue;
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
        const missing = issues.find(
          (i) => i.code === "missing-column" && i.sheet === grid.name && i.file === workbook.file,
        );
        unusable ??= missing ? withFile(workbook.file, missing.message) : null;
        continue;
      }
      // append, not push(...records): spreading 300,000 records as arguments overflows the stack.
      if (header.spec.kind === "villages") append(villages, villageRecords(read, issues));
      else if (header.spec.kind === "officeHolders") append(officeHolders, officeHolderRecords(read, issues));
      else if (header.spec.kind === "targets") append(targets, targetRecords(read, issues));
      else append(expectedUnits, expectedUnitRecords(read, issues));
    }
    if (found === 0) {
      const place = { file: workbook.file, sheet: "", cell: "" };
      const noSheet = issue("no-standard-sheet", place, { file: workbook.file });
      issues.push(noSheet);
      unusable ??= noSheet.message;
    }
  });
  if (!unusable && !sheets.some((s) => s.kind === "villages")) {
    const file = workbooks.map((w) => w.file).join(", ");
    const noVillages = issue("no-standard-sheet", { file, sheet: "", cell: "" }, { file });
    issues.push(noVillages);
    unusable = noVillages.message;
  }

  const generatedAt = new Map(submissions.map((s) => [s.file, s.manifest?.generatedAt ?? ""]));
  const uniqueVillages = dropDuplicateVillages(villages, generatedAt, issues);
  const uniqueTargets = dropDuplicateTargets(targets, issues);
  issues.sort(compareIssues);
  return {
    dataset: { villages: uniqueVillages, officeHolders, targets: uniqueTargets, expectedUnits, issues },
    sheets,
    submissions,
    unusable,
  };
}

function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
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

/**
 * One row per village. A repeat within one file is a duplicate (the first row counts). The same
 * village in two files is a conflict between submissions: the newer submission's row is used (by
 * its manifest time; without manifests, the first file given), and the issue names both.
 */
function dropDuplicateVillages(
  villages: readonly VillageRecord[],
  generatedAt: ReadonlyMap<string, string>,
  issues: Issue[],
): VillageRecord[] {
  const seen = new Map<string, number>();
  const out: (VillageRecord | null)[] = [];
  for (const v of villages) {
    const key = villageKey(v);
    const index = seen.get(key);
    if (index === undefined) {
      seen.set(key, out.length);
      out.push(v);
      continue;
    }
    const first = out[index]!;
    const place = (r: VillageRecord) => ({
      file: r.source.file,
      sheet: r.source.sheet,
      cell: cellOf(r, "village"),
    });
    if (first.source.file === v.source.file) {
      const firstPlace =
        (first.source.sheet !== v.source.sheet ? `${first.source.sheet}!` : "") + cellOf(first, "village");
      issues.push(
        issue("duplicate-village", place(v), { village: v.village, commune: v.commune, first: firstPlace }),
      );
      continue;
    }
    const newer = (generatedAt.get(v.source.file) ?? "") > (generatedAt.get(first.source.file) ?? "");
    const [used, other] = newer ? [v, first] : [first, v];
    issues.push(
      issue("village-in-two-submissions", place(other), {
        village: v.village,
        commune: v.commune,
        used: used.source.file,
        other: other.source.file,
      }),
    );
    if (newer) out[index] = v;
  }
  return out.filter((v): v is VillageRecord => v !== null);
}

/**
 * Finds each workbook's manifest and, when one unit submitted more than once, keeps only its newest
 * submission (a re-submission replaces that unit's rows, and only those).
 */
function findSubmissions(workbooks: readonly WorkbookGrids[], issues: Issue[]): SubmissionInfo[] {
  const infos = workbooks.map((w) => {
    for (const grid of w.sheets) {
      const manifest = readManifest(grid);
      if (manifest) return { file: w.file, manifest, manifestSheet: grid.name, used: true };
    }
    return { file: w.file, manifest: null, manifestSheet: null, used: true };
  });
  const newest = new Map<string, number>();
  infos.forEach((info, i) => {
    const m = info.manifest;
    if (!m) return;
    const key = [
      m.unitLevel,
      unitKey("province", m.province),
      m.district ? unitKey("district", m.district) : "",
      nameKey(m.unitName),
    ].join("/");
    const j = newest.get(key);
    if (j === undefined) {
      newest.set(key, i);
      return;
    }
    const [older, newer] = infos[j].manifest!.generatedAt < m.generatedAt ? [j, i] : [i, j];
    infos[older].used = false;
    newest.set(key, newer);
    issues.push(
      issue(
        "submission-superseded",
        { file: infos[older].file, sheet: infos[older].manifestSheet ?? "", cell: "B3" },
        {
          unit: m.unitName,
          older: infos[older].file,
          newer: infos[newer].file,
        },
      ),
    );
  });
  return infos;
}

function dropDuplicateTargets(targets: readonly TargetRecord[], issues: Issue[]): TargetRecord[] {
  const seen = new Map<string, TargetRecord>();
  const out: TargetRecord[] = [];
  for (const t of targets) {
    const key = [t.indicator, t.unit ? nameKey(t.unit) : "", t.level ?? "", t.year ?? ""].join("|");
    const first = seen.get(key);
    if (first) {
      // Submissions carry the same Targets sheet: an identical row from another file is no news.
      const identical =
        first.source.file !== t.source.file &&
        first.comparator === t.comparator &&
        first.target.numerator * t.target.denominator === t.target.numerator * first.target.denominator;
      if (!identical) {
        const where =
          first.source.file !== t.source.file ? `${first.source.file} ${first.source.sheet}!` : "";
        issues.push(
          issue(
            "duplicate-target",
            { file: t.source.file, sheet: t.source.sheet, cell: cellOf(t, "target") },
            { first: where + cellOf(first, "target") },
          ),
        );
      }
      continue;
    }
    seen.set(key, t);
    out.push(t);
  }
  return out;
}
