import type { WorkbookGrids } from "../../core/grid";
import { findHeaderRow } from "../../core/read/headers";
import { OFFICE_HOLDERS, SHEET_SPECS, TARGETS, VILLAGES, type SheetSpec } from "../../core/schema/sheets";
import type { Language } from "../../core/summary";
import type { DataKind } from "./sheetLayout";

/**
 * The combined copy: when the clerk imports "into a combined copy", the rows of the workbook's
 * standard sheets and of the submissions go into the add-in's own sheets ("Thôn (tổng hợp)"…,
 * marked with the worksheet property `nth-rollup-sheet = combined-villages`…), and the clerk's own
 * sheets stay exactly as they were. From then on the data is read from the copies: a kind of sheet
 * that has a combined copy is read from the copy only.
 */

const PREFIX = "combined-";

export function combinedMark(kind: DataKind): string {
  return PREFIX + kind;
}

/** The kind of a combined copy from its mark, or null when the mark is not one. */
export function combinedKind(mark: string | null): DataKind | null {
  if (!mark || !mark.startsWith(PREFIX)) return null;
  const kind = mark.slice(PREFIX.length);
  return kind === "villages" || kind === "officeHolders" || kind === "targets" ? kind : null;
}

export const SPEC_OF: Readonly<Record<DataKind, SheetSpec>> = {
  villages: VILLAGES,
  officeHolders: OFFICE_HOLDERS,
  targets: TARGETS,
};

export function combinedName(kind: DataKind, language: Language): string {
  const spec = SPEC_OF[kind];
  return language === "en" ? `${spec.en} (combined)` : `${spec.vi} (tổng hợp)`;
}

/**
 * The workbook as the engine should read it: a standard sheet of a kind that has a combined copy
 * is left out (the copy holds its rows and the submissions'). Other sheets are unchanged.
 */
export function dataWorkbook(
  workbook: WorkbookGrids,
  marks: readonly { readonly name: string; readonly own: string | null }[],
): WorkbookGrids {
  const copies = new Map<string, DataKind>();
  for (const m of marks) {
    const kind = combinedKind(m.own);
    if (kind) copies.set(m.name, kind);
  }
  if (copies.size === 0) return workbook;
  const copied = new Set(copies.values());
  return {
    ...workbook,
    sheets: workbook.sheets.filter((grid) => {
      if (copies.has(grid.name) || grid.report) return true;
      const header = findHeaderRow(grid, SHEET_SPECS);
      return !header || !copied.has(header.spec.kind as DataKind);
    }),
  };
}
