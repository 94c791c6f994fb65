import { cellText, isBlank, type CellValue } from "../cells";
import { foldKey } from "../text/normalize";
import type { SheetGrid } from "../grid";
import { cellAt } from "../grid";
import type { ColumnSpec, SheetSpec } from "../schema/sheets";

/** How far down a sheet to look for its header row (title rows above it are normal). */
export const HEADER_SCAN_ROWS = 30;

/** A header cell's matching key: no parenthesised hints, no "*" marks, then `foldKey`. */
export function headerKey(value: CellValue): string {
  if (isBlank(value)) return "";
  return foldKey(
    cellText(value)
      .replace(/\([^)]*\)/g, " ")
      .replace(/[*:]/g, " "),
  );
}

const aliasIndex = new WeakMap<SheetSpec, Map<string, ColumnSpec>>();

function aliasesOf(spec: SheetSpec): Map<string, ColumnSpec> {
  let index = aliasIndex.get(spec);
  if (!index) {
    index = new Map();
    for (const column of [...spec.columns, ...(spec.provenance ?? [])]) {
      for (const name of [column.vi, column.en, ...column.aliases]) {
        const key = headerKey(name);
        if (!index.has(key)) index.set(key, column);
      }
    }
    aliasIndex.set(spec, index);
  }
  return index;
}

/** A header cell that matched a column: which column, and where (0-based index into the grid row). */
export interface HeaderMatch {
  readonly column: ColumnSpec;
  readonly index: number;
}

export interface HeaderRow {
  readonly spec: SheetSpec;
  /**
   * 0-based index into grid.rows of the row of column names: the last row of the header, so data
   * begins under it. For a two-row header, the lower row.
   */
  readonly rowIndex: number;
  /** 0-based index of the first header row: `rowIndex - 1` for a two-row header, else `rowIndex`. */
  readonly topIndex: number;
  /** First match of each column key. */
  readonly matches: ReadonlyMap<string, HeaderMatch>;
  /** Later cells that matched a column already matched (duplicated headers). */
  readonly duplicates: readonly HeaderMatch[];
  readonly signatureScore: number;
}

/** Matches one grid row against one sheet spec. */
export function matchHeaderRow(grid: SheetGrid, rowIndex: number, spec: SheetSpec): HeaderRow {
  const aliases = aliasesOf(spec);
  const matches = new Map<string, HeaderMatch>();
  const duplicates: HeaderMatch[] = [];
  const row = grid.rows[rowIndex] ?? [];
  for (let c = 0; c < row.length; c++) {
    const key = headerKey(cellAt(grid, rowIndex, c));
    if (!key) continue;
    const column = aliases.get(key);
    if (!column) continue;
    if (matches.has(column.key)) duplicates.push({ column, index: c });
    else matches.set(column.key, { column, index: c });
  }
  const signatureScore = spec.signature.filter((k) => matches.has(k)).length;
  return { spec, rowIndex, topIndex: rowIndex, matches, duplicates, signatureScore };
}

/** Header words that mean "the person's name": under a post ("Bí thư chi bộ" over "Họ và tên") they name that post's column. */
const PERSON_NAME_KEYS = new Set(["hovaten", "hoten", "ten", "name", "fullname"]);

/**
 * Matches a header of two rows: a group row (e.g. "Địa bàn" merged over Tỉnh | Huyện | Xã | Thôn,
 * "Họ và tên" over Bí thư | Trưởng thôn) above the row of names, where a name may also be merged
 * down over both rows (then it is in the upper cell, the lower one blank). A lower "Họ và tên" under
 * a post ("Bí thư chi bộ", "Trưởng thôn") is that post's column; the group cells themselves are not
 * columns. `top` is the upper row's index.
 */
export function matchTwoRowHeader(
  grid: SheetGrid,
  top: number,
  spec: SheetSpec,
): HeaderRow & { readonly namesBelow: boolean } {
  const aliases = aliasesOf(spec);
  const lower = top + 1;
  const width = Math.max(grid.rows[top]?.length ?? 0, grid.rows[lower]?.length ?? 0);
  // The group over each column: the upper cell, or the merged range of the upper row covering it.
  const groups: CellValue[] = [];
  for (let c = 0; c < width; c++) groups.push(cellAt(grid, top, c));
  const firstRow = grid.firstRow ?? 1;
  const firstColumn = grid.firstColumn ?? 1;
  for (const m of grid.merges ?? []) {
    if (m.top - firstRow !== top || m.right <= m.left) continue;
    const value = cellAt(grid, top, m.left - firstColumn);
    for (let c = Math.max(0, m.left - firstColumn); c <= m.right - firstColumn && c < width; c++)
      groups[c] = value;
  }
  const matches = new Map<string, HeaderMatch>();
  const duplicates: HeaderMatch[] = [];
  let lowerCells = 0;
  let lowerNames = 0;
  let lowerNumbers = 0;
  for (let c = 0; c < width; c++) {
    const name = cellAt(grid, lower, c);
    let column: ColumnSpec | undefined;
    if (!isBlank(name)) {
      lowerCells++;
      if (typeof name !== "string") lowerNumbers++;
    }
    if (isBlank(name)) {
      // Merged down over both rows (or typed in the upper row only): the upper cell is the name.
      column = aliases.get(headerKey(cellAt(grid, top, c)));
    } else {
      const key = headerKey(name);
      const group = isBlank(groups[c]) ? undefined : aliases.get(headerKey(groups[c]));
      column =
        PERSON_NAME_KEYS.has(key) && group && group.type === "text" ? group : (aliases.get(key) ?? undefined);
    }
    if (!column) continue;
    if (!isBlank(name)) lowerNames++;
    if (matches.has(column.key)) duplicates.push({ column, index: c });
    else matches.set(column.key, { column, index: c });
  }
  const signatureScore = spec.signature.filter((k) => matches.has(k)).length;
  // The lower row reads as names (no numbers, at least half of its cells columns), not as a data row.
  const namesBelow = lowerNumbers === 0 && lowerNames > 0 && lowerNames * 2 >= lowerCells;
  return { spec, rowIndex: lower, topIndex: top, matches, duplicates, signatureScore, namesBelow };
}

function better(a: HeaderRow, b: HeaderRow | null): boolean {
  return (
    !b ||
    a.signatureScore > b.signatureScore ||
    (a.signatureScore === b.signatureScore && a.matches.size > b.matches.size)
  );
}

/**
 * Finds the header of a sheet and what kind of standard sheet it is, or null when the sheet is not
 * a standard sheet (report sheets, notes, the clerk's own tables). The header is one row, or two
 * (see `matchTwoRowHeader`) when the two rows together name more columns than either alone.
 * A header qualifies for a kind when it has one of the kind's signature columns and two matched
 * columns in all; among qualifying headers the best signature score wins, then the most matches,
 * then the topmost.
 */
export function findHeaderRow(grid: SheetGrid, specs: readonly SheetSpec[]): HeaderRow | null {
  let best: HeaderRow | null = null;
  const last = Math.min(grid.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    for (const spec of specs) {
      let candidate = matchHeaderRow(grid, r, spec);
      if (r + 1 < grid.rows.length && !isBlankRow(grid.rows[r])) {
        // Two rows when together they name more columns than either alone, or as many as the upper
        // row when the lower one is a row of names under groups ("Họ và tên" under "Bí thư chi bộ").
        const two = matchTwoRowHeader(grid, r, spec);
        const size = candidate.matches.size;
        if (two.matches.size > size || (two.namesBelow && two.matches.size === size && size > 0)) {
          const below = matchHeaderRow(grid, r + 1, spec);
          if (better(two, below)) candidate = two;
        }
      }
      if (candidate.signatureScore < 1 || candidate.matches.size < 2) continue;
      if (better(candidate, best)) best = candidate;
    }
  }
  return best;
}

function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  return !row || row.every(isBlank);
}
