import { cellText, isBlank, type CellValue } from "../cells";
import type { SheetGrid } from "../grid";
import { cellAt } from "../grid";
import type { UnitLevel } from "../rollup/types";
import { districtOf, foldKey } from "../text/normalize";

/**
 * The submission manifest: a small key/value sheet that a submission workbook carries so the level
 * above can tell who sent it, for which period, when, and what totals the sender saw. Plain values
 * only, so the workbook opens in any Excel without the add-in; humans read the third column.
 */
export const MANIFEST_SHEET_NAME = "Thông tin nộp";
export const MANIFEST_FORMAT = "nth-rollup-submission";
/** 2: the manifest carries the content hash of the data (`contentHash`). */
export const MANIFEST_FORMAT_VERSION = 2;

export interface SubmissionManifest {
  readonly formatVersion: number;
  /** The submitting unit's own name, e.g. "Yên Lỗ". */
  readonly unitName: string;
  readonly unitLevel: UnitLevel;
  readonly province: string;
  readonly district: string | null;
  readonly commune: string | null;
  /** Reporting period as the clerk writes it, e.g. "Quý III/2025" or "2025-09". */
  readonly period: string;
  /** ISO 8601 time the submission was made. */
  readonly generatedAt: string;
  /** Totals the sender's add-in computed, to check the rows against. */
  readonly villages: number;
  readonly consolidated: number;
  readonly addinVersion: string;
  /**
   * SHA-256 of the submission's data sheets (src/core/submission/contentHash.ts), 64 hex digits,
   * written at export and checked at import; null in a submission made before format version 2.
   */
  readonly contentHash: string | null;
}

const FIELDS: readonly { key: keyof SubmissionManifest; vi: string; en: string }[] = [
  { key: "formatVersion", vi: "Phiên bản định dạng", en: "Format version" },
  { key: "unitName", vi: "Đơn vị nộp", en: "Submitting unit" },
  { key: "unitLevel", vi: "Cấp (province/district/commune)", en: "Level" },
  { key: "province", vi: "Tỉnh", en: "Province" },
  { key: "district", vi: "Huyện (trống nếu hai cấp)", en: "District (empty in two-tier data)" },
  { key: "commune", vi: "Xã", en: "Commune" },
  { key: "period", vi: "Kỳ báo cáo", en: "Reporting period" },
  { key: "generatedAt", vi: "Thời điểm lập", en: "Generated at" },
  { key: "villages", vi: "Tổng số thôn", en: "Villages" },
  { key: "consolidated", vi: "Số thôn nhất thể hóa", en: "Villages consolidated" },
  { key: "addinVersion", vi: "Phiên bản phần mềm", en: "Add-in version" },
  {
    key: "contentHash",
    vi: "Mã nội dung (SHA-256 của các trang số liệu; sửa số liệu thì mã không còn khớp)",
    en: "Content hash (SHA-256 of the data sheets; editing the data breaks it)",
  },
];

/** The manifest as rows of a sheet: a header, a format row, then one row per field. */
export function manifestRows(m: SubmissionManifest): CellValue[][] {
  return [
    ["Khóa / Key", "Giá trị / Value", "Diễn giải / Meaning"],
    ["format", MANIFEST_FORMAT, "Tệp nộp lên cấp trên của nth-rollup / nth-rollup submission"],
    ...FIELDS.map(({ key, vi, en }): CellValue[] => [key, m[key] ?? null, `${vi} / ${en}`]),
  ];
}

/** The Excel row of a field's value in the manifest sheet (column B), for messages that point at it. */
export function manifestRowOf(key: keyof SubmissionManifest): number {
  return 3 + FIELDS.findIndex((f) => f.key === key);
}

const LEVELS: readonly UnitLevel[] = ["province", "district", "commune"];

/**
 * Reads a manifest sheet; null when the grid is not one (so any sheet can be offered). A manifest
 * with missing or malformed fields is not trusted: null as well, and the caller treats the workbook
 * as a plain data workbook.
 */
export function readManifest(grid: SheetGrid): SubmissionManifest | null {
  const values = new Map<string, CellValue>();
  for (let r = 0; r < Math.min(grid.rows.length, 40); r++) {
    const key = cellAt(grid, r, 0);
    if (typeof key === "string" && !isBlank(key)) values.set(key.trim(), cellAt(grid, r, 1));
  }
  if (cellText(values.get("format") ?? null).trim() !== MANIFEST_FORMAT) return null;
  const text = (k: string): string | null => {
    const v = values.get(k) ?? null;
    return isBlank(v) ? null : cellText(v).trim();
  };
  const int = (k: string): number | null => {
    const v = values.get(k);
    const n = typeof v === "number" ? v : Number(text(k));
    return Number.isInteger(n) && n >= 0 ? n : null;
  };
  const level = LEVELS.find((l) => foldKey(l) === foldKey(text("unitLevel") ?? ""));
  const unitName = text("unitName");
  const province = text("province");
  const period = text("period");
  const generatedAt = text("generatedAt");
  const villages = int("villages");
  const consolidated = int("consolidated");
  const formatVersion = int("formatVersion");
  if (
    !level ||
    !unitName ||
    !province ||
    !period ||
    !generatedAt ||
    villages === null ||
    consolidated === null
  ) {
    return null;
  }
  if (Number.isNaN(Date.parse(generatedAt))) return null;
  return {
    formatVersion: formatVersion ?? MANIFEST_FORMAT_VERSION,
    unitName,
    unitLevel: level,
    province,
    district: districtOf(text("district")),
    commune: text("commune"),
    period,
    generatedAt,
    villages,
    consolidated,
    addinVersion: text("addinVersion") ?? "",
    // Kept as written (lowercased): a hash that is not 64 hex digits no longer matches the data.
    contentHash: text("contentHash")?.toLowerCase() ?? null,
  };
}
