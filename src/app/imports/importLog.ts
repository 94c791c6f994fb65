import { cellText, isBlank, type CellValue } from "../../core/cells";
import { cellAt, type SheetGrid } from "../../core/grid";
import type { UnitLevel } from "../../core/rollup/types";
import type { SubmissionInfo } from "../../core/read/readWorkbook";
import type { Language } from "../../core/summary";
import { MANIFEST_FORMAT_VERSION, type SubmissionManifest } from "../../core/submission/manifest";
import {
  parseReviewState,
  REVIEW_CHOICES,
  REVIEW_TEXT,
  type ReviewState,
} from "../../core/submission/acceptance";
import { parseHash, type ContentState } from "../../core/submission/contentHash";
import type { ColumnValidation } from "../../port/writes";
import { districtOf, foldKey } from "../../core/text/normalize";
import { unitIdentity, type SubmittingUnit } from "./provenance";

/**
 * The import log: the add-in's own sheet ("Nhật ký nhập", marked with the worksheet property
 * `nth-rollup-sheet = import-log`), one row per submission imported, oldest first. It says which
 * submission each unit's rows come from (so an older one is refused), which units have reported
 * this period (completeness), and lets the clerk see what was imported when. The add-in rewrites
 * it whole at each import, keeping what the clerk typed in its last two columns: the review
 * ("Tiếp nhận": Chờ xem xét / Đã nhận / Trả lại, a drop-down) and its note ("Ghi chú"). An accepted
 * submission is then not replaced without the clerk's confirmation (intake.ts).
 */

export const IMPORT_LOG_MARK = "import-log";

export interface ImportLogEntry {
  readonly unit: SubmittingUnit;
  readonly period: string;
  /** The submission's own time (its manifest's generatedAt, ISO 8601). */
  readonly generatedAt: string;
  readonly file: string;
  /** Local time of the import, "2026-01-15 10:20". */
  readonly importedAt: string;
  readonly villages: number;
  readonly consolidated: number;
  /** The content hash of the data imported, short form (8 hex digits); null in entries from before hashes. */
  readonly contentHash: string | null;
  /** The data against the hash its manifest states, at import; null in entries from before hashes. */
  readonly content: ContentState | null;
  /** The receiving level's decision, typed or picked by the clerk in the log; null: none (pending). */
  readonly review: ReviewState | null;
  /** The clerk's note (why it was returned). */
  readonly note: string | null;
}

const LEVELS: Readonly<Record<UnitLevel, string>> = { province: "tỉnh", district: "huyện", commune: "xã" };

const COLUMNS: readonly { vi: string; en: string }[] = [
  { vi: "Đơn vị nộp", en: "Submitting unit" },
  { vi: "Cấp", en: "Level" },
  { vi: "Tỉnh", en: "Province" },
  { vi: "Huyện", en: "District" },
  { vi: "Kỳ báo cáo", en: "Reporting period" },
  { vi: "Thời điểm lập", en: "Generated at" },
  { vi: "Tệp nguồn", en: "Source file" },
  { vi: "Thời điểm nhập", en: "Imported at" },
  { vi: "Số thôn", en: "Villages" },
  { vi: "Số thôn NTH", en: "Consolidated" },
  { vi: "Mã nội dung", en: "Content hash" },
  { vi: "Kiểm tra mã", en: "Hash check" },
  { vi: "Tiếp nhận", en: "Review" },
  { vi: "Ghi chú", en: "Note" },
];

/** Columns (1-based) of the review and its note: the only ones the clerk edits. */
export const REVIEW_COLUMN = 13;
export const NOTE_COLUMN = 14;

const CONTENT_TEXT: Readonly<Record<ContentState, { vi: string; en: string }>> = {
  matches: { vi: "Khớp", en: "Matches" },
  edited: { vi: "KHÔNG KHỚP: sửa sau khi lập", en: "MISMATCH: edited after export" },
  "no-hash": { vi: "Không có mã (bản cũ)", en: "No hash (older format)" },
};

/** The drop-down of the review column (in the log's language; both languages are read back). */
export function importLogValidations(language: Language): ColumnValidation[] {
  return [
    {
      column: REVIEW_COLUMN,
      rule: { kind: "list", values: REVIEW_CHOICES.map((s) => REVIEW_TEXT[s][language]) },
      prompt: {
        vi: "Đã nhận: không thay bằng bản nộp mới hơn nếu chưa xác nhận. Trả lại: ghi lý do ở cột Ghi chú; bản nộp sau sẽ thay.",
        en: "Accepted: not replaced by a newer submission without confirmation. Returned: say why in the Note column; the next submission replaces it.",
      },
    },
  ];
}

export function importLogName(language: Language): string {
  return language === "en" ? "Import log" : "Nhật ký nhập";
}

export const IMPORT_LOG_WIDTHS: readonly number[] = [20, 8, 12, 14, 14, 24, 26, 16, 9, 11, 11, 16, 14, 30];

/** The log sheet's rows: a header, then one row per entry. */
export function importLogRows(entries: readonly ImportLogEntry[], language: Language): CellValue[][] {
  return [
    COLUMNS.map((c) => (language === "en" ? c.en : c.vi)),
    ...entries.map((e): CellValue[] => [
      e.unit.name,
      LEVELS[e.unit.level],
      e.unit.province,
      e.unit.district ?? "",
      e.period,
      e.generatedAt,
      e.file,
      e.importedAt,
      e.villages,
      e.consolidated,
      e.contentHash ?? "",
      e.content ? CONTENT_TEXT[e.content][language] : "",
      REVIEW_TEXT[e.review ?? "pending"][language],
      e.note ?? "",
    ]),
  ];
}

/** Reads the log sheet back (rows that are not entries are skipped). */
export function readImportLog(grid: SheetGrid | null): ImportLogEntry[] {
  if (!grid) return [];
  const text = (r: number, c: number): string => {
    const v = cellAt(grid, r, c);
    return isBlank(v) ? "" : cellText(v).trim();
  };
  const count = (r: number, c: number): number => {
    const v = cellAt(grid, r, c);
    const n = typeof v === "number" ? v : Number(text(r, c));
    return Number.isInteger(n) && n >= 0 ? n : 0;
  };
  const entries: ImportLogEntry[] = [];
  for (let r = 1; r < grid.rows.length; r++) {
    const level = (Object.keys(LEVELS) as UnitLevel[]).find(
      (l) => foldKey(LEVELS[l]) === foldKey(text(r, 1)),
    );
    const name = text(r, 0);
    const generatedAt = text(r, 5);
    if (!level || !name || Number.isNaN(Date.parse(generatedAt))) continue;
    entries.push({
      unit: {
        name,
        level,
        province: text(r, 2),
        district: level === "commune" ? districtOf(text(r, 3) || null) : null,
      },
      period: text(r, 4),
      generatedAt,
      file: text(r, 6),
      importedAt: text(r, 7),
      villages: count(r, 8),
      consolidated: count(r, 9),
      contentHash: parseHash(text(r, 10)),
      content: contentOf(text(r, 11)),
      review: parseReviewState(cellAt(grid, r, REVIEW_COLUMN - 1)),
      note: text(r, NOTE_COLUMN - 1) || null,
    });
  }
  return entries;
}

function contentOf(text: string): ContentState | null {
  const key = foldKey(text);
  if (!key) return null;
  const found = (Object.keys(CONTENT_TEXT) as ContentState[]).find(
    (k) => foldKey(CONTENT_TEXT[k].vi) === key || foldKey(CONTENT_TEXT[k].en) === key,
  );
  return found ?? null;
}

/** The last entry of each unit (the submission whose rows the workbook holds), by unit identity. */
export function latestEntries(entries: readonly ImportLogEntry[]): Map<string, ImportLogEntry> {
  const latest = new Map<string, ImportLogEntry>();
  for (const e of entries) latest.set(unitIdentity(e.unit), e);
  return latest;
}

/** A log entry as the core's submission info (for completeness: who reported, and when). */
export function entrySubmission(e: ImportLogEntry): SubmissionInfo {
  const manifest: SubmissionManifest = {
    formatVersion: MANIFEST_FORMAT_VERSION,
    unitName: e.unit.name,
    unitLevel: e.unit.level,
    province: e.unit.province,
    district: e.unit.district,
    commune: e.unit.level === "commune" ? e.unit.name : null,
    period: e.period,
    generatedAt: e.generatedAt,
    villages: e.villages,
    consolidated: e.consolidated,
    addinVersion: "",
    // The log keeps the short form only: the full hash is not known here.
    contentHash: null,
  };
  return { file: e.file, manifest, manifestSheet: null, used: true };
}
