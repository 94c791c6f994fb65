import { isBlank } from "../cells";
import type { SheetGrid } from "../grid";
import { cellAt } from "../grid";
import type { SheetSkipWhy } from "../issues";
import { SHEET_SPECS, VILLAGES, type ColumnSpec, type SheetKind, type SheetSpec } from "../schema/sheets";
import { isSettingsSheetName, REPORT_TITLE_LINES } from "../productSheets";
import { foldKey } from "../text/normalize";
import { findHeaderRow, headerKey, HEADER_SCAN_ROWS, type HeaderRow } from "./headers";

/**
 * Every sheet of a workbook is a candidate, not a verdict: `judgeSheet` says whether a sheet holds
 * standard data of some kind (villages, office-holders, targets, units) and, when it does not, why,
 * in words the clerk understands. readWorkbook.ts then reads the qualifying sheets and lists the
 * others at information level.
 */

/** The standard kinds, as the clerk reads them in messages. */
export const KIND_NAMES: Readonly<Record<SheetKind, { vi: string; en: string }>> = {
  villages: { vi: "Thôn", en: "Villages" },
  officeHolders: { vi: "Cán bộ", en: "Office-holders" },
  targets: { vi: "Chỉ tiêu", en: "Targets" },
  units: { vi: "Đơn vị", en: "Units" },
};

export interface SheetJudgement {
  readonly grid: SheetGrid;
  /** The best header for any kind, or null when the sheet has none. */
  readonly header: HeaderRow | null;
  /** Required columns the header lacks (empty when it has them all or there is no header). */
  readonly missing: readonly ColumnSpec[];
  /** Null when the sheet qualifies as data of `header.spec.kind`; else why not. */
  readonly why: SheetSkipWhy | null;
  /** The sheet is a summary, tally or pivot table: never advise adding columns to it. */
  readonly summary: boolean;
  /** False when hidden or very hidden. */
  readonly visible: boolean;
}

/**
 * Judges one sheet. Null for a sheet with nothing in it and for the report settings sheet (nothing
 * to say about them). The checks, in
 * order: a copy of one of this product's report sheets (by its title lines, whether or not its mark
 * survived a copy and paste); no standard header; a pivot table; an instructions sheet (its sample
 * row is no data); required columns missing (a summary or tally table when its header has count or
 * rate columns).
 */
export function judgeSheet(grid: SheetGrid): SheetJudgement | null {
  // The report settings sheet is this product's own (read by the reports): nothing to say about it.
  if (isSettingsSheetName(grid.name)) return null;
  if (grid.rows.every((row) => row.every(isBlank))) return null;
  const visible = (grid.visibility ?? "visible") === "visible";
  const base = { grid, visible, missing: [] as ColumnSpec[] };
  if (isProductReport(grid)) {
    return { ...base, header: null, summary: true, why: WHY.report };
  }
  const header = findHeaderRow(grid, SHEET_SPECS);
  if (isPivotTable(grid)) return { ...base, header, summary: true, why: WHY.pivot };
  if (!header) return { ...base, header, summary: false, why: WHY.noHeader };
  if (isInstructionsSheet(grid)) return { ...base, header, summary: false, why: WHY.instructions };
  const missing = missingColumns(header);
  if (missing.length === 0) return { ...base, header, summary: false, why: null };
  const summary = hasTallyColumns(grid, header);
  return {
    ...base,
    header,
    missing,
    summary,
    why: summary ? WHY.tally : WHY.missing(header.spec, missing),
  };
}

/**
 * The sheet that comes nearest to a Villages sheet, for the message when none qualifies: a sheet
 * with a Villages header (list-like before summary tables, then the most matched columns), with the
 * required columns it lacks. Null when no sheet has a Villages header at all.
 */
export function nearestVillagesSheet(
  judgements: readonly SheetJudgement[],
): { grid: SheetGrid; header: HeaderRow; missing: readonly ColumnSpec[]; summary: boolean } | null {
  let best: { grid: SheetGrid; header: HeaderRow; missing: readonly ColumnSpec[]; summary: boolean } | null =
    null;
  for (const j of judgements) {
    if (j.why === WHY.report) continue;
    const header = j.header?.spec.kind === "villages" ? j.header : findHeaderRow(j.grid, [VILLAGES]);
    if (!header) continue;
    const summary = j.summary || hasTallyColumns(j.grid, header);
    const candidate = { grid: j.grid, header, missing: missingColumns(header), summary };
    if (
      !best ||
      (best.summary && !summary) ||
      (best.summary === summary && header.matches.size > best.header.matches.size)
    ) {
      best = candidate;
    }
  }
  return best;
}

export function missingColumns(header: HeaderRow): ColumnSpec[] {
  return header.spec.columns.filter((c) => c.required && !header.matches.has(c.key));
}

/** Why a sheet is not read, in both languages (the "sheet-skipped" message adds the sheet's name). */
export const WHY = {
  report: {
    vi: "đây là bản sao một báo cáo do nth-rollup lập (nhận ra theo tiêu đề), không phải số liệu gốc",
    en: "it is a copy of a report made by nth-rollup (recognised by its title), not source data",
  },
  noHeader: {
    vi: "không có dòng tiêu đề của trang chuẩn nào (Thôn, Cán bộ, Chỉ tiêu, Đơn vị)",
    en: "it has no header row of a standard sheet (Villages, Office-holders, Targets, Units)",
  },
  pivot: {
    vi: "đây là bảng PivotTable (tổng hợp), không phải danh sách từng dòng",
    en: "it is a pivot table (a summary), not a list of rows",
  },
  instructions: {
    vi: "đây là trang hướng dẫn; dòng mẫu trên đó không phải số liệu",
    en: "it is an instructions sheet; its sample rows are not data",
  },
  tally: {
    vi: "đây là bảng tổng hợp số liệu (đếm, tỷ lệ theo đơn vị), không phải danh sách từng thôn hay từng người",
    en: "it is a summary table (counts or rates per unit), not a list of villages or people",
  },
  missing: (spec: SheetSpec, missing: readonly ColumnSpec[]): SheetSkipWhy => ({
    vi: `có vài cột của trang ${KIND_NAMES[spec.kind].vi} nhưng thiếu cột ${missing.map((c) => `“${c.vi}”`).join(", ")}`,
    en: `it has some columns of a ${KIND_NAMES[spec.kind].en} sheet but lacks ${missing.map((c) => `“${c.en}”`).join(", ")}`,
  }),
  hidden: (kind: SheetKind, read: readonly string[]): SheetSkipWhy => ({
    vi: `trang đang ẩn; đã đọc trang ${KIND_NAMES[kind].vi} đang hiện (${read.map((s) => `“${s}”`).join(", ")})`,
    en: `it is hidden; the visible ${KIND_NAMES[kind].en} sheet is read instead (${read.map((s) => `“${s}”`).join(", ")})`,
  }),
} as const;

/** Header words of counts and rates: a header with them and without the list's own columns is a tally. */
const TALLY_PREFIXES = [
  "sothon",
  "soxa",
  "sochibo",
  "soluong",
  "tongso",
  "tyle",
  "sodonvi",
  "socanbo",
  "songuoi",
];

function hasTallyColumns(grid: SheetGrid, header: HeaderRow): boolean {
  for (let r = header.topIndex; r <= header.rowIndex; r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const key = headerKey(row[c]);
      if (key && TALLY_PREFIXES.some((p) => key.startsWith(p))) return true;
    }
  }
  return false;
}

/** Texts Excel writes in a pivot table, in English and Vietnamese Excel. */
const PIVOT_WORDS = new Set(["rowlabels", "columnlabels", "grandtotal", "nhanhang", "nhancot", "tongcuoi"]);
const PIVOT_PREFIXES = ["sumof", "countof", "averageof", "tongcua", "demcua", "trungbinhcua"];

function isPivotTable(grid: SheetGrid): boolean {
  const last = Math.min(grid.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    const row = grid.rows[r];
    for (let c = 0; c < row.length && c < 30; c++) {
      const v = row[c];
      if (typeof v !== "string" || v.length > 60) continue;
      const key = foldKey(v);
      if (PIVOT_WORDS.has(key) || PIVOT_PREFIXES.some((p) => key.startsWith(p))) return true;
    }
  }
  return false;
}

/** Sheet names of instructions ("Hướng dẫn", "HDSD", "Ví dụ", "Instructions"). */
const INSTRUCTION_NAMES = ["huongdan", "hdsd", "vidu", "instruction", "example", "readme"];

function isInstructionsSheet(grid: SheetGrid): boolean {
  const key = foldKey(grid.name);
  return INSTRUCTION_NAMES.some((w) => key.includes(w));
}

let reportTitles: Set<string> | null = null;

/**
 * Village-type words, folded, as the reports' titles name them ("THÔN, KHỐI PHỐ", "BẢN, KHU PHỐ"):
 * removed from both sides before titles are compared, so a report made for any types is known.
 */
const TYPE_WORDS = /todanpho|khoipho|khupho|thon|ban|ap|lang|xom/g;

const titleKey = (text: string): string => foldKey(text).replace(TYPE_WORDS, "");

/**
 * The whole titles of this product's reports (both languages; all lines of a title joined),
 * folded and without village-type words. A whole title, not one of its lines: a clerk's own list
 * headed "DANH SÁCH THÔN, TỔ DÂN PHỐ" is data, whatever else it says.
 */
function reportTitleKeys(): Set<string> {
  if (!reportTitles) {
    reportTitles = new Set();
    for (const titles of [REPORT_TITLE_LINES.vi, REPORT_TITLE_LINES.en]) {
      for (const lines of Object.values(titles)) {
        // The village-type placeholders ({V}, {V1}) go, as the type words they stand for would.
        const key = titleKey(lines.join(" ").replace(/\{V1?\}/g, ""));
        if (key.length >= 20) reportTitles.add(key);
      }
    }
  }
  return reportTitles;
}

/** How far down a report's title lines are (the document header takes the first rows). */
const REPORT_TITLE_ROWS = 15;

/**
 * A report sheet of this product, recognised by its title even when its mark was lost: the title
 * written on one row, or on two rows one under the other (as the reports write it).
 */
function isProductReport(grid: SheetGrid): boolean {
  if (grid.report) return true;
  const titles = reportTitleKeys();
  const last = Math.min(grid.rows.length, REPORT_TITLE_ROWS);
  let previous = "";
  for (let r = 0; r < last; r++) {
    const row = grid.rows[r] ?? [];
    let text = "";
    for (let c = 0; c < row.length && c < 30; c++) {
      const v = cellAt(grid, r, c);
      if (typeof v === "string") text += v;
    }
    const key = text.length >= 8 ? titleKey(text) : "";
    if (key && (titles.has(key) || (previous && titles.has(previous + key)))) return true;
    previous = key;
  }
  return false;
}
