import { quoteSheetName } from "../../core/a1";
import type { Issue } from "../../core/issues";
import { cellRange, formula, text, type CellContent, type SheetDescription } from "../description";
import {
  blocksFor,
  finishSheet,
  writeDocumentHeader,
  writeSignature,
  writeTableHeader,
  wrappedLines,
} from "../frame";
import { labelsFor } from "../labels";
import type { ReportSettings } from "../settings";
import { SheetBuilder } from "../sheetBuilder";

/** Height of a line of 11-point Times New Roman, in points. */
const LINE_HEIGHT = 14;

export interface DataCheckOptions {
  /**
   * Whether an issue's sheet is in the workbook the report is written into (then its cell becomes
   * a link). By default: issues of the open workbook (file label ""), which is the Excel add-in case;
   * the CLI writes a separate file, so its issues (labelled with their input file) are plain text.
   */
  readonly inThisWorkbook?: (issue: Issue) => boolean;
}

/** `=HYPERLINK("#'Thôn'!B7","B7")`: a link to a cell of this workbook (quotes doubled inside the string). */
export function cellLink(sheet: string, cell: string): string {
  const target = `#${quoteSheetName(sheet)}!${cell}`.replace(/"/g, '""');
  return `=HYPERLINK("${target}","${cell.replace(/"/g, '""')}")`;
}

/**
 * Report 6: every issue found in the input, in the order of the core (file, sheet, row, column),
 * with a link to its cell when that cell is in this workbook, else the file name and the cell as
 * text. Errors are shown in dark red by one conditional format.
 */
export function dataCheckReport(
  issues: readonly Issue[],
  settings: ReportSettings,
  options: DataCheckOptions = {},
): SheetDescription {
  const labels = labelsFor(settings.language);
  const L = labels.dataCheck;
  const inThisWorkbook = options.inThisWorkbook ?? ((i: Issue) => i.file === "");
  const header = [
    { label: labels.stt },
    { label: L.severity },
    { label: L.file },
    { label: L.sheet },
    { label: L.cell },
    { label: L.message },
  ];
  let fileWidth = 12;
  let sheetWidth = 12;
  for (const i of issues) {
    fileWidth = Math.max(fileWidth, Math.min(30, i.file.length + 2));
    sheetWidth = Math.max(sheetWidth, Math.min(24, i.sheet.length + 2));
  }
  const widths = [6, 11, fileWidth, sheetWidth, 9, 70];
  const b = new SheetBuilder(header.length);
  const blocks = blocksFor(widths);
  const top = writeDocumentHeader(b, settings, labels, "dataCheck", blocks);
  const headerBottom = writeTableHeader(b, top, header, widths);
  const bodyTop = headerBottom + 1;
  const severity = { error: L.error, warning: L.warning, info: L.info };
  issues.forEach((issue, k) => {
    const lines = Math.max(
      wrappedLines(issue.message[settings.language], widths[5]),
      wrappedLines(issue.file, widths[2]),
      wrappedLines(issue.sheet, widths[3]),
    );
    if (lines > 1) b.rowHeight(bodyTop + k, lines * LINE_HEIGHT + 3);
    let cell: CellContent = null;
    if (issue.cell)
      cell =
        issue.sheet && inThisWorkbook(issue)
          ? formula(cellLink(issue.sheet, issue.cell), issue.cell)
          : text(issue.cell);
    b.setRow(bodyTop + k, [
      k + 1,
      text(severity[issue.severity]),
      text(issue.file || L.thisWorkbook),
      issue.sheet ? text(issue.sheet) : null,
      cell,
      text(issue.message[settings.language]),
    ]);
  });
  const n = header.length;
  let bodyBottom = bodyTop + issues.length - 1;
  if (issues.length === 0) {
    b.block(cellRange(bodyTop, 1, bodyTop, n), text(L.none), {
      horizontal: "center",
      font: { italic: true },
      border: "thin",
    });
    bodyBottom = bodyTop;
  } else {
    b.style(cellRange(bodyTop, 1, bodyBottom, n), { border: "thin", font: { size: 11 }, vertical: "top" });
    b.style(cellRange(bodyTop, 1, bodyBottom, 2), { horizontal: "center" });
    b.style(cellRange(bodyTop, 5, bodyBottom, 5), { horizontal: "center" });
    b.style(cellRange(bodyTop, 3, bodyBottom, 4), { wrap: true });
    b.style(cellRange(bodyTop, 6, bodyBottom, 6), { wrap: true });
    b.autoFitRows(bodyTop, bodyBottom);
    // Links look like links: runs of consecutive linked rows.
    let start = -1;
    issues.forEach((issue, k) => {
      const linked = issue.cell !== "" && issue.sheet !== "" && inThisWorkbook(issue);
      if (linked && start < 0) start = k;
      const endsRun = start >= 0 && (!linked || k === issues.length - 1);
      if (endsRun) {
        const end = linked ? k : k - 1;
        b.style(cellRange(bodyTop + start, 5, bodyTop + end, 5), {
          font: { color: "#0563C1", underline: true },
        });
        start = -1;
      }
    });
    b.conditionalFill({
      range: cellRange(bodyTop, 2, bodyBottom, 2),
      formula: `=$B${bodyTop}="${L.error}"`,
      fontColor: "#9C0006",
      bold: true,
    });
  }
  const last = writeSignature(b, bodyBottom + 1, settings, labels, blocks);
  b.reserve(last);
  return finishSheet(b, {
    reportId: "dataCheck",
    name: labels.sheetNames.dataCheck,
    widths,
    labels,
    table: { headerTop: top, headerBottom, bodyTop, bodyBottom, totalRow: null, left: 1, right: n },
    freezeColumns: 0,
  });
}
