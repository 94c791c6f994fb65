import { indicatorSpec, type IndicatorId } from "../../core/indicators";
import type { Rollup } from "../../core/rollup/types";
import { cellRange, text, type ReportId, type SheetDescription } from "../description";
import { hasTarget, targetColumns } from "../targetColumns";
import { communeCount, unitIndex } from "../scope";
import { blocksFor, finishSheet, writeDocumentHeader, writeSignature } from "../frame";
import { labelsFor, villageWordsOf, type Labels } from "../labels";
import type { ReportSettings } from "../settings";
import { SheetBuilder } from "../sheetBuilder";
import { tableRows, writeUnitTable, type TableColumn, type TableRow } from "../unitTable";
import { nameWidth } from "./widths";

/**
 * Reports 2 and 3: a denominator column, then for each indicator its count and its rate
 * (count ÷ denominator, a formula on every row). All the indicators share the denominator
 * (communes with data; village cell secretaries).
 */
export interface IndicatorTableSpec {
  readonly reportId: ReportId;
  readonly indicators: readonly IndicatorId[];
  /** Header of the denominator column. */
  readonly denominatorLabel: (labels: Labels) => string;
  readonly countLabel: (labels: Labels) => string;
  readonly rateLabel: (labels: Labels) => string;
  /** Number format of counts on rows that are single communes (e.g. "x" for yes), if different. */
  readonly singleCommuneCountFormat?: (labels: Labels) => string;
  readonly countWidth: number;
  readonly rateWidth: number;
  /** How many the denominator would count with complete data (villages' secretaries, communes). */
  readonly expected: (row: TableRow) => number;
  /** What the denominator counts, for "có số liệu 87/355 bí thư chi bộ". */
  readonly baseWord: (labels: Labels) => string;
  /** What the table is about, for the note under it ("Chất lượng bí thư chi bộ"). */
  readonly title: (labels: Labels) => string;
}

const RATE_FORMAT = "0.0%";

export function indicatorTableReport(
  rollup: Rollup,
  settings: ReportSettings,
  spec: IndicatorTableSpec,
): SheetDescription {
  const labels = labelsFor(settings.language, villageWordsOf(rollup));
  const rows = tableRows(rollup, settings.provinceLayout, labels, false);
  const first = spec.indicators[0];
  const isCommuneRow = (r: TableRow): boolean => r.kind === "leaf" && r.unit?.level === "commune";
  const countFormat = (r: TableRow): string =>
    spec.singleCommuneCountFormat && isCommuneRow(r) ? spec.singleCommuneCountFormat(labels) : "0";
  const columns: TableColumn[] = [
    { kind: "stt", header: { label: labels.stt }, width: 5 },
    {
      kind: "name",
      header: { label: labels.unit },
      width: nameWidth(
        rows.rows.map((r) => r.label),
        16,
        32,
      ),
    },
    {
      kind: "sum",
      header: { label: spec.denominatorLabel(labels) },
      width: spec.countWidth + 3,
      format: "0",
      // A unit without data: blank and "Chưa có số liệu" in the notes, never a 0 that looks like a count.
      value: (r) =>
        r.unit && r.unit.indicators[first].denominator > 0 ? r.unit.indicators[first].denominator : null,
    },
  ];
  for (const id of spec.indicators) {
    const indicator = indicatorSpec(id);
    const group = settings.language === "en" ? indicator.shortEn : indicator.shortVi;
    const countColumn = columns.length + 1;
    columns.push({
      kind: "sum",
      header: { label: spec.countLabel(labels), group },
      width: spec.countWidth,
      format: spec.singleCommuneCountFormat ? countFormat : "0",
      // A commune without data on its leaders: blank rather than "no" (it is not in the denominator either).
      value: (r) =>
        r.unit && r.unit.indicators[id].denominator > 0 ? r.unit.indicators[id].numerator : null,
    });
    columns.push({
      kind: "ratio",
      header: { label: spec.rateLabel(labels), group },
      width: spec.rateWidth,
      format: RATE_FORMAT,
      numerator: countColumn,
      denominator: 3,
      blank: spec.singleCommuneCountFormat ? isCommuneRow : undefined,
    });
    if (hasTarget(rows.rows, rows.total, id))
      columns.push(...targetColumns(id, columns.length, labels, group));
  }
  // Notes: where data is missing or partial, say so with its base.
  const baseOf = (r: TableRow): number => r.unit?.indicators[first].denominator ?? 0;
  const noteOf = (r: TableRow): string | null => {
    const expected = spec.expected(r);
    const base = baseOf(r);
    if (base === 0) return labels.missing.none;
    if (base < expected)
      return labels.missing.partial.replace("{n}", String(base)).replace("{m}", String(expected));
    return null;
  };
  columns.push({
    kind: "cell",
    header: { label: labels.missing.note },
    width: 16,
    align: "left",
    content: (r) => {
      const n = noteOf(r);
      return n === null ? null : text(n);
    },
  });
  const widths = columns.map((c) => c.width);
  const b = new SheetBuilder(columns.length);
  const blocks = blocksFor(widths);
  const top = writeDocumentHeader(b, settings, labels, spec.reportId, blocks);
  const table = writeUnitTable(b, top, columns, rows);
  let after = table.totalRow + 1;
  const base = baseOf(rows.total);
  const expected = spec.expected(rows.total);
  const what = spec.title(labels);
  const line =
    base === 0
      ? labels.summary.noData.replace("{what}", what)
      : base < expected
        ? labels.summary.partialData
            .replace("{what}", what)
            .replace("{n}", String(base))
            .replace("{m}", String(expected))
            .replace("{unit}", spec.baseWord(labels))
        : null;
  if (line) {
    b.block(cellRange(after, 1, after, columns.length), text(line), { font: { italic: true, size: 11 } });
    after++;
  }
  const last = writeSignature(b, after, settings, labels, blocks);
  b.reserve(last);
  return finishSheet(b, {
    reportId: spec.reportId,
    name: labels.sheetNames[spec.reportId],
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

/** Report 2: commune posts (the Lộc Bình table: 10/21, 11/21, 10/21). */
export function communePostsReport(rollup: Rollup, settings: ReportSettings): SheetDescription {
  const byId = unitIndex(rollup);
  return indicatorTableReport(rollup, settings, {
    reportId: "communePosts",
    indicators: [
      "commune_secretary_committee_chair",
      "commune_secretary_council_chair",
      "commune_deputy_council_chair",
    ],
    denominatorLabel: (l) => l.posts.communes,
    countLabel: (l) => l.posts.count,
    rateLabel: (l) => l.posts.rate,
    singleCommuneCountFormat: () => `"x";"x";""`,
    countWidth: 9,
    rateWidth: 10,
    expected: (r) => (r.unit ? communeCount(r.unit, byId) : 0),
    baseWord: (l) => l.missing.communesUnit,
    title: (l) => (l === labelsFor("en") ? "Commune posts" : "Chức danh chủ chốt cấp xã"),
  });
}

/** Report 3: the quality of village cell secretaries (the Lạng Sơn city and Quan Sơn figures). */
export function secretariesReport(rollup: Rollup, settings: ReportSettings): SheetDescription {
  return indicatorTableReport(rollup, settings, {
    reportId: "secretaries",
    indicators: [
      "secretary_education_12",
      "secretary_theory",
      "secretary_trained",
      "secretary_professional",
      "secretary_university",
      "secretary_women",
      "secretary_minority",
      "secretary_under_40",
    ],
    denominatorLabel: (l) => l.secretaries.secretaries,
    countLabel: (l) => l.secretaries.count,
    rateLabel: (l) => l.secretaries.rate,
    countWidth: 7,
    rateWidth: 8,
    expected: (r) => r.unit?.villages ?? 0,
    baseWord: (l) => l.missing.secretariesUnit,
    title: (l) => (l === labelsFor("en") ? "Quality of cell secretaries" : "Chất lượng bí thư chi bộ"),
  });
}
