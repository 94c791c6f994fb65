import type { IndicatorId } from "../core/indicators";
import type { Assessment } from "../core/rollup/types";
import { formula, type CellContent } from "./description";
import type { Labels } from "./labels";
import type { TableColumn, TableRow } from "./unitTable";

export const RATE_FORMAT = "0.0%";

/** The assessment of an indicator on a table row (a unit row or the total), or null. */
export function assessmentOf(row: TableRow, id: IndicatorId): Assessment | null {
  return row.unit?.assessments[id] ?? null;
}

/** True when some row of the table has a target for the indicator. */
export function hasTarget(rows: readonly TableRow[], total: TableRow, id: IndicatorId): boolean {
  return [...rows, total].some((r) => assessmentOf(r, id) !== null);
}

/**
 * Target, gap and assessment columns for an indicator whose rate is in column `rateColumn`; they
 * must follow it directly (target at rateColumn + 1, gap + 2, status + 3). The target is a value
 * (the one that applies to the row's unit), the gap `=target − rate` and the assessment
 * `=IF(rate>=target,"Đạt","Chưa đạt")` (">" for "above" targets) are formulas over the row, as in
 * the summary's main indicator; a negative gap shows as "vượt 5.0%".
 */
export function targetColumns(
  id: IndicatorId,
  rateColumn: number,
  labels: Labels,
  group?: string,
): TableColumn[] {
  const targetColumn = rateColumn + 1;
  const gapFormat = `${RATE_FORMAT};"${labels.exceededPrefix}"${RATE_FORMAT};${RATE_FORMAT}`;
  const L = labels.summary;
  return [
    {
      kind: "cell",
      header: { label: L.target, group },
      width: 9,
      format: (r) => (assessmentOf(r, id)?.comparator === ">" ? `">"${RATE_FORMAT}` : RATE_FORMAT),
      content: (r) => assessmentOf(r, id)?.target ?? null,
    },
    {
      kind: "cell",
      header: { label: L.gap, group },
      width: 10,
      format: gapFormat,
      content: (r, x) => {
        const a = assessmentOf(r, id);
        if (!a) return null;
        const rate = x.ref(rateColumn);
        const target = x.ref(targetColumn);
        return formula(`=IF(OR(${rate}="",${target}=""),"",${target}-${rate})`, a.gap ?? "");
      },
    },
    {
      kind: "cell",
      header: { label: L.status, group },
      width: 10,
      content: (r, x): CellContent => {
        const a = assessmentOf(r, id);
        if (!a) return null;
        const cmp = a.comparator === ">" ? ">" : ">=";
        const rate = x.ref(rateColumn);
        const target = x.ref(targetColumn);
        const result = a.gap === null ? "" : a.met ? labels.met : labels.notMet;
        return formula(
          `=IF(OR(${rate}="",${target}=""),"",IF(${rate}${cmp}${target},"${labels.met}","${labels.notMet}"))`,
          result,
        );
      },
    },
  ];
}
