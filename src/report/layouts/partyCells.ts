import type { Rollup } from "../../core/rollup/types";
import type { SheetDescription } from "../description";
import { blocksFor, finishSheet, writeDocumentHeader, writeSignature } from "../frame";
import { labelsFor, villageWordsOf } from "../labels";
import type { ReportSettings } from "../settings";
import { SheetBuilder } from "../sheetBuilder";
import { tableRows, writeUnitTable, type TableColumn } from "../unitTable";
import { nameWidth } from "./widths";
import { hasTarget, targetColumns } from "../targetColumns";

/**
 * Report 4: village party cells per unit. Villages (C); villages with their own cell (D) and
 * their share of the villages (E = D/C); cells with fewer than 3 members (F) and their share of
 * the cells (G = F/D); party members in village cells (H) and members per cell (I = H/D).
 * The catalogue's denominators agree: small cells and members per cell count over villages with
 * their own cell, which is D.
 */
export function partyCellsReport(rollup: Rollup, settings: ReportSettings): SheetDescription {
  const labels = labelsFor(settings.language, villageWordsOf(rollup));
  const L = labels.cells;
  const rows = tableRows(rollup, settings.provinceLayout, labels, false);
  const columns: TableColumn[] = [
    { kind: "stt", header: { label: labels.stt }, width: 5 },
    { kind: "name", header: { label: labels.unit }, width: nameWidth(rows.rows.map((r) => r.label)) },
    {
      kind: "sum",
      header: { label: L.villages },
      width: 11,
      format: "0",
      value: (r) => r.unit?.indicators.villages_own_cell.denominator ?? 0,
    },
    {
      kind: "sum",
      header: { label: L.count, group: L.ownCell },
      width: 10,
      format: "0",
      value: (r) => r.unit?.indicators.villages_own_cell.numerator ?? 0,
    },
    {
      kind: "ratio",
      header: { label: L.rateOfVillages, group: L.ownCell },
      width: 10,
      format: "0.0%",
      numerator: 4,
      denominator: 3,
    },
  ];
  // Targets (e.g. Lào Cai's 95% of villages with their own cell): target, gap, assessment.
  if (hasTarget(rows.rows, rows.total, "villages_own_cell"))
    columns.push(...targetColumns("villages_own_cell", 5, labels, L.ownCell));
  const smallColumn = columns.length + 1;
  columns.push(
    {
      kind: "sum",
      header: { label: L.count, group: L.smallCells },
      width: 10,
      format: "0",
      value: (r) => r.unit?.indicators.small_cells.numerator ?? 0,
    },
    {
      kind: "ratio",
      header: { label: L.rateOfCells, group: L.smallCells },
      width: 10,
      format: "0.0%",
      numerator: smallColumn,
      denominator: 4,
    },
  );
  if (hasTarget(rows.rows, rows.total, "small_cells"))
    columns.push(...targetColumns("small_cells", smallColumn + 1, labels, L.smallCells));
  const membersColumn = columns.length + 1;
  columns.push(
    {
      kind: "sum",
      header: { label: L.members },
      width: 11,
      format: "0",
      value: (r) => r.unit?.indicators.members_per_cell.numerator ?? 0,
    },
    {
      kind: "ratio",
      header: { label: L.membersPerCell },
      width: 13,
      format: "0.0",
      numerator: membersColumn,
      denominator: 4,
    },
  );
  const widths = columns.map((c) => c.width);
  const b = new SheetBuilder(columns.length);
  const blocks = blocksFor(widths);
  const top = writeDocumentHeader(b, settings, labels, "partyCells", blocks);
  const table = writeUnitTable(b, top, columns, rows);
  const last = writeSignature(b, table.totalRow + 1, settings, labels, blocks);
  b.reserve(last);
  return finishSheet(b, {
    reportId: "partyCells",
    name: labels.sheetNames.partyCells,
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
