import { cellText, isBlank, type CellValue } from "../../core/cells";
import { PROVENANCE_COLUMNS, type ColumnSpec, type SheetSpec } from "../../core/schema/sheets";
import type { Language } from "../../core/summary";
import { foldKey, nameKey } from "../../core/text/normalize";
import { isSettingsSheetName } from "../../report/settingsSheet";
import type { OwnSheet, RowBlock, SheetEdit } from "../../port/writes";
import { freeName, planStandardSheets, type NewSheet } from "../standardSheets";
import { combinedMark, combinedName, SPEC_OF } from "./combined";
import {
  IMPORT_LOG_MARK,
  IMPORT_LOG_WIDTHS,
  importLogName,
  importLogRows,
  importLogValidations,
  type ImportLogEntry,
} from "./importLog";
import type { Parsed, Row } from "./intake";
import type { ImportMode, ImportOptions, ImportWrites, ReceivingState } from "./plan";
import { PROVENANCE_KEYS, provenanceCells, type SubmittingUnit } from "./provenance";
import { DATA_KINDS, fieldCell, readerRows, type DataKind, type SheetLayout } from "./sheetLayout";
import type { WorkbookView } from "./view";

/**
 * The import's last stage, the writes: the rows of the submissions taken, each with its
 * provenance, written into the workbook's standard sheets (a unit's earlier rows replaced in
 * place, the rest appended, sheets created when missing) or into the add-in's combined copies
 * (rewritten whole), and the import log. A description only: the shell applies it (src/port).
 */
export function planWrites(
  receiving: ReceivingState,
  view: WorkbookView,
  accepted: readonly Parsed[],
  entries: readonly ImportLogEntry[],
  mode: ImportMode,
  options: ImportOptions,
  label: string,
): ImportWrites {
  const { copies, layouts, original, copyOf, ownerOf } = view;
  const newRows = (kind: DataKind): Row[] =>
    accepted.flatMap((p) => {
      const cells = provenanceCells({
        sourceFile: p.incoming.file,
        unit: p.unit,
        period: p.manifest.period,
        importedAt: options.importedAt,
      });
      return p.rows[kind].map((r) => ({ cells: withProvenance(r.cells, cells) }));
    });
  const taken = receiving.marks.map((m) => m.name);
  const ownSheets: OwnSheet[] = [];
  const edits: SheetEdit[] = [];
  let create: NewSheet[] = [];
  if (mode === "sheets") {
    const kinds = DATA_KINDS.filter((k) => newRows(k).length > 0 || hasReplaced(original(k), ownerOf));
    if (kinds.some((k) => !original(k))) {
      const foundKinds = new Map(layouts.map((l) => [l.kind, l.grid.name] as const));
      create = [
        ...planStandardSheets(
          {
            sheetNames: taken,
            tableNames: receiving.tables.map((t) => t.name),
            foundKinds,
            settingsSheet: receiving.marks.find((m) => isSettingsSheetName(m.name))?.name ?? null,
            instructionsSheet: receiving.marks.find((m) => m.own === "instructions")?.name ?? null,
          },
          options.language,
          { provenance: true },
        ).create,
      ];
      taken.push(...create.map((s) => s.name));
    }
    for (const kind of kinds) {
      const layout = original(kind);
      const destination = layout
        ? existingDestination(layout)
        : createdDestination(
            create.find((s) => s.kind === kind)!,
            kind,
          );
      const isReplaced = layout ? (r: number) => ownerOf(layout, r) !== null : () => false;
      const rows = kind === "targets" ? newTargets(destination, newRows(kind), isReplaced) : newRows(kind);
      edits.push(sheetEdit(destination, rows, isReplaced, options.language));
    }
  } else {
    for (const kind of DATA_KINDS) {
      const base = copyOf(kind) ?? original(kind);
      const kept = base ? readerRows(label, base).filter((r) => ownerOf(base, r.row) === null) : [];
      const rows = kind === "targets" ? dedupeTargets(kept, newRows(kind)) : newRows(kind);
      if (!copies.has(kind) && kept.length === 0 && rows.length === 0) continue;
      const name = copies.get(kind) ?? freeName(combinedName(kind, options.language), taken);
      if (!copies.has(kind)) taken.push(name);
      ownSheets.push(combinedSheet(kind, name, copies.has(kind), [...kept, ...rows], options.language));
    }
  }
  const logSheet = receiving.marks.find((m) => m.own === IMPORT_LOG_MARK)?.name;
  ownSheets.push({
    name: logSheet ?? freeName(importLogName(options.language), taken),
    mark: IMPORT_LOG_MARK,
    exists: logSheet !== undefined,
    rows: importLogRows([...receiving.log, ...entries], options.language),
    columnWidths: IMPORT_LOG_WIDTHS,
    validations: importLogValidations(options.language),
  });
  return { create, edits, ownSheets, entries };
}

function hasReplaced(
  layout: SheetLayout | undefined,
  ownerOf: (layout: SheetLayout, row: number) => SubmittingUnit | null,
): boolean {
  return !!layout && layout.dataRows.some((r) => ownerOf(layout, r) !== null);
}

function withProvenance(
  cells: ReadonlyMap<string, CellValue>,
  provenance: Readonly<Record<string, string>>,
): ReadonlyMap<string, CellValue> {
  const out = new Map(cells);
  for (const key of PROVENANCE_KEYS) out.set(key, provenance[key]);
  return out;
}

/**
 * Where new rows go (the destination: a standard sheet or a combined copy): its region, fields by
 * column, rows and table. Not to be confused with `targets`, the data kind of yearly targets.
 */
interface Destination {
  readonly sheet: string;
  readonly headerRow: number;
  readonly left: number;
  readonly right: number;
  /** Right-most filled column of any data row (a new column starts after it). */
  readonly usedRight: number;
  readonly columns: ReadonlyMap<string, number>;
  readonly dataRows: readonly number[];
  readonly lastRow: number;
  readonly table: { readonly name: string; readonly top: number; readonly bottom: number } | null;
  readonly spec: SheetSpec;
  /** A data row's cells by field (to find duplicate target rows). */
  readonly cell: (row: number, key: string) => CellValue;
}

function existingDestination(l: SheetLayout): Destination {
  return {
    sheet: l.grid.name,
    headerRow: l.headerRow,
    left: l.left,
    right: l.right,
    usedRight: l.usedRight,
    columns: l.columns,
    dataRows: l.dataRows,
    lastRow: l.lastRow,
    table: l.table,
    spec: SPEC_OF[l.kind],
    cell: (row, key) => fieldCell(l, row, key),
  };
}

/** A standard sheet the import creates: header in row 1, its table with one empty row below. */
function createdDestination(sheet: NewSheet, kind: DataKind): Destination {
  const spec = SPEC_OF[kind];
  const keys = [...spec.columns, ...(spec.provenance ?? [])].map((c) => c.key);
  const width = sheet.rows[0].length;
  return {
    sheet: sheet.name,
    headerRow: 1,
    left: 1,
    right: width,
    usedRight: width,
    columns: new Map(keys.map((k, i) => [k, i + 1])),
    dataRows: [],
    lastRow: 1,
    table: sheet.table ? { name: sheet.table.name, top: 1, bottom: 2 } : null,
    spec,
    cell: () => null,
  };
}

function headerOf(column: ColumnSpec, language: Language): string {
  return language === "en" ? column.en : column.vi;
}

/**
 * The edit of one standard sheet: missing fields and provenance columns added on the right; the
 * new rows written first over the rows they replace (same places), then below the data; replaced
 * rows left over deleted. A table's last row is blanked rather than deleted (a table keeps a row).
 */
function sheetEdit(
  destination: Destination,
  newRows: readonly Row[],
  isReplaced: (row: number) => boolean,
  language: Language,
): SheetEdit {
  const allColumns = [...destination.spec.columns, ...(destination.spec.provenance ?? [])];
  const filled = new Set<string>();
  for (const r of newRows) for (const [k, v] of r.cells) if (!isBlank(v)) filled.add(k);
  const missing = allColumns.filter(
    (c) => !destination.columns.has(c.key) && (filled.has(c.key) || PROVENANCE_COLUMNS.includes(c)),
  );
  const start =
    (destination.table ? destination.right : Math.max(destination.right, destination.usedRight)) + 1;
  const addColumns = missing.map((c, i) => ({ column: start + i, header: headerOf(c, language) }));
  const right = addColumns.length > 0 ? start + addColumns.length - 1 : destination.right;
  const keyAt = new Map<number, string>();
  for (const [key, column] of destination.columns) if (!keyAt.has(column)) keyAt.set(column, key);
  missing.forEach((c, i) => keyAt.set(start + i, c.key));
  const lay = (r: Row): CellValue[] => {
    const out: CellValue[] = [];
    for (let c = destination.left; c <= right; c++) {
      const key = keyAt.get(c);
      out.push(key === undefined ? null : blankAsEmpty(r.cells.get(key) ?? null));
    }
    return out;
  };
  const blank: Row = { cells: new Map(allColumns.map((c) => [c.key, ""])) };

  const slots = destination.dataRows.filter(isReplaced);
  const placed = Math.min(slots.length, newRows.length);
  const writes: RowBlock[] = consecutive(slots.slice(0, placed)).map((block) => {
    const from = slots.indexOf(block.top);
    return { top: block.top, left: destination.left, rows: newRows.slice(from, from + block.count).map(lay) };
  });
  const leftover = slots.slice(placed);
  // A table keeps at least one row: when every row of its body would go, the first is blanked instead.
  if (destination.table && leftover.length > 0) {
    const body: number[] = [];
    for (let r = destination.table.top + 1; r <= destination.table.bottom; r++) body.push(r);
    if (body.every((r) => leftover.includes(r))) {
      const keep = body[0];
      leftover.splice(leftover.indexOf(keep), 1);
      writes.push({ top: keep, left: destination.left, rows: [lay(blank)] });
    }
  }
  const deletes = consecutive(leftover)
    .reverse()
    .map((b) => ({ top: b.top, bottom: b.top + b.count - 1, left: destination.left, right }));
  const extra = newRows.slice(placed);
  let append: SheetEdit["append"] = null;
  if (extra.length > 0) {
    const top = destination.lastRow + 1 - leftover.length;
    let viaTable = 0;
    if (destination.table) {
      const bottom = destination.table.bottom - leftover.filter((r) => r <= destination.table!.bottom).length;
      const inside = Math.max(0, Math.min(extra.length, bottom - top + 1));
      if (top + inside === bottom + 1) viaTable = extra.length - inside;
    }
    append = { top, left: destination.left, rows: extra.map(lay), viaTable };
  }
  return {
    sheet: destination.sheet,
    headerRow: destination.headerRow,
    table: destination.table?.name ?? null,
    addColumns,
    writes,
    deletes,
    append,
  };
}

/** Runs of consecutive numbers in ascending input: their first and how many. */
function consecutive(rows: readonly number[]): { top: number; count: number }[] {
  const sorted = [...rows].sort((a, b) => a - b);
  const out: { top: number; count: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.top + last.count === r) last.count++;
    else out.push({ top: r, count: 1 });
  }
  return out;
}

function blankAsEmpty(v: CellValue): CellValue {
  return v === null ? "" : v;
}

/** The identity of a target row: indicator, unit, level, year (its value is not part of it). */
function targetKey(cell: (key: string) => CellValue): string {
  const t = (key: string): string => {
    const v = cell(key);
    return isBlank(v) ? "" : cellText(v);
  };
  return [foldKey(t("indicator")), nameKey(t("unit")), foldKey(t("level")), t("year").trim()].join("|");
}

/** New target rows not already in the sheet (among its rows that stay) nor earlier in the batch. */
function newTargets(
  destination: Destination,
  rows: readonly Row[],
  isReplaced: (row: number) => boolean,
): Row[] {
  const kept = destination.dataRows.filter((r) => !isReplaced(r));
  return unseenTargets(
    kept.map((r) => targetKey((key) => destination.cell(r, key))),
    rows,
  );
}

function dedupeTargets(kept: readonly Row[], rows: readonly Row[]): Row[] {
  return unseenTargets(
    kept.map((r) => targetKey((k) => r.cells.get(k) ?? null)),
    rows,
  );
}

function unseenTargets(keys: readonly string[], rows: readonly Row[]): Row[] {
  const seen = new Set(keys);
  return rows.filter((r) => {
    const key = targetKey((k) => r.cells.get(k) ?? null);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const WIDTHS: Readonly<Record<string, number>> = {
  province: 12,
  district: 14,
  commune: 16,
  village: 18,
  fullName: 22,
  post: 28,
  secretary: 22,
  head: 22,
  frontHead: 22,
  notes: 24,
  indicator: 28,
  sourceFile: 22,
  submittingUnit: 24,
  period: 12,
  importedAt: 16,
};

/** A combined copy: every field of the standard sheet and the provenance, then the rows. */
function combinedSheet(
  kind: DataKind,
  name: string,
  exists: boolean,
  rows: readonly Row[],
  language: Language,
): OwnSheet {
  const spec = SPEC_OF[kind];
  const columns = [...spec.columns, ...(spec.provenance ?? [])];
  return {
    name,
    mark: combinedMark(kind),
    exists,
    rows: [
      columns.map((c) => headerOf(c, language)),
      ...rows.map((r) => columns.map((c) => blankAsEmpty(r.cells.get(c.key) ?? null))),
    ],
    columnWidths: columns.map((c) => WIDTHS[c.key] ?? 12),
  };
}
