import type { IssueCode, Severity } from "../../src/core/issues";
import type { CellInput, SheetDef, WorkbookDef } from "../common/xlsxWrite";
import type { ExpectedCase } from "./format";

/**
 * How a case is written down before the generator turns it into a folder: the input workbooks as
 * data, and the expectation in compact form. Issues are tuples
 * `[code, severity, sheet, cell, ...words the message must contain]`.
 */

export type IssueTuple = readonly [IssueCode, Severity, string, string, ...string[]];

export type CaseInput =
  /** A workbook written with ExcelJS; `cut` keeps only that fraction of its bytes (a broken zip). */
  | { readonly file?: string; readonly workbook: WorkbookDef; readonly cut?: number }
  /** Bytes that are not a workbook at all, written as UTF-8 text (a CSV renamed .xlsx…). */
  | { readonly file?: string; readonly text: string }
  /**
   * A file kept as it is under scripts/cases/fixtures/ (made once by a program the generator cannot
   * run deterministically: a real .xls, a real password-protected .xlsx; see the README there).
   */
  | { readonly file?: string; readonly fixture: string };

export interface CaseDefinition {
  /** Folder name under test/cases/reader/. */
  readonly name: string;
  readonly inputs: readonly CaseInput[];
  readonly expected: Omit<ExpectedCase, "issues"> & { readonly issues: readonly IssueTuple[] };
}

/** One sheet: headers in row 1 (or under `titles`), then the rows. */
export function sheet(
  name: string,
  headers: readonly CellInput[],
  rows: readonly (readonly CellInput[])[],
  options: Partial<SheetDef> = {},
): SheetDef {
  return { name, headers, rows, ...options };
}

/** A case input of one workbook with the given sheets. */
export function workbook(...sheets: SheetDef[]): CaseInput {
  return { workbook: { sheets } };
}

/** The usual first columns of a Villages sheet, as clerks type them. */
export const VILLAGE_HEADERS = [
  "Tỉnh",
  "Huyện",
  "Xã",
  "Thôn",
  "Bí thư chi bộ",
  "Trưởng thôn",
  "Nhất thể hóa",
] as const;

/** A Bình Gia village row in VILLAGE_HEADERS order. */
export function bg(
  commune: string,
  village: string,
  secretary: CellInput,
  head: CellInput,
  flag: CellInput,
): CellInput[] {
  return ["Lạng Sơn", "Bình Gia", commune, village, secretary, head, flag];
}
