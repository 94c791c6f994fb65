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
  /** 0-based index into grid.rows. */
  readonly rowIndex: number;
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
  return { spec, rowIndex, matches, duplicates, signatureScore };
}

/**
 * Finds the header row of a sheet and what kind of standard sheet it is, or null when the sheet
 * is not a standard sheet (report sheets, notes, the clerk's own tables).
 * A row qualifies for a kind when it has one of the kind's signature columns and two matched
 * columns in all; among qualifying rows the best signature score wins, then the most matches,
 * then the topmost row.
 */
export function findHeaderRow(grid: SheetGrid, specs: readonly SheetSpec[]): HeaderRow | null {
  let best: HeaderRow | null = null;
  const last = Math.min(grid.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    for (const spec of specs) {
      const candidate = matchHeaderRow(grid, r, spec);
      if (candidate.signatureScore < 1 || candidate.matches.size < 2) continue;
      if (
        !best ||
        candidate.signatureScore > best.signatureScore ||
        (candidate.signatureScore === best.signatureScore && candidate.matches.size > best.matches.size)
      ) {
        best = candidate;
      }
    }
  }
  return best;
}
