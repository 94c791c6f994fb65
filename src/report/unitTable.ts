import { columnLetters } from "../core/a1";
import type { Rollup, TotalRollup, UnitRollup, VillageStatus } from "../core/rollup/types";
import { cellRange, formula, text, type CellContent, type Formula } from "./description";
import { writeTableHeader, type HeaderColumn } from "./frame";
import type { Labels } from "./labels";
import { childrenOf, reportScope, unitIndex, type ReportScope } from "./scope";
import type { ProvinceLayout } from "./settings";
import type { SheetBuilder } from "./sheetBuilder";

/**
 * The body of the unit tables (reports 1–4): one row per unit one level below the submitting
 * unit, optionally grouped (a district subtotal row followed by its communes), and a total row.
 * Counts are values on the unit rows; subtotals, totals and rates are formulas over the table's
 * own cells, so a reviewer can audit them and they follow a hand correction of a count.
 */

export interface TableRow {
  readonly kind: "group" | "leaf" | "total";
  readonly label: string;
  readonly stt: CellContent;
  /** The unit of the row; null for a village row. */
  readonly unit: UnitRollup | TotalRollup | null;
  /** The village of a village row (a commune's own report lists its villages). */
  readonly village: VillageStatus | null;
  /** For a group: how many leaf rows follow it. */
  readonly childCount: number;
}

const ROMAN: readonly [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

export function roman(n: number): string {
  let out = "";
  let rest = n;
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

export interface TableRows {
  readonly scope: ReportScope;
  readonly rows: readonly TableRow[];
  readonly total: TableRow;
  /** True when the rows have group (subtotal) rows. */
  readonly nested: boolean;
}

/**
 * The rows of a unit table. `villageRows`: when the submitting unit is a commune, list its villages
 * (report 1); otherwise the commune itself is the only row.
 */
export function tableRows(
  rollup: Rollup,
  layout: ProvinceLayout,
  labels: Labels,
  villageRows: boolean,
): TableRows {
  const scope = reportScope(rollup);
  const byId = unitIndex(rollup);
  const total: TableRow = {
    kind: "total",
    label: labels.total,
    stt: null,
    unit: scope.unit,
    village: null,
    childCount: 0,
  };
  const leaf = (u: UnitRollup, i: number): TableRow => ({
    kind: "leaf",
    label: u.name,
    stt: i + 1,
    unit: u,
    village: null,
    childCount: 0,
  });
  if (scope.unit.level === "commune") {
    const commune = scope.unit;
    if (!villageRows) return { scope, rows: [leaf(commune as UnitRollup, 0)], total, nested: false };
    const villages = rollup.villages.filter((v) => v.communeId === commune.id);
    const rows = villages.map((v, i): TableRow => ({
      kind: "leaf",
      label: v.record.village,
      stt: i + 1,
      unit: null,
      village: v,
      childCount: 0,
    }));
    return { scope, rows, total, nested: false };
  }
  const children = childrenOf(scope.unit, byId);
  const nested = layout === "nested" && children.some((c) => c.level !== "commune" && c.childIds.length > 0);
  if (!nested) return { scope, rows: children.map(leaf), total, nested: false };
  const rows: TableRow[] = [];
  children.forEach((group, g) => {
    const grandchildren = childrenOf(group, byId);
    rows.push({
      kind: "group",
      label: group.name,
      stt: roman(g + 1),
      unit: group,
      village: null,
      childCount: grandchildren.length,
    });
    grandchildren.forEach((u, i) => rows.push(leaf(u, i)));
  });
  return { scope, rows, total, nested: true };
}

/** What the formula of a cell may refer to: its own row, and the letter of any column. */
export interface RowContext {
  readonly row: number;
  readonly col: (column: number) => string;
  /** Address of a column on this row, e.g. ref(3) → "C12". */
  readonly ref: (column: number) => string;
}

export type TableColumn = {
  readonly header: HeaderColumn;
  readonly width: number;
  /** Number format of the column's body cells; per row when a function. */
  readonly format?: string | ((row: TableRow) => string | undefined);
  readonly align?: "left" | "center" | "right";
} & (
  | { readonly kind: "stt" }
  | { readonly kind: "name" }
  /** A count: a value on leaf rows (null = blank), a SUBTOTAL/SUM of the rows below on group and total rows (blank when their value is null: no data). */
  | { readonly kind: "sum"; readonly value: (row: TableRow) => number | null }
  /** numerator / denominator of two columns of the same row, guarded against 0; blank where `blank` says. */
  | {
      readonly kind: "ratio";
      readonly numerator: number;
      readonly denominator: number;
      readonly blank?: (row: TableRow) => boolean;
    }
  /** Anything computed per row by the layout (a target, a value computed exactly in the core, a formula). */
  | { readonly kind: "cell"; readonly content: (row: TableRow, ctx: RowContext) => CellContent }
);

export interface PlacedTable {
  readonly headerTop: number;
  readonly headerBottom: number;
  readonly bodyTop: number;
  readonly bodyBottom: number;
  readonly totalRow: number;
  /** Each body row with its Excel row number. */
  readonly placed: readonly { readonly row: number; readonly data: TableRow }[];
}

/**
 * The context of one row: `ref` from the column letters made once per table (a country's tables
 * have 3,400 rows each), through a method rather than a closure per row.
 */
class RowRefs implements RowContext {
  constructor(
    readonly row: number,
    private readonly letters: readonly string[],
  ) {}

  col(column: number): string {
    return columnLetters(column);
  }

  ref(column: number): string {
    return `${letterOf(this.letters, column)}${this.row}`;
  }
}

/** `columnLetters(column)`, from the letters made for the table's columns when it is one of them. */
function letterOf(letters: readonly string[], column: number): string {
  return column >= 1 && column <= letters.length ? letters[column - 1] : columnLetters(column);
}

/**
 * Writes a unit table at `top`: header, unit rows, total row, with borders, number formats,
 * bold group and total rows. Styles are whole-column runs, not per cell.
 */
export function writeUnitTable(
  b: SheetBuilder,
  top: number,
  columns: readonly TableColumn[],
  rows: TableRows,
): PlacedTable {
  const headerBottom = writeTableHeader(
    b,
    top,
    columns.map((c) => c.header),
    columns.map((c) => c.width),
  );
  const bodyTop = headerBottom + 1;
  const placed: { row: number; data: TableRow }[] = [];
  let r = bodyTop;
  for (const data of rows.rows) placed.push({ row: r++, data });
  const bodyBottom = r - 1;
  const totalRow = r;

  const letters = columns.map((_, i) => columnLetters(i + 1));
  const cellOf = (
    col: TableColumn,
    c: number,
    data: TableRow,
    ctx: RowRefs,
    childTop: number,
    childBottom: number,
  ): CellContent => {
    switch (col.kind) {
      case "stt":
        return data.stt;
      case "name":
        return text(data.label);
      case "sum": {
        const own = col.value(data);
        // A leaf's value; a group or total without any data (null) stays blank, never a 0.
        if (data.kind === "leaf" || own === null) return own;
        if (childBottom < childTop) return own ?? 0;
        const range = `${letters[c - 1]}${childTop}:${letters[c - 1]}${childBottom}`;
        const fn = data.kind === "group" || rows.nested ? `SUBTOTAL(9,${range})` : `SUM(${range})`;
        return formula(`=${fn}`, own ?? 0);
      }
      case "ratio": {
        if (col.blank?.(data)) return null;
        const n = ctx.ref(col.numerator);
        const d = ctx.ref(col.denominator);
        return ratioFormula(
          n,
          d,
          resultOf(columns[col.numerator - 1], data),
          resultOf(columns[col.denominator - 1], data),
        );
      }
      case "cell":
        return col.content(data, ctx);
    }
  };
  const values = (data: TableRow, row: number, childTop: number, childBottom: number): CellContent[] => {
    const ctx = new RowRefs(row, letters);
    const out: CellContent[] = [];
    for (let i = 0; i < columns.length; i++)
      out.push(cellOf(columns[i], i + 1, data, ctx, childTop, childBottom));
    return out;
  };

  for (let k = 0; k < placed.length; k++) {
    const { row, data } = placed[k];
    const childTop = row + 1;
    const childBottom = data.kind === "group" ? row + data.childCount : row;
    b.addRow(row, values(data, row, childTop, childBottom));
  }
  b.addRow(totalRow, values(rows.total, totalRow, bodyTop, bodyBottom));

  // Styles: grid over the whole table; alignment and number formats by column; bold group and total rows.
  const n = columns.length;
  b.style(cellRange(bodyTop, 1, totalRow, n), { border: "thin", font: { size: 11 } });
  columns.forEach((col, i) => {
    const c = i + 1;
    const align = col.align ?? (col.kind === "name" ? "left" : "center");
    b.style(cellRange(bodyTop, c, totalRow, c), { horizontal: align });
    if (typeof col.format === "string")
      b.style(cellRange(bodyTop, c, totalRow, c), { numberFormat: col.format });
  });
  // Per-row formats as runs of consecutive rows with the same format.
  columns.forEach((col, i) => {
    if (typeof col.format !== "function") return;
    const all = [...placed, { row: totalRow, data: rows.total }];
    let start = 0;
    for (let k = 1; k <= all.length; k++) {
      const f = col.format(all[start].data);
      if (k < all.length && col.format(all[k].data) === f) continue;
      if (f !== undefined)
        b.style(cellRange(all[start].row, i + 1, all[k - 1].row, i + 1), { numberFormat: f });
      start = k;
    }
  });
  // Group rows bold, as runs.
  let g = 0;
  while (g < placed.length) {
    if (placed[g].data.kind !== "group") {
      g++;
      continue;
    }
    let end = g;
    while (end + 1 < placed.length && placed[end + 1].data.kind === "group") end++;
    b.style(cellRange(placed[g].row, 1, placed[end].row, n), { font: { bold: true } });
    g = end + 1;
  }
  b.style(cellRange(totalRow, 1, totalRow, n), { font: { bold: true } });
  return { headerTop: top, headerBottom, bodyTop, bodyBottom, totalRow, placed };
}

/** `=IF(C10=0,"",D10/C10)`: a rate from two cells of the table, blank when the denominator is 0. */
export function ratioFormula(
  numerator: string,
  denominator: string,
  n: number | null,
  d: number | null,
): Formula {
  const result = n !== null && d !== null && d !== 0 ? n / d : "";
  return formula(`=IF(${denominator}=0,"",${numerator}/${denominator})`, result);
}

function resultOf(col: TableColumn, data: TableRow): number | null {
  return col.kind === "sum" ? col.value(data) : null;
}
