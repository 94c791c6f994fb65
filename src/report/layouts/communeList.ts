import { MAIN_INDICATOR } from "../../core/indicators";
import { nameKey } from "../../core/text/normalize";
import type { Rollup, UnitRollup } from "../../core/rollup/types";
import { cellRange, formula, text, type CellContent, type SheetDescription } from "../description";
import {
  blocksFor,
  finishSheet,
  writeDocumentHeader,
  writeSignature,
  writeTableHeader,
  wrappedLines,
} from "../frame";
import { labelsFor, villageWordsOf } from "../labels";
import { reportScope } from "../scope";
import type { ReportSettings } from "../settings";
import { SheetBuilder } from "../sheetBuilder";
import { RATE_FORMAT } from "../targetColumns";
import { targetSourceLines } from "../targetSource";
import { nameWidth } from "./widths";

/**
 * Report 1 of a commune's own workbook, in the official list layout: one row per village with its
 * cell secretary, its head, "x" when the secretary is also the head (and when also the Front
 * committee head, if the data says), and notes; the counts at the bottom as formulas over the list
 * (=COUNTA of the names, =COUNTIF of the "x"), the rate, and the target with the villages still
 * needed (exact, from the core) and the assessment.
 */
export function communeListReport(rollup: Rollup, settings: ReportSettings, note?: string): SheetDescription {
  const labels = labelsFor(settings.language, villageWordsOf(rollup));
  const L = labels.summary;
  const commune = reportScope(rollup).unit as UnitRollup;
  const villages = rollup.villages.filter((v) => v.communeId === commune.id);
  const withFront = commune.indicators.village_secretary_front.denominator > 0;
  const people = villages.flatMap((v) => [v.secretaryName ?? "", v.headName ?? ""]);
  const header = [
    { label: labels.stt },
    { label: L.village },
    { label: L.secretary },
    { label: L.head },
    { label: L.consolidatedMark },
    ...(withFront ? [{ label: `${L.front} (x)` }] : []),
    { label: L.note },
  ];
  const n = header.length;
  const markColumn = 5;
  const noteColumn = n;
  const widths = [
    6,
    nameWidth(
      villages.map((v) => v.record.village),
      20,
      32,
    ),
    nameWidth(people, 18, 26),
    nameWidth(people, 18, 26),
    13,
    ...(withFront ? [13] : []),
    24,
  ];
  const b = new SheetBuilder(n);
  const blocks = blocksFor(widths);
  const top = writeDocumentHeader(b, settings, labels, "summary", blocks);
  const headerBottom = writeTableHeader(b, top, header, widths);
  const bodyTop = headerBottom + 1;
  villages.forEach((v, i) => {
    const r = bodyTop + i;
    const notes = v.consolidated === null ? labels.toConsolidate.unknown : (v.record.notes ?? "");
    const lines = Math.max(
      wrappedLines(notes, widths[noteColumn - 1]),
      wrappedLines(v.record.village, widths[1]),
    );
    if (lines > 1) b.rowHeight(r, lines * 14 + 3);
    const row: CellContent[] = [
      i + 1,
      text(v.record.village),
      v.secretaryName ? text(v.secretaryName) : null,
      v.headName ? text(v.headName) : null,
      v.consolidated === true ? "x" : null,
    ];
    if (withFront)
      row.push(
        v.record.frontHead && v.secretaryName && sameName(v.record.frontHead, v.secretaryName) ? "x" : null,
      );
    row.push(notes ? text(notes) : null);
    b.setRow(r, row);
  });
  const bodyBottom = bodyTop + villages.length - 1;
  const lastBody = Math.max(bodyBottom, bodyTop - 1);
  b.style(cellRange(bodyTop, 1, Math.max(bodyBottom, bodyTop), n), { border: "thin", font: { size: 11 } });
  b.style(cellRange(bodyTop, 1, Math.max(bodyBottom, bodyTop), 1), { horizontal: "center" });
  b.style(cellRange(bodyTop, markColumn, Math.max(bodyBottom, bodyTop), noteColumn - 1), {
    horizontal: "center",
  });
  b.style(cellRange(bodyTop, noteColumn, Math.max(bodyBottom, bodyTop), noteColumn), { wrap: true });

  // Counts at the bottom: label over columns 1–4, value in the "x" column.
  const names = `B${bodyTop}:B${Math.max(bodyBottom, bodyTop)}`;
  const marks = `E${bodyTop}:E${Math.max(bodyBottom, bodyTop)}`;
  const a = commune.assessments[MAIN_INDICATOR];
  let r = lastBody + 1;
  const countsTop = r;
  const count = (label: string, value: CellContent, format: string): number => {
    b.block(cellRange(r, 1, r, 4), text(label), { font: { bold: true }, horizontal: "right" });
    b.set(r, markColumn, value);
    b.style(cellRange(r, markColumn, r, markColumn), {
      numberFormat: format,
      font: { bold: true },
      horizontal: "center",
    });
    return r++;
  };
  const totalRow = count(L.villagesTotal, formula(`=COUNTA(${names})`, villages.length), "0");
  const doneRow = count(L.consolidatedTotal, formula(`=COUNTIF(${marks},"x")`, commune.consolidated), "0");
  const rateRow = count(
    L.rate,
    formula(
      `=IF(E${totalRow}=0,"",E${doneRow}/E${totalRow})`,
      commune.villages > 0 ? commune.consolidated / commune.villages : "",
    ),
    RATE_FORMAT,
  );
  if (a) {
    const targetRow = count(L.target, a.target, a.comparator === ">" ? `">"${RATE_FORMAT}` : RATE_FORMAT);
    count(L.needed, a.needed, "0");
    const cmp = a.comparator === ">" ? ">" : ">=";
    count(
      L.status,
      formula(
        `=IF(OR(E${rateRow}="",E${targetRow}=""),"",IF(E${rateRow}${cmp}E${targetRow},"${labels.met}","${labels.notMet}"))`,
        a.gap === null ? "" : a.met ? labels.met : labels.notMet,
      ),
      "General",
    );
  }
  b.style(cellRange(countsTop, 1, r - 1, markColumn), { border: "thin", font: { size: 11 } });
  let after = r;
  // Which target was applied and where it comes from (or that none applies), then the note.
  for (const line of [...targetSourceLines([a ?? null], settings.language), ...(note ? [note] : [])]) {
    b.block(cellRange(after, 1, after, n), text(line), { font: { italic: true, size: 11 } });
    after++;
  }
  const last = writeSignature(b, after, settings, labels, blocks);
  b.reserve(last);
  return finishSheet(b, {
    reportId: "summary",
    name: labels.sheetNames.summary,
    widths,
    labels,
    table: { headerTop: top, headerBottom, bodyTop, bodyBottom: lastBody, totalRow, left: 1, right: n },
    freezeColumns: 2,
  });
}

/** Same person's name, as the core compares names (case, spaces, Unicode forms, tone-mark placement). */
const sameName = (a: string, b: string): boolean => nameKey(a) === nameKey(b);
