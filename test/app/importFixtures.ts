/**
 * Submissions and receiving workbooks built in memory for the import tests (test/app/import*.test.ts).
 */
import type { SheetGrid, WorkbookGrids } from "../../src/core/grid";
import { VILLAGES, PROVENANCE_COLUMNS, UNITS } from "../../src/core/schema/sheets";
import {
  manifestRows,
  MANIFEST_SHEET_NAME,
  type SubmissionManifest,
} from "../../src/core/submission/manifest";
import type { IncomingFile } from "../../src/app/imports/plan";
import { contentHash as dataHash } from "../../src/core/submission/contentHash";

export const VILLAGE_HEADER = VILLAGES.columns.map((c) => c.vi);
export const PROVENANCE_HEADER = PROVENANCE_COLUMNS.map((c) => c.vi);

export interface Village {
  readonly village: string;
  readonly consolidated: boolean;
  readonly secretary?: string;
}

/** A village row in the standard order of the Villages sheet. */
export function villageRow(commune: string, v: Village, district = "Bình Gia"): (string | number | null)[] {
  return [
    "Lạng Sơn",
    district,
    commune,
    v.village,
    null,
    "thôn",
    "x",
    10,
    v.secretary ?? `Bí thư ${v.village}`,
    // Consolidated: the head is the secretary (the flag and the names agree).
    v.consolidated ? (v.secretary ?? `Bí thư ${v.village}`) : `Trưởng ${v.village}`,
    null,
    v.consolidated ? "Có" : "Không",
    null,
  ];
}

export interface SubmissionSpec {
  readonly file: string;
  readonly commune: string;
  readonly generatedAt: string;
  readonly period?: string;
  readonly villages: readonly Village[];
  readonly district?: string;
  /** The manifest's content hash: the data's own (default), another text (an edited file), or none. */
  readonly contentHash?: string | null;
}

/** A commune's submission: a Villages sheet (title rows above the header) and its manifest. */
export function submission(spec: SubmissionSpec): IncomingFile {
  const district = spec.district ?? "Bình Gia";
  const manifest: SubmissionManifest = {
    formatVersion: 1,
    unitName: spec.commune,
    unitLevel: "commune",
    province: "Lạng Sơn",
    district,
    commune: spec.commune,
    period: spec.period ?? "Quý III/2021",
    generatedAt: spec.generatedAt,
    villages: spec.villages.length,
    consolidated: spec.villages.filter((v) => v.consolidated).length,
    addinVersion: "test",
    contentHash: null,
  };
  const data: SheetGrid = {
    name: "Thôn",
    rows: [
      ["DANH SÁCH THÔN"],
      [],
      VILLAGE_HEADER,
      ...spec.villages.map((v) => villageRow(spec.commune, v, district)),
    ],
  };
  const contentHash = spec.contentHash === undefined ? dataHash([data]) : spec.contentHash;
  const workbook: WorkbookGrids = {
    file: spec.file,
    sheets: [data, { name: MANIFEST_SHEET_NAME, rows: manifestRows({ ...manifest, contentHash }) }],
  };
  return { file: spec.file, workbook, error: null };
}

export const villages = (prefix: string, n: number, consolidated: number): Village[] =>
  Array.from({ length: n }, (_, i) => ({ village: `${prefix} ${i + 1}`, consolidated: i < consolidated }));

/** A Villages sheet with the provenance columns: rows with [commune, village, consolidated, unit cell]. */
export function receivingVillages(
  rows: readonly { commune: string; v: Village; unit: string | null; file?: string }[],
): SheetGrid {
  return {
    name: "Thôn",
    rows: [
      [...VILLAGE_HEADER, ...PROVENANCE_HEADER],
      ...rows.map((r) => [
        ...villageRow(r.commune, r.v),
        r.unit ? (r.file ?? "old.xlsx") : null,
        r.unit,
        r.unit ? "Quý II/2021" : null,
        r.unit ? "2021-06-20 09:00" : null,
      ]),
    ],
  };
}

/** A units sheet (who must report, by when). */
export function unitsSheet(communes: readonly string[], deadline = "15/9/2021"): SheetGrid {
  const header = UNITS.columns.filter((c) =>
    ["unit", "level", "province", "district", "deadline"].includes(c.key),
  );
  return {
    name: "Đơn vị",
    rows: [header.map((c) => c.vi), ...communes.map((c) => [c, "xã", "Lạng Sơn", "Bình Gia", deadline])],
  };
}
