import { MAIN_INDICATOR } from "../../core/indicators";
import type { Assessment, Rollup } from "../../core/rollup/types";
import { cellRange, formula, text, type CellContent, type SheetDescription } from "../description";
import {
  BELOW_TARGET_FILL,
  BELOW_TARGET_FONT,
  blocksFor,
  finishSheet,
  writeDocumentHeader,
  writeSignature,
} from "../frame";
import { labelsFor, villageWordsOf } from "../labels";
import { shortDate, type ReportSettings } from "../settings";
import { SheetBuilder } from "../sheetBuilder";
import { nameWidth } from "./widths";
import { communeListReport } from "./communeList";
import { reportScope } from "../scope";
import { hasTarget, targetColumns } from "../targetColumns";
import { targetSourceLines } from "../targetSource";
import { tableRows, writeUnitTable, type TableColumn, type TableRow } from "../unitTable";

const RATE_FORMAT = "0.0%";

function assessmentOf(row: TableRow): Assessment | null {
  return row.unit?.assessments[MAIN_INDICATOR] ?? null;
}

/**
 * Report 1: the main indicator (secretary also village head) per unit one level below the
 * submitting unit, against its target. Columns: STT, unit, villages, consolidated, rate, target,
 * gap (points), villages still needed, assessment.
 *
 * Villages, consolidated: values on unit rows, SUBTOTAL/SUM on subtotal and total rows.
 * Rate: =IF(C=0,"",D/C). Gap: =F−E. Assessment: =IF(E>=F,"Đạt","Chưa đạt") (">" for "above"
 * targets); comparing the two divisions in floating point is exact here (see docs/reports.md).
 * Target and "still needed": values; "still needed" is computed exactly in the core (a formula
 * such as -INT(-F*C) is wrong when F*C is not exact in binary, e.g. 7% of 100).
 */
export function summaryReport(rollup: Rollup, settings: ReportSettings, note?: string): SheetDescription {
  // A commune's own report is the list of its villages (the official commune-level form).
  if (reportScope(rollup).unit.level === "commune") return communeListReport(rollup, settings, note);
  const labels = labelsFor(settings.language, villageWordsOf(rollup));
  const L = labels.summary;
  const rows = tableRows(rollup, settings.provinceLayout, labels, true);
  const villageRows = rows.scope.unit.level === "commune";
  const targetFormat = (row: TableRow): string | undefined => {
    const a = assessmentOf(row);
    return a?.comparator === ">" ? `">"${RATE_FORMAT}` : RATE_FORMAT;
  };
  const gapFormat = `${RATE_FORMAT};"${labels.exceededPrefix}"${RATE_FORMAT};${RATE_FORMAT}`;
  const columns: TableColumn[] = [
    { kind: "stt", header: { label: labels.stt }, width: 5 },
    {
      kind: "name",
      header: { label: villageRows ? L.village : labels.unit },
      width: nameWidth(rows.rows.map((r) => r.label)),
    },
    {
      kind: "sum",
      header: { label: L.villages },
      width: 11,
      format: "0",
      value: (r) => (r.village ? 1 : (r.unit?.villages ?? 0)),
    },
    {
      kind: "sum",
      header: { label: L.consolidated },
      width: 12,
      format: "0",
      value: (r) => (r.village ? (r.village.consolidated ? 1 : 0) : (r.unit?.consolidated ?? 0)),
    },
    {
      kind: "ratio",
      header: { label: L.rate },
      width: 10,
      format: RATE_FORMAT,
      numerator: 4,
      denominator: 3,
    },
    {
      kind: "cell",
      header: { label: L.target },
      width: 10,
      format: targetFormat,
      content: (r) => assessmentOf(r)?.target ?? null,
    },
    {
      kind: "cell",
      header: { label: L.gap },
      width: 10,
      format: gapFormat,
      content: (r, x) => {
        const a = assessmentOf(r);
        if (!a) return null;
        return formula(`=IF(OR(${x.ref(5)}="",${x.ref(6)}=""),"",${x.ref(6)}-${x.ref(5)})`, a.gap ?? "");
      },
    },
    {
      kind: "cell",
      header: { label: L.needed },
      width: 11,
      format: "0",
      content: (r) => assessmentOf(r)?.needed ?? null,
    },
    {
      kind: "cell",
      header: { label: L.status },
      width: 11,
      content: (r, x): CellContent => {
        const a = assessmentOf(r);
        if (!a) return null;
        const cmp = a.comparator === ">" ? ">" : ">=";
        const rate = x.ref(5);
        const target = x.ref(6);
        const result = a.gap === null ? "" : a.met ? labels.met : labels.notMet;
        return formula(
          `=IF(OR(${rate}="",${target}=""),"",IF(${rate}${cmp}${target},"${labels.met}","${labels.notMet}"))`,
          result,
        );
      },
    },
  ];
  // The Front-committee indicator and "head or Front committee head" (Nghị định 33/2023, Điều 33
  // khoản 6), with their targets when they have some; printed only when the data has Front data.
  const front = rows.scope.unit.indicators.village_secretary_front;
  const notes: string[] = [];
  if (front.denominator > 0) {
    const knownColumn = columns.length + 1;
    columns.push(
      {
        kind: "sum",
        header: { label: L.known, group: L.front },
        width: 9,
        format: "0",
        value: (r) => r.unit?.indicators.village_secretary_front.denominator ?? 0,
      },
      {
        kind: "sum",
        header: { label: L.count, group: L.front },
        width: 8,
        format: "0",
        // A unit with no Front data is blank here, never "0 villages" (its "with data" column says 0).
        value: (r) => {
          const f = r.unit?.indicators.village_secretary_front;
          return f && f.denominator === 0 ? null : (f?.numerator ?? 0);
        },
      },
      {
        kind: "ratio",
        header: { label: L.rate, group: L.front },
        width: 9,
        format: RATE_FORMAT,
        numerator: knownColumn + 1,
        denominator: knownColumn,
      },
    );
    if (hasTarget(rows.rows, rows.total, "village_secretary_front"))
      columns.push(...targetColumns("village_secretary_front", columns.length, labels, L.front));
    const eitherColumn = columns.length + 1;
    columns.push(
      {
        kind: "sum",
        header: { label: L.count, group: L.either },
        width: 10,
        format: "0",
        value: (r) => r.unit?.indicators.village_secretary_head_or_front.numerator ?? 0,
      },
      {
        kind: "ratio",
        header: { label: L.rate, group: L.either },
        width: 10,
        format: RATE_FORMAT,
        numerator: eitherColumn,
        denominator: 3,
      },
    );
    if (hasTarget(rows.rows, rows.total, "village_secretary_head_or_front"))
      columns.push(...targetColumns("village_secretary_head_or_front", columns.length, labels, L.either));
    notes.push(L.eitherNote);
    if (front.denominator < rows.scope.unit.villages)
      notes.push(
        L.partialData
          .replace("{what}", L.front)
          .replace("{n}", String(front.denominator))
          .replace("{m}", String(rows.scope.unit.villages))
          .replace("{unit}", L.count.replace(/^Số /, "").toLowerCase()),
      );
  } else {
    notes.push(L.noData.replace("{what}", `${L.front}; ${L.either}`));
  }
  // The deadline of the target that applies to the submitting unit (issue 15).
  const scopeTarget = rows.scope.unit.assessments[MAIN_INDICATOR];
  if (scopeTarget?.year != null && scopeTarget.deadline) {
    const [y, m, d] = scopeTarget.deadline.split("-").map(Number);
    notes.unshift(
      (scopeTarget.deadlinePassed ? L.deadlinePassed : L.deadline)
        .replace("{year}", String(scopeTarget.year))
        .replace("{date}", shortDate({ year: y, month: m, day: d }, settings.language)),
    );
  }
  const widths = columns.map((c) => c.width);
  const b = new SheetBuilder(columns.length);
  const blocks = blocksFor(widths);
  const top = writeDocumentHeader(b, settings, labels, "summary", blocks);
  const table = writeUnitTable(b, top, columns, rows);

  // Light red on rates below their target, as runs of rows with the same comparator.
  const all = [...table.placed, { row: table.totalRow, data: rows.total }];
  let start = 0;
  for (let k = 1; k <= all.length; k++) {
    const cmp = assessmentOf(all[start].data)?.comparator ?? ">=";
    if (k < all.length && (assessmentOf(all[k].data)?.comparator ?? ">=") === cmp) continue;
    const first = all[start].row;
    const below = cmp === ">" ? "<=" : "<";
    b.conditionalFill({
      range: cellRange(first, 5, all[k - 1].row, 5),
      formula: `=AND(ISNUMBER($E${first}),ISNUMBER($F${first}),$E${first}${below}$F${first})`,
      fill: BELOW_TARGET_FILL,
      fontColor: BELOW_TARGET_FONT,
    });
    start = k;
  }

  // "Đã nhận báo cáo của n/m đơn vị" under the totals, when submissions are being compiled; which
  // target was applied and where it comes from (docs/reports.md); then the notes on the columns.
  let afterTable = table.totalRow + 1;
  const sources = targetSourceLines([rows.total, ...rows.rows].map(assessmentOf), settings.language);
  for (const line of [...(note ? [note] : []), ...sources, ...notes]) {
    b.block(cellRange(afterTable, 1, afterTable, columns.length), text(line), {
      font: { italic: true, size: 11 },
    });
    afterTable++;
  }
  const last = writeSignature(b, afterTable, settings, labels, blocks);
  b.reserve(last);
  return finishSheet(b, {
    reportId: "summary",
    name: labels.sheetNames.summary,
    widths,
    labels,
    table: {
      headerTop: table.headerTop,
      headerBottom: table.headerBottom,
      bodyTop: table.bodyTop,
      bodyBottom: table.bodyBottom,
      totalRow: table.totalRow,
      left: 1,
      right: columns.length,
    },
    freezeColumns: 2,
  });
}
