import { compareIssues, issue, type Issue } from "../issues";
import type { WorkbookGrids } from "../grid";
import type { ExpectedUnitRecord } from "../model";
import { judgeSheet } from "./candidates";
import { cleanWorkbooks } from "./clean";
import { readSheet } from "./readSheet";
import { expectedUnitRecords } from "./records";

/** A unit list read from its own workbook (the CLI's `--units`): its rows and every issue found. */
export interface UnitListRead {
  readonly units: readonly ExpectedUnitRecord[];
  readonly issues: readonly Issue[];
}

/**
 * Reads the unit list (`Đơn vị` sheets) of workbooks given only for it: every other sheet is
 * ignored without a word (the file may be a whole registry workbook). A workbook with no unit-list
 * sheet is one error naming the file, never an exception.
 */
export function readUnitLists(workbooks: readonly WorkbookGrids[]): UnitListRead {
  const issues: Issue[] = [];
  const units: ExpectedUnitRecord[] = [];
  for (const workbook of cleanWorkbooks(workbooks, issues)) {
    let found = 0;
    for (const grid of workbook.sheets) {
      if (grid.report) continue;
      const judgement = judgeSheet(grid);
      if (!judgement || judgement.why || judgement.header?.spec.kind !== "units") continue;
      found++;
      const read = readSheet(workbook.file, grid, judgement.header, issues);
      for (const row of expectedUnitRecords(read, issues)) units.push(row);
    }
    if (found === 0)
      issues.push(
        issue("no-unit-list", { file: workbook.file, sheet: "", cell: "" }, { file: workbook.file }),
      );
  }
  issues.sort(compareIssues);
  return { units, issues };
}
