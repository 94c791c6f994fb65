import { a1, a1Range, columnLetters } from "../core/a1";
import type { Rollup } from "../core/rollup/types";
import type { SheetDescription } from "../report/description";
import { labelsFor } from "../report/labels";
import type { ReportSettings } from "../report/settings";
import { tableRows } from "../report/unitTable";
import type { ChartPlan } from "../port/writes";

export type { ChartPlan } from "../port/writes";

const RATE_FORMAT = "0.0%";
/** Column of the summary table: unit name, rate, target (see report/layouts/summary.ts). */
const NAME_COLUMN = 2;
const RATE_COLUMN = 5;
const TARGET_COLUMN = 6;

/**
 * The chart of a summary sheet, or null when there is nothing to chart (a commune's report lists
 * villages, whose rate is 0 or 100%).
 */
export function summaryChartPlan(
  summary: SheetDescription,
  rollup: Rollup,
  settings: ReportSettings,
): ChartPlan | null {
  if (summary.reportId !== "summary") return null;
  const rows = tableRows(rollup, settings.provinceLayout, labelsFor(settings.language), true);
  if (rows.scope.unit.level === "commune") return null;
  const charted = rows.rows
    .map((r, i) => ({ r, row: summary.table.bodyTop + i }))
    .filter(({ r }) => (rows.nested ? r.kind === "group" : r.kind === "leaf"));
  if (charted.length === 0) return null;
  const en = settings.language === "en";
  const left = summary.columnCount + 2;
  const top = summary.table.headerTop;
  const ref = (column: number, row: number): string => `${columnLetters(column)}${row}`;
  const header = en ? ["Unit", "Rate", "Target"] : ["Đơn vị", "Tỷ lệ", "Chỉ tiêu"];
  const block = [
    header,
    ...charted.map(({ row }) => [
      `=${ref(NAME_COLUMN, row)}`,
      `=IF(ISNUMBER(${ref(RATE_COLUMN, row)}),${ref(RATE_COLUMN, row)},NA())`,
      `=IF(ISNUMBER(${ref(TARGET_COLUMN, row)}),${ref(TARGET_COLUMN, row)},NA())`,
    ]),
  ];
  const formats = block.map((_, i) =>
    i === 0 ? ["General", "General", "General"] : ["General", RATE_FORMAT, RATE_FORMAT],
  );
  const first = top + 1;
  const last = top + charted.length;
  const lastReportRow = summary.cells.length;
  const height = Math.max(16, Math.min(30, charted.length + 8));
  return {
    block,
    formats,
    blockAddress: a1Range(top, left, last, left + 2),
    categories: a1Range(first, left, last, left),
    rates: a1Range(first, left + 1, last, left + 1),
    targets: a1Range(first, left + 2, last, left + 2),
    title: en ? "Consolidation rate by unit" : "Tỷ lệ nhất thể hóa theo đơn vị",
    rateName: en ? "Rate" : "Tỷ lệ",
    targetName: en ? "Target" : "Chỉ tiêu",
    position: {
      start: a1(lastReportRow + 3, 1),
      end: a1(lastReportRow + 3 + height, summary.columnCount),
    },
  };
}
