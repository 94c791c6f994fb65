import { indicatorSpec, type IndicatorId } from "../../core/indicators";
import type { Rollup } from "../../core/rollup/types";
import type { ReportId, SheetDescription } from "../description";
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
      value: (r) => r.unit?.indicators[first].denominator ?? 0,
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
        r.unit && r.unit.indicators[id].denominator > 0
          ? r.unit.indicators[id].numerator
          : spec.singleCommuneCountFormat && isCommuneRow(r)
            ? null
            : 0,
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
  }
  const widths = columns.map((c) => c.width);
  const b = new SheetBuilder(columns.length);
  const blocks = blocksFor(widths);
  const top = writeDocumentHeader(b, settings, labels, spec.reportId, blocks);
  const table = writeUnitTable(b, top, columns, rows);
  const last = writeSignature(b, table.totalRow + 1, settings, labels, blocks);
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
  });
}
