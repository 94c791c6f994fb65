import { isBlank } from "../../core/cells";
import type { SheetGrid, WorkbookGrids } from "../../core/grid";
import { findHeaderRow } from "../../core/read/headers";
import { cleanWorkbooks } from "../../core/read/clean";
import { readWorkbooks, type ReadResult } from "../../core/read/readWorkbook";
import { SHEET_SPECS } from "../../core/schema/sheets";
import { combinedKind, dataWorkbook } from "./combined";
import { importKey, rowBelongsTo, unitIdentity, type SubmittingUnit } from "./provenance";
import { dataLayouts, fieldCell, type DataKind, type SheetLayout } from "./sheetLayout";
import type { ReceivingState } from "./plan";

/**
 * The import's second stage, the view: what the open workbook holds — its standard sheets and
 * combined copies with their rows, which of those rows the submissions taken replace (their
 * provenance names one of the units), what the reader reads in it now, and what the engine will
 * read once those rows are gone. Every grid is cleaned first as the reader cleans it (TCVN3/VNI
 * text, invisible characters: src/core/read/clean.ts), so headers are found as the reader finds them.
 */
export interface WorkbookView {
  /** The receiving workbook's sheets, cleaned. */
  readonly workbook: WorkbookGrids;
  /** The add-in's combined copies, by kind: sheet name. */
  readonly copies: ReadonlyMap<DataKind, string>;
  /** Every standard sheet and combined copy, laid out. */
  readonly layouts: readonly SheetLayout[];
  /** The clerk's own standard sheet of a kind (not a combined copy). */
  readonly original: (kind: DataKind) => SheetLayout | undefined;
  /** The combined copy of a kind. */
  readonly copyOf: (kind: DataKind) => SheetLayout | undefined;
  /** The submission taken whose unit a row of a sheet came from by an earlier import; null if none. */
  readonly ownerOf: (layout: SheetLayout, row: number) => SubmittingUnit | null;
  /** The rows the engine reads that the import replaces, by sheet: Excel row to its unit. */
  readonly replaced: ReadonlyMap<string, ReadonlyMap<number, SubmittingUnit>>;
  /** What the reader reads in the workbook today; null when it has no standard sheet. */
  readonly before: ReadResult | null;
  /** The workbook as the engine will see it, without the replaced rows; null when it has no standard sheet. */
  readonly remaining: WorkbookGrids | null;
}

/** The combined copies a workbook already has, by kind (the first of each kind). */
export function combinedCopies(
  marks: readonly { readonly name: string; readonly own: string | null }[],
): Map<DataKind, string> {
  const copies = new Map<DataKind, string>();
  for (const m of marks) {
    const kind = combinedKind(m.own);
    if (kind && !copies.has(kind)) copies.set(kind, m.name);
  }
  return copies;
}

/** The receiving workbook as the import sees it, for the units of the submissions taken; `label` names it in issues. */
export function viewWorkbook(
  receiving: ReceivingState,
  units: readonly SubmittingUnit[],
  label: string,
): WorkbookView {
  const [workbook] = cleanWorkbooks([receiving.workbook], []);
  const copies = combinedCopies(receiving.marks);
  const layouts = dataLayouts(workbook, receiving.tables);
  const copyNames = new Set(copies.values());
  const original = (kind: DataKind): SheetLayout | undefined =>
    layouts.find((l) => l.kind === kind && !copyNames.has(l.grid.name));
  const copyOf = (kind: DataKind): SheetLayout | undefined =>
    layouts.find((l) => l.grid.name === copies.get(kind));
  // The units the workbook's rows may be of: a row is never claimed by a unit that only does not
  // contradict it when it is exactly one of these (`rowBelongsTo`).
  const known = new Set([...receiving.log.map((e) => unitIdentity(e.unit)), ...units.map(unitIdentity)]);
  // The units each import recorded in the log wrote rows for, by source file and import time.
  const logged = new Map<string, SubmittingUnit[]>();
  for (const e of receiving.log) {
    const key = importKey(e.file, e.importedAt);
    const list = logged.get(key);
    if (list) list.push(e.unit);
    else logged.set(key, [e.unit]);
  }
  const ownerOf = (layout: SheetLayout, row: number): SubmittingUnit | null => {
    const cell = fieldCell(layout, row, "submittingUnit");
    if (isBlank(cell)) return null;
    const place = {
      province: fieldCell(layout, row, "province"),
      district: fieldCell(layout, row, "district"),
    };
    const writers =
      logged.get(importKey(fieldCell(layout, row, "sourceFile"), fieldCell(layout, row, "importedAt"))) ?? [];
    return units.find((u) => rowBelongsTo(cell, place, u, known, writers)) ?? null;
  };

  const read = dataWorkbook(workbook, receiving.marks);
  const replaced = new Map<string, Map<number, SubmittingUnit>>();
  for (const l of dataLayouts(read, receiving.tables)) {
    const rows = new Map<number, SubmittingUnit>();
    for (const r of l.dataRows) {
      const owner = ownerOf(l, r);
      if (owner) rows.set(r, owner);
    }
    replaced.set(l.grid.name, rows);
  }
  const hasData = read.sheets.some((g) => !g.report && findHeaderRow(g, SHEET_SPECS) !== null);
  return {
    workbook,
    copies,
    layouts,
    original,
    copyOf,
    ownerOf,
    replaced,
    before: hasData ? readWorkbooks([{ ...read, file: label }]) : null,
    remaining: hasData
      ? { file: label, sheets: read.sheets.map((g) => blankRows(g, replaced.get(g.name))) }
      : null,
  };
}

/** A grid with the given Excel rows blanked (the rows an import replaces, for the preview's analysis). */
function blankRows(grid: SheetGrid, rows: ReadonlyMap<number, unknown> | undefined): SheetGrid {
  if (!rows || rows.size === 0) return grid;
  const first = grid.firstRow ?? 1;
  return { ...grid, rows: grid.rows.map((r, i) => (rows.has(first + i) ? [] : r)) };
}
