import { cellText, isBlank, type CellValue } from "../../core/cells";
import type { SheetGrid, WorkbookGrids } from "../../core/grid";
import type { Issue, IssueCode, Message } from "../../core/issues";
import type { VillageRecord } from "../../core/model";
import { analyse, type Analysis } from "../../core/pipeline";
import { findHeaderRow } from "../../core/read/headers";
import { readWorkbooks, type ReadResult } from "../../core/read/readWorkbook";
import { PROVENANCE_COLUMNS, SHEET_SPECS, type ColumnSpec, type SheetSpec } from "../../core/schema/sheets";
import type { Completeness } from "../../core/submission/completeness";
import { diffVillages, type SubmissionDiff } from "../../core/submission/diff";
import type { Language } from "../../core/summary";
import { foldKey, nameKey, unitKey } from "../../core/text/normalize";
import { isSettingsSheetName } from "../../report/settingsSheet";
import type { ImportApply, OwnSheet, RowBlock, SheetEdit } from "../../port/writes";
import { freeName, planStandardSheets, type NewSheet } from "../standardSheets";
import { combinedKind, combinedMark, combinedName, dataWorkbook, SPEC_OF } from "./combined";
import {
  IMPORT_LOG_MARK,
  IMPORT_LOG_WIDTHS,
  importLogName,
  importLogRows,
  latestEntries,
  type ImportLogEntry,
} from "./importLog";
import {
  PROVENANCE_KEYS,
  provenanceCells,
  rowBelongsTo,
  unitCell,
  unitIdentity,
  type Provenance,
  type SubmittingUnit,
} from "./provenance";
import { importCompleteness } from "./reporting";
import { basics, takeSubmissions, type Parsed, type Row } from "./intake";
import {
  DATA_KINDS,
  dataLayouts,
  fieldCell,
  readerRows,
  type DataKind,
  type SheetLayout,
  type TableInfo,
} from "./sheetLayout";

/**
 * Planning an import, without touching the workbook: which submissions are taken (a unit's newest;
 * never one older than what the workbook already holds), what each changes (villages added,
 * removed, flags changed), every conflict the engine finds between the workbook and the new
 * submissions, who will then have reported, and the writes that apply it — rows combined into the
 * workbook's standard sheets, or into the add-in's combined copies, each row with its provenance.
 * The shell applies the writes (through the workbook port, src/port); this module only describes them.
 */

export type ImportMode = "sheets" | "copy";

/** A file the clerk picked: its grids, or why it could not be read. */
export interface IncomingFile {
  readonly file: string;
  readonly workbook: WorkbookGrids | null;
  readonly error: Message | null;
}

/** The receiving workbook as the session reads it. */
export interface ReceivingState {
  /** Its sheets, without the add-in's reports, instructions and log (combined copies included). */
  readonly workbook: WorkbookGrids;
  /** Every sheet's name and the add-in's own mark on it. */
  readonly marks: readonly { readonly name: string; readonly own: string | null }[];
  readonly tables: readonly TableInfo[];
  readonly log: readonly ImportLogEntry[];
}

export interface ImportOptions {
  readonly mode: ImportMode;
  /** Local time of the import, "2026-01-15 10:20". */
  readonly importedAt: string;
  /** The pane's language: new sheet names and headers, the receiving workbook's label. */
  readonly language: Language;
  readonly referenceYear: number;
}

export type SubmissionStatus =
  /** A unit the workbook has no submission of: its rows are added. */
  | "new"
  /** A newer submission of a unit already imported: its rows replace that unit's rows. */
  | "replaces"
  /** Older than the submission of the unit already imported: refused. */
  | "older"
  /** The very submission already imported (same unit, same time): refused. */
  | "same"
  /** Another picked file of the same unit is newer: this one is left out. */
  | "superseded"
  | "not-submission"
  | "unreadable"
  | "no-rows";

export interface SubmissionPreview {
  readonly file: string;
  readonly status: SubmissionStatus;
  /** Why it is refused or left out; null when it is taken. */
  readonly reason: Message | null;
  readonly unit: SubmittingUnit | null;
  readonly period: string | null;
  readonly generatedAt: string | null;
  /** As the submission states them (its manifest). */
  readonly villages: number;
  readonly consolidated: number;
  /** Rows that will be written, by kind. */
  readonly rows: Readonly<Record<DataKind, number>>;
  /** Non-blank rows of its data sheets the reader does not take (totals, captions, rows missing a name). */
  readonly skippedRows: number;
  /** The log entry of the same unit: the one replaced, or the newer one that refuses this file. */
  readonly previous: ImportLogEntry | null;
  /** Against the unit's villages already in the workbook; null when the workbook has none. */
  readonly diff: SubmissionDiff | null;
  /** Rows of this unit's earlier import that are replaced. */
  readonly replacedRows: number;
  /** Villages of the unit's area in the workbook that are not from its import (typed, or another unit's): kept. */
  readonly keptVillages: number;
}

export type { RowBlock, SheetEdit, OwnSheet } from "../../port/writes";

export interface ImportWrites extends ImportApply {
  /** The log entries this import adds. */
  readonly entries: readonly ImportLogEntry[];
}

export interface ImportPlan {
  /** The mode used: "copy" whenever the workbook already has combined copies. */
  readonly mode: ImportMode;
  /** True when combined copies exist, so that the mode cannot be changed. */
  readonly modeLocked: boolean;
  readonly submissions: readonly SubmissionPreview[];
  /** Every conflict between the workbook and the submissions taken, or among them. */
  readonly conflicts: readonly Issue[];
  /** Other issues in the data of the submissions taken (seen in a check after the import). */
  readonly otherIssues: number;
  /** Who will have reported after the import; null when it cannot be said. */
  readonly completeness: Completeness | null;
  /** Why the combined data cannot be read (then nothing is applied); null when it can. */
  readonly unusable: Message | null;
  /** Null when no submission is taken. */
  readonly writes: ImportWrites | null;
}

/** Issues that are conflicts between sources, shown before an import is applied. */
export const CONFLICT_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>([
  "village-in-two-submissions",
  "commune-claimed-twice",
  "commune-in-two-districts",
  "submission-totals-mismatch",
  "submission-other-period",
  "submission-superseded",
  "duplicate-village",
  "mixed-hierarchy",
]);

/** How the open workbook is named in the conflicts' messages. */
export function receivingLabel(language: Language): string {
  return language === "en" ? "this workbook" : "sổ đang mở";
}

/** Plans the import of the picked files into the receiving workbook. Pure: reads nothing, writes nothing. */
export function planImport(
  receiving: ReceivingState,
  incoming: readonly IncomingFile[],
  options: ImportOptions,
): ImportPlan {
  const copies = new Map<DataKind, string>();
  for (const m of receiving.marks) {
    const kind = combinedKind(m.own);
    if (kind && !copies.has(kind)) copies.set(kind, m.name);
  }
  const modeLocked = copies.size > 0;
  const mode: ImportMode = modeLocked ? "copy" : options.mode;

  // 1. What each file is, and which are taken.
  const { previews, accepted } = takeSubmissions(incoming, receiving.log);
  const latest = latestEntries(receiving.log);
  const acceptedUnits = accepted.map((p) => p.unit);

  // 2. The workbook's standard sheets, and which of their rows the submissions taken replace.
  const layouts = dataLayouts(receiving.workbook, receiving.tables);
  const copyNames = new Set(copies.values());
  const original = (kind: DataKind): SheetLayout | undefined =>
    layouts.find((l) => l.kind === kind && !copyNames.has(l.grid.name));
  const copyOf = (kind: DataKind): SheetLayout | undefined =>
    layouts.find((l) => l.grid.name === copies.get(kind));
  const ownerOf = (layout: SheetLayout, row: number): SubmittingUnit | null => {
    const cell = fieldCell(layout, row, "submittingUnit");
    if (isBlank(cell)) return null;
    const place = {
      province: fieldCell(layout, row, "province"),
      district: fieldCell(layout, row, "district"),
    };
    return acceptedUnits.find((u) => rowBelongsTo(cell, place, u)) ?? null;
  };

  // 3. What the engine will see: the workbook without the replaced rows, with the submissions taken.
  const label = receivingLabel(options.language);
  const view = dataWorkbook(receiving.workbook, receiving.marks);
  const viewLayouts = dataLayouts(view, receiving.tables);
  const replacedInView = new Map<string, Map<number, SubmittingUnit>>();
  for (const l of viewLayouts) {
    const rows = new Map<number, SubmittingUnit>();
    for (const r of l.dataRows) {
      const owner = ownerOf(l, r);
      if (owner) rows.set(r, owner);
    }
    replacedInView.set(l.grid.name, rows);
  }
  const hasData = view.sheets.some((g) => !g.report && findHeaderRow(g, SHEET_SPECS) !== null);
  const before: ReadResult | null = hasData ? readWorkbooks([{ ...view, file: label }]) : null;
  const withoutReplaced: WorkbookGrids = {
    file: label,
    sheets: view.sheets.map((g) => blankRows(g, replacedInView.get(g.name))),
  };
  let analysis: Analysis | null = null;
  let unusable: Message | null = null;
  if (accepted.length > 0) {
    const books = [...(hasData ? [withoutReplaced] : []), ...accepted.map((p) => p.workbook)];
    const result = analyse(books, { referenceYear: options.referenceYear });
    if (result.ok) analysis = result.analysis;
    else unusable = result.unusable;
  }
  const acceptedFiles = new Set(accepted.map((p) => p.workbook.file));
  const conflicts = analysis ? analysis.issues.filter((i) => CONFLICT_CODES.has(i.code)) : [];
  const otherIssues = analysis
    ? analysis.issues.filter((i) => !CONFLICT_CODES.has(i.code) && acceptedFiles.has(i.file)).length
    : 0;

  // 4. Per submission taken: the change against the unit's villages already in the workbook.
  for (const p of accepted) {
    const id = unitIdentity(p.unit);
    const area = (before?.dataset.villages ?? []).filter((v) => inArea(v, p.unit));
    const fromImport = area.filter((v) => {
      const owner = replacedInView.get(v.source.sheet)?.get(v.source.row);
      return owner !== undefined && unitIdentity(owner) === id;
    });
    let replacedRows = 0;
    for (const rows of replacedInView.values())
      for (const u of rows.values()) if (unitIdentity(u) === id) replacedRows++;
    const previous = latest.get(id) ?? null;
    previews.set(p.incoming, {
      ...basics(p),
      status: previous || replacedRows > 0 ? "replaces" : "new",
      reason: null,
      previous,
      diff: area.length > 0 ? diffVillages(area, p.read.dataset.villages) : null,
      replacedRows,
      keptVillages: area.length - fromImport.length,
    });
  }

  const entries: ImportLogEntry[] = accepted.map((p) => ({
    unit: p.unit,
    period: p.manifest.period,
    generatedAt: p.manifest.generatedAt,
    file: p.incoming.file,
    importedAt: options.importedAt,
    villages: p.manifest.villages,
    consolidated: p.manifest.consolidated,
  }));
  const completeness = analysis ? importCompleteness(analysis, [...receiving.log, ...entries]) : null;

  // 5. The writes.
  let writes: ImportWrites | null = null;
  if (accepted.length > 0 && !unusable) {
    const provenance = new Map<Parsed, Provenance>(
      accepted.map((p) => [
        p,
        {
          sourceFile: p.incoming.file,
          unit: p.unit,
          period: p.manifest.period,
          importedAt: options.importedAt,
        },
      ]),
    );
    const newRows = (kind: DataKind): Row[] =>
      accepted.flatMap((p) => {
        const cells = provenanceCells(provenance.get(p)!);
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
    });
    writes = { create, edits, ownSheets, entries };
  }

  return {
    mode,
    modeLocked,
    submissions: incoming.map((f) => previews.get(f)!),
    conflicts,
    otherIssues,
    completeness,
    unusable,
    writes,
  };
}

/** True when a village lies in the unit's area (its province, district or commune). */
function inArea(v: VillageRecord, unit: SubmittingUnit): boolean {
  if (unitKey("province", v.province) !== unitKey("province", unit.province)) return false;
  if (unit.level === "province") return true;
  if (unit.level === "district")
    return !!v.district && unitKey("district", v.district) === unitKey("district", unit.name);
  if (unit.district && v.district && unitKey("district", v.district) !== unitKey("district", unit.district))
    return false;
  return unitKey("commune", v.commune) === unitKey("commune", unit.name);
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

/** A grid with the given Excel rows blanked (the rows an import replaces, for the preview's analysis). */
function blankRows(grid: SheetGrid, rows: ReadonlyMap<number, unknown> | undefined): SheetGrid {
  if (!rows || rows.size === 0) return grid;
  const first = grid.firstRow ?? 1;
  return { ...grid, rows: grid.rows.map((r, i) => (rows.has(first + i) ? [] : r)) };
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
  submittingUnit: 18,
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

/** The text of a submitting unit for the pane: "Bình La (xã)". */
export function unitText(unit: SubmittingUnit | null): string {
  return unit ? unitCell(unit) : "";
}
