import type ExcelJS from "exceljs";
import { OFFICE_HOLDERS, TARGETS, UNITS, VILLAGES, type SheetSpec } from "../../src/core/schema/sheets";
import type { CellInput, SheetDef } from "../common/xlsxWrite";

/**
 * Rows of the three standard sheets as plain objects keyed by the schema's column keys, turned into
 * sheet definitions with the canonical Vietnamese headers of src/core/schema/sheets.ts.
 */

export type Cell = CellInput | undefined;

export interface VillageRow {
  readonly province: string;
  readonly district?: string;
  readonly commune: string;
  readonly village: string;
  readonly communeCode?: string;
  readonly type?: string;
  readonly hasOwnCell?: Cell;
  readonly partyMembers?: Cell;
  readonly secretary?: Cell;
  readonly head?: Cell;
  readonly frontHead?: Cell;
  readonly consolidated?: Cell;
  readonly notes?: string;
}

export interface OfficeHolderRow {
  readonly fullName: string;
  readonly post: string;
  readonly province?: string;
  readonly district?: string;
  readonly commune: string;
  readonly village?: string;
  readonly personId?: string;
  readonly birthYear?: Cell;
  readonly gender?: string;
  readonly ethnicity?: string;
  readonly education?: string;
  readonly professional?: string;
  readonly politicalTheory?: string;
  readonly trained?: Cell;
  /** "Nhiệm kỳ đến": a year, a month or a term, as clerks write it. */
  readonly termEnd?: Cell;
}

export interface TargetRow {
  readonly indicator: string;
  readonly unit?: string;
  readonly level?: string;
  readonly target: Cell;
  readonly comparator?: string;
  readonly year?: number;
}

/** A row of the unit list (`Đơn vị`), keyed by the schema's column keys. */
export interface UnitRow {
  readonly unit: string;
  readonly level?: string;
  readonly province?: string;
  readonly district?: string;
  readonly unitCode?: string;
  readonly parent?: string;
  readonly validFrom?: Cell;
  readonly validTo?: Cell;
  readonly formedFrom?: string;
  readonly deadline?: Cell;
}

export interface SheetLayout {
  /** Sheet name; default the spec's Vietnamese name. */
  readonly name?: string;
  readonly titles?: readonly string[];
  /** Column keys in order; default every column of the spec. */
  readonly columns?: readonly string[];
  readonly table?: boolean;
}

function headerOf(spec: SheetSpec, key: string): string {
  const column = spec.columns.find((c) => c.key === key);
  if (!column) throw new Error(`${spec.en} has no column ${key}`);
  return column.vi;
}

const WIDTHS: Record<string, number> = {
  province: 12,
  district: 18,
  commune: 18,
  village: 18,
  fullName: 24,
  post: 34,
  secretary: 24,
  head: 24,
  frontHead: 24,
  notes: 30,
  indicator: 30,
  parent: 16,
  formedFrom: 34,
};

function sheetOf<R extends object>(spec: SheetSpec, rows: readonly R[], layout: SheetLayout): SheetDef {
  const keys = layout.columns ?? spec.columns.map((c) => c.key);
  return {
    name: layout.name ?? spec.vi,
    titles: layout.titles,
    table: layout.table,
    headers: keys.map((k) => headerOf(spec, k)),
    rows: rows.map((row) => keys.map((k) => ((row as Record<string, Cell>)[k] ?? null) as CellInput)),
    widths: keys.map((k) => WIDTHS[k] ?? 14),
  };
}

export const villageSheet = (rows: readonly VillageRow[], layout: SheetLayout = {}): SheetDef =>
  sheetOf(VILLAGES, rows, layout);

export const officeHolderSheet = (rows: readonly OfficeHolderRow[], layout: SheetLayout = {}): SheetDef =>
  sheetOf(OFFICE_HOLDERS, rows, layout);

export const targetSheet = (rows: readonly TargetRow[], layout: SheetLayout = {}): SheetDef =>
  sheetOf(TARGETS, rows, layout);

export const unitSheet = (rows: readonly UnitRow[], layout: SheetLayout = {}): SheetDef =>
  sheetOf(UNITS, rows, layout);

/** A percentage typed as Excel clerks do: the fraction with a % format. */
export const percent = (value: number): CellInput => ({ value, numFmt: "0%" });

/** A name written in decomposed Unicode (NFD), as pasted from some PDFs and Macs. */
export const decomposed = (name: string): string => name.normalize("NFD");

/** The same name with the old tone-mark placement: Hòa → Hoà, Thủy → Thuỷ, Hóa → Hoá, Thụy → Thuỵ. */
export function oldTonePlacement(name: string): string {
  return name
    .replace(/òa/g, "oà")
    .replace(/óa/g, "oá")
    .replace(/ủy/g, "uỷ")
    .replace(/ụy/g, "uỵ")
    .replace(/úy/g, "uý");
}

/** True when a name has a syllable whose tone mark can be placed two ways. */
export const hasTonePlacementVariant = (name: string): boolean => oldTonePlacement(name) !== name;

export type ExcelValue = ExcelJS.CellValue;
