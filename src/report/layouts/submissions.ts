import type { UnitLevel } from "../../core/rollup/types";
import type { Completeness } from "../../core/submission/completeness";
import { REVIEW_TEXT } from "../../core/submission/acceptance";
import { shortHash } from "../../core/submission/contentHash";
import type { UnitChange } from "../../core/submission/compare";
import { cellRange, formula, text, type CellContent, type SheetDescription } from "../description";
import {
  blocksFor,
  finishSheet,
  wrappedLines,
  writeDocumentHeader,
  writeSignature,
  writeTableHeader,
} from "../frame";
import { labelsFor, type Labels } from "../labels";
import type { ReportSettings } from "../settings";
import { SheetBuilder } from "../sheetBuilder";

const RATE_FORMAT = "0.0%";
const LEVEL_NAMES: Record<"vi" | "en", Record<UnitLevel, string>> = {
  vi: { province: "Tỉnh", district: "Huyện", commune: "Xã" },
  en: { province: "Province", district: "District", commune: "Commune" },
};

/** "Đã nhận báo cáo của 2/3 đơn vị": the line the summary's totals carry when completeness is known. */
export function reportedOfText(c: Completeness, labels: Labels): string {
  return labels.completeness.reportedOf.replace("{n}", String(c.reported)).replace("{m}", String(c.expected));
}

/**
 * Completeness (as DHIS2 reports it): each expected unit, whether it has submitted, late or not
 * at all, its file and times; a count per status and "n/m units reported" under the table. Missing
 * and late units are highlighted by conditional formats on the status text. When the submissions
 * carry content hashes or the receiving level's reviews, four more columns: the hash (short form),
 * whether the data still matches it, the review (chờ xem xét / đã nhận / trả lại / nộp lại sau khi
 * trả) and its note. Those headers are the ones `--decisions` reads, so this sheet, with its
 * "Tiếp nhận" column edited, serves as the next run's decisions.
 */
export function completenessReport(c: Completeness, settings: ReportSettings): SheetDescription {
  const labels = labelsFor(settings.language);
  const L = labels.completeness;
  const header = [
    { label: labels.stt },
    { label: labels.unit },
    { label: L.level },
    { label: L.status },
    { label: L.file },
    { label: L.submittedAt },
    { label: L.deadline },
  ];
  const reviewed = c.units.some((u) => u.contentHash !== null || u.review !== null);
  if (reviewed) header.push({ label: L.hash }, { label: L.check }, { label: L.review }, { label: L.note });
  const nameWidth = Math.min(40, Math.max(20, ...c.units.map((u) => u.name.length + 2)));
  const fileWidth = Math.min(36, Math.max(14, ...c.units.map((u) => (u.file ?? "").length + 2)));
  const noteWidth = Math.min(40, Math.max(16, ...c.units.map((u) => (u.note ?? "").length + 2)));
  const widths = [6, nameWidth, 10, 12, fileWidth, 18, 12, ...(reviewed ? [11, 14, 14, noteWidth] : [])];
  const b = new SheetBuilder(header.length);
  const blocks = blocksFor(widths);
  const top = writeDocumentHeader(b, settings, labels, "completeness", blocks);
  const headerBottom = writeTableHeader(b, top, header, widths);
  const bodyTop = headerBottom + 1;
  const statusText = { reported: L.reported, late: L.late, missing: L.missing };
  c.units.forEach((u, k) => {
    b.setRow(bodyTop + k, [
      k + 1,
      text(u.name),
      u.level ? text(LEVEL_NAMES[settings.language][u.level]) : null,
      text(statusText[u.status]),
      u.file ? text(u.file) : null,
      u.submittedAt ? text(u.submittedAt.slice(0, 16).replace("T", " ")) : null,
      u.deadline ? text(formatDate(u.deadline)) : null,
      ...(reviewed
        ? [
            u.contentHash ? text(shortHash(u.contentHash)) : null,
            u.content ? text(L.content[u.content]) : null,
            u.review ? text(REVIEW_TEXT[u.review][settings.language]) : null,
            u.note ? text(u.note) : null,
          ]
        : []),
    ]);
  });
  const bodyBottom = bodyTop + Math.max(c.units.length, 1) - 1;
  const n = header.length;
  b.style(cellRange(bodyTop, 1, bodyBottom, n), { border: "thin", font: { size: 11 } });
  b.style(cellRange(bodyTop, 1, bodyBottom, 1), { horizontal: "center" });
  b.style(cellRange(bodyTop, 3, bodyBottom, 4), { horizontal: "center" });
  b.style(cellRange(bodyTop, 6, bodyBottom, 7), { horizontal: "center" });
  b.conditionalFill({
    range: cellRange(bodyTop, 4, bodyBottom, 4),
    formula: `=$D${bodyTop}="${L.missing}"`,
    fill: "#FFC7CE",
    fontColor: "#9C0006",
  });
  b.conditionalFill({
    range: cellRange(bodyTop, 4, bodyBottom, 4),
    formula: `=$D${bodyTop}="${L.late}"`,
    fill: "#FFEB9C",
    fontColor: "#9C5700",
  });
  if (reviewed) {
    b.style(cellRange(bodyTop, 8, bodyBottom, 10), { horizontal: "center" });
    const reviewFill = (
      state: "accepted" | "returned" | "resubmitted",
      fill: string,
      fontColor: string,
    ): void =>
      b.conditionalFill({
        range: cellRange(bodyTop, 10, bodyBottom, 10),
        formula: `=$J${bodyTop}="${REVIEW_TEXT[state][settings.language]}"`,
        fill,
        fontColor,
      });
    reviewFill("accepted", "#C6EFCE", "#006100");
    reviewFill("returned", "#FFC7CE", "#9C0006");
    reviewFill("resubmitted", "#FFEB9C", "#9C5700");
    b.conditionalFill({
      range: cellRange(bodyTop, 9, bodyBottom, 9),
      formula: `=$I${bodyTop}="${L.content.edited}"`,
      fill: "#FFC7CE",
      fontColor: "#9C0006",
    });
  }
  // Totals: counted by formulas over the status column, so a corrected status recounts.
  const statusRange = `D${bodyTop}:D${bodyBottom}`;
  let r = bodyBottom + 1;
  const totals: [string, CellContent][] = [
    [
      L.reported,
      formula(
        `=COUNTIF(${statusRange},"${L.reported}")`,
        c.units.filter((u) => u.status === "reported").length,
      ),
    ],
    [
      L.late,
      formula(`=COUNTIF(${statusRange},"${L.late}")`, c.units.filter((u) => u.status === "late").length),
    ],
    [
      L.missing,
      formula(
        `=COUNTIF(${statusRange},"${L.missing}")`,
        c.units.filter((u) => u.status === "missing").length,
      ),
    ],
  ];
  for (const [label, value] of totals) {
    b.block(cellRange(r, 1, r, 3), text(label), { font: { bold: true }, border: "thin" });
    b.set(r, 4, value);
    b.style(cellRange(r, 4, r, 4), { horizontal: "center", font: { bold: true }, border: "thin" });
    r++;
  }
  b.block(cellRange(r, 1, r, n), text(`${reportedOfText(c, labels)}. ${L.basis[c.basis]}`), {
    font: { italic: true },
  });
  const last = writeSignature(b, r, settings, labels, blocks);
  b.reserve(last);
  return finishSheet(b, {
    reportId: "completeness",
    name: labels.sheetNames.completeness,
    widths,
    labels,
    table: { headerTop: top, headerBottom, bodyTop, bodyBottom, totalRow: null, left: 1, right: n },
    freezeColumns: 2,
  });
}

function formatDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d}/${m}/${y}`;
}

/**
 * The comparison with the previous period, on today's map (the previous figures re-aggregated onto
 * today's units: core/units/remap.ts): per unit, villages, consolidated and the rate, each then,
 * now and the change, and what changed in the unit's make-up (old communes it was formed from,
 * villages merged or split). Changes are formulas over the row.
 */
export function comparisonReport(changes: readonly UnitChange[], settings: ReportSettings): SheetDescription {
  const labels = labelsFor(settings.language);
  const L = labels.comparison;
  const header = [
    { label: labels.stt },
    { label: labels.unit },
    { label: L.previous, group: L.villages },
    { label: L.current, group: L.villages },
    { label: L.change, group: L.villages },
    { label: L.previous, group: L.consolidated },
    { label: L.current, group: L.consolidated },
    { label: L.change, group: L.consolidated },
    { label: L.previous, group: L.rate },
    { label: L.current, group: L.rate },
    { label: L.change, group: L.rate },
    { label: L.notes },
  ];
  const nameWidth = Math.min(40, Math.max(20, ...changes.map((c) => c.name.length + 4)));
  const widths = [6, nameWidth, 8, 8, 8, 10, 10, 10, 9, 9, 9, 44];
  const b = new SheetBuilder(header.length);
  const blocks = blocksFor(widths);
  const top = writeDocumentHeader(b, settings, labels, "comparison", blocks);
  const headerBottom = writeTableHeader(b, top, header, widths);
  const bodyTop = headerBottom + 1;
  const rows = changes.filter((c) => c.level !== "total");
  const total = changes.find((c) => c.level === "total");
  const all = total ? [...rows, total] : rows;
  const lang = settings.language;
  all.forEach((c, k) => {
    const r = bodyTop + k;
    const isTotal = c.level === "total";
    const none = c.previousConsolidated === null;
    // No previous figure: said in the notes column (the change columns are too narrow for it).
    const noteText = [...(none ? [L.newUnit] : []), ...c.notes.map((n) => n[lang])].join("; ");
    b.setRow(r, [
      isTotal ? null : k + 1,
      text(isTotal ? labels.total : c.level === "commune" ? `   ${c.name}` : c.name),
      c.previousVillages,
      c.villages,
      none ? null : formula(`=D${r}-C${r}`, c.villagesChange),
      c.previousConsolidated,
      c.consolidated,
      none ? null : formula(`=G${r}-F${r}`, c.consolidatedChange),
      c.previousRate,
      formula(`=IF(D${r}=0,"",G${r}/D${r})`, c.rate ?? ""),
      c.rateChange === null ? null : formula(`=IF(OR(I${r}="",J${r}=""),"",J${r}-I${r})`, c.rateChange),
      noteText !== "" ? text(noteText) : null,
    ]);
    const lines = wrappedLines(noteText, widths[11]);
    if (lines > 1) b.rowHeight(r, lines * 13 + 3);
    if (isTotal || c.level !== "commune")
      b.style(cellRange(r, 1, r, header.length), { font: { bold: true } });
  });
  const bodyBottom = bodyTop + Math.max(all.length, 1) - 1;
  const n = header.length;
  b.style(cellRange(bodyTop, 1, bodyBottom, n), { border: "thin", font: { size: 11 } });
  b.style(cellRange(bodyTop, 1, bodyBottom, 1), { horizontal: "center" });
  b.style(cellRange(bodyTop, 3, bodyBottom, 8), { horizontal: "center", numberFormat: "0" });
  b.style(cellRange(bodyTop, 5, bodyBottom, 5), { numberFormat: "+0;-0;0" });
  b.style(cellRange(bodyTop, 8, bodyBottom, 8), { numberFormat: "+0;-0;0" });
  b.style(cellRange(bodyTop, 9, bodyBottom, 10), { horizontal: "center", numberFormat: RATE_FORMAT });
  b.style(cellRange(bodyTop, 11, bodyBottom, 11), { horizontal: "center", numberFormat: "+0.0%;-0.0%;0.0%" });
  b.style(cellRange(bodyTop, 12, bodyBottom, 12), { wrap: true, font: { size: 10 }, vertical: "top" });
  b.autoFitRows(bodyTop, bodyBottom);
  const last = writeSignature(b, bodyBottom + 1, settings, labels, blocks);
  b.reserve(last);
  return finishSheet(b, {
    reportId: "comparison",
    name: labels.sheetNames.comparison,
    widths,
    labels,
    table: {
      headerTop: top,
      headerBottom,
      bodyTop,
      bodyBottom,
      totalRow: total ? bodyBottom : null,
      left: 1,
      right: n,
    },
    freezeColumns: 2,
  });
}
