import { MAIN_INDICATOR } from "../../core/indicators";
import type { OfficeHolderRecord } from "../../core/model";
import { rankVillages, type RankedVillage, type RankReason } from "../../core/plan/ranking";
import type { Rollup, UnitRollup } from "../../core/rollup/types";
import { cellRange, formula, text, type SheetDescription } from "../description";
import {
  blocksFor,
  finishSheet,
  writeDocumentHeader,
  writeSignature,
  writeTableHeader,
  wrappedLines,
} from "../frame";
import { labelsFor, villageWordsOf, type Labels } from "../labels";
import { reportScope } from "../scope";
import { shortDate, type ReportSettings } from "../settings";
import { SheetBuilder } from "../sheetBuilder";
import { roman } from "../unitTable";
import { widthForLongest } from "./widths";

/**
 * Report 5: the action list. Every village not yet consolidated (or unknown), grouped by commune
 * in tree order; each commune row counts its villages (=COUNTA of the names below it) and shows
 * how many more villages it needs for its target (a value computed exactly in the core). The
 * total row sums the commune counts and shows what the submitting unit still needs.
 *
 * Commune rows are told apart by their Roman-numeral STT: one conditional format makes them bold
 * and shaded, so the writers apply a single rule instead of a style per commune.
 *
 * Where to look first (issue 15, `core/plan/ranking.ts`): the last two columns give each village
 * its priority (1 = closest to consolidating, over the whole sheet) and the reasons in words; within
 * a commune the villages with a priority come first, in its order.
 */
/** "the head's term ends on 30/6/2026" (labels' wording): a reason to look at a village first. */
export function termEndText(
  r: Extract<RankReason, { kind: "termEnds" }>,
  L: Labels["toConsolidate"],
  language: ReportSettings["language"],
): string {
  const [y, m, d] = r.date.split("-").map(Number);
  return L.reasonTermEnds
    .replace("{who}", r.who === "head" ? L.headWord : L.secretaryWord)
    .replace("{date}", shortDate({ year: y, month: m, day: d }, language));
}

/**
 * The rows of a commune's villages from row `r`, each with its height when a text wraps; returns
 * the next row. Its own function: a country's 34,000 rows make it hot, and it is optimised alone.
 */
function writeVillages(
  b: SheetBuilder,
  r: number,
  villages: readonly RankedVillage[],
  widths: readonly number[],
  unknown: string,
  reasonsOf: (x: RankedVillage) => string,
): number {
  for (let i = 0; i < villages.length; i++) {
    const x = villages[i];
    const v = x.village;
    const note = v.consolidated === null ? unknown : (v.record.notes ?? "");
    const reasons = reasonsOf(x);
    const lines = Math.max(
      wrappedLines(note, widths[6]),
      wrappedLines(reasons, widths[8]),
      wrappedLines(v.record.village, widths[1]),
      wrappedLines(v.secretaryName ?? "", widths[2]),
      wrappedLines(v.headName ?? "", widths[3]),
    );
    if (lines > 1) b.rowHeight(r, lines * 14 + 3);
    b.addRow(r++, [
      i + 1,
      text(v.record.village),
      v.secretaryName ? text(v.secretaryName) : null,
      v.headName ? text(v.headName) : null,
      null,
      null,
      note ? text(note) : null,
      x.rank,
      reasons ? text(reasons) : null,
    ]);
  }
  return r;
}

export function toConsolidateReport(
  rollup: Rollup,
  settings: ReportSettings,
  officeHolders: readonly OfficeHolderRecord[] = [],
): SheetDescription {
  const labels = labelsFor(settings.language, villageWordsOf(rollup));
  const L = labels.toConsolidate;
  const scope = reportScope(rollup);
  // Each commune's villages with their ranks, those with a priority first in its order (a stable
  // sort on the rank, the villages without one last; a list without a rank is already in order).
  const byCommune = new Map<string, RankedVillage[]>();
  const ranked = rankVillages(rollup, officeHolders);
  let lastId: string | undefined;
  let list: RankedVillage[] | undefined;
  const withRank = new Set<RankedVillage[]>();
  for (let i = 0; i < ranked.length; i++) {
    const x = ranked[i];
    if (x.village.communeId !== lastId) {
      lastId = x.village.communeId;
      list = byCommune.get(lastId);
      if (!list) byCommune.set(lastId, (list = []));
    }
    list!.push(x);
    if (x.rank !== null) withRank.add(list!);
  }
  const priority = (x: RankedVillage): number => x.rank ?? Number.MAX_SAFE_INTEGER;
  for (const l of withRank) if (l.length > 1) l.sort((a, b) => priority(a) - priority(b));
  // A term's end in words, made once per person and date (a few hundred dates for a country's villages).
  const termEndTexts = { head: new Map<string, string>(), secretary: new Map<string, string>() };
  const reasonText = (r: RankReason): string => {
    if (r.kind === "front") return L.reasonFront;
    if (r.kind === "headMember") return L.reasonHeadMember;
    const made = termEndTexts[r.who];
    let words = made.get(r.date);
    if (words === undefined) made.set(r.date, (words = termEndText(r, L, settings.language)));
    return words;
  };
  const reasonsOf = (x: RankedVillage): string =>
    x.reasons.length === 1 ? reasonText(x.reasons[0]) : x.reasons.map(reasonText).join("; ");
  const communes = rollup.units.filter((u) => u.level === "commune" && byCommune.has(u.id));
  const manyDistricts = new Set(communes.map((c) => c.district ?? "")).size > 1 || scope.level === "total";
  const communeLabel = (c: UnitRollup): string =>
    manyDistricts && (c.district ?? c.province) ? `${c.name} (${c.district ?? c.province})` : c.name;

  // The longest names, for the widths: commune labels and villages; secretaries and heads.
  const labelOf = new Map<UnitRollup, string>();
  let longestName = 0;
  for (const c of communes) {
    const label = communeLabel(c);
    labelOf.set(c, label);
    if (label.length > longestName) longestName = label.length;
  }
  let longestPerson = 0;
  for (const villages of byCommune.values())
    for (let i = 0; i < villages.length; i++) {
      const v = villages[i].village;
      if (v.record.village.length > longestName) longestName = v.record.village.length;
      if (v.secretaryName && v.secretaryName.length > longestPerson) longestPerson = v.secretaryName.length;
      if (v.headName && v.headName.length > longestPerson) longestPerson = v.headName.length;
    }

  const header = [
    { label: labels.stt },
    { label: L.village },
    { label: L.secretary },
    { label: L.head },
    { label: L.notConsolidated },
    { label: L.needed },
    { label: L.note },
    { label: L.rank },
    { label: L.reasons },
  ];
  const widths = [
    6,
    widthForLongest(longestName, 22, 40),
    widthForLongest(longestPerson, 18, 26),
    widthForLongest(longestPerson, 18, 26),
    13,
    14,
    22,
    10,
    30,
  ];
  const b = new SheetBuilder(header.length);
  const blocks = blocksFor(widths);
  const top = writeDocumentHeader(b, settings, labels, "toConsolidate", blocks);
  const headerBottom = writeTableHeader(b, top, header, widths);
  const bodyTop = headerBottom + 1;
  let r = bodyTop;
  for (let ci = 0; ci < communes.length; ci++) {
    const commune = communes[ci];
    const villages = byCommune.get(commune.id)!;
    const a = commune.assessments[MAIN_INDICATOR];
    b.addRow(r, [
      roman(ci + 1),
      text(labelOf.get(commune)!),
      null,
      null,
      formula(`=COUNTA(B${r + 1}:B${r + villages.length})`, villages.length),
      a ? a.needed : null,
      a ? null : text(L.noTarget),
      null,
      null,
    ]);
    r = writeVillages(b, r + 1, villages, widths, L.unknown, reasonsOf);
  }
  const bodyBottom = r - 1;
  const totalRow = r;
  const n = header.length;
  if (communes.length === 0) {
    b.block(cellRange(totalRow, 1, totalRow, n), text(L.none), {
      horizontal: "center",
      font: { italic: true },
    });
  } else {
    const scopeAssessment = scope.unit.assessments[MAIN_INDICATOR];
    let notConsolidated = 0;
    for (const list of byCommune.values()) notConsolidated += list.length;
    b.setRow(totalRow, [
      null,
      text(labels.total),
      null,
      null,
      formula(`=SUM(E${bodyTop}:E${bodyBottom})`, notConsolidated),
      scopeAssessment ? scopeAssessment.needed : null,
      null,
      null,
      null,
    ]);
    b.style(cellRange(bodyTop, 1, totalRow, n), { border: "thin", font: { size: 11 } });
    b.style(cellRange(bodyTop, 1, totalRow, 1), { horizontal: "center" });
    b.style(cellRange(bodyTop, 5, totalRow, 6), { horizontal: "center", numberFormat: "0" });
    b.style(cellRange(bodyTop, 2, totalRow, 4), { wrap: true });
    b.style(cellRange(bodyTop, 7, totalRow, 7), { wrap: true });
    b.style(cellRange(bodyTop, 8, totalRow, 8), { horizontal: "center", numberFormat: "0" });
    b.style(cellRange(bodyTop, 9, totalRow, 9), { wrap: true, font: { size: 10 } });
    b.autoFitRows(bodyTop, totalRow);
    b.style(cellRange(totalRow, 1, totalRow, n), { font: { bold: true } });
    b.conditionalFill({
      range: cellRange(bodyTop, 1, bodyBottom, n),
      formula: `=ISTEXT($A${bodyTop})`,
      fill: "#F2F2F2",
      bold: true,
    });
  }
  const last = writeSignature(b, totalRow + 1, settings, labels, blocks);
  b.reserve(last);
  return finishSheet(b, {
    reportId: "toConsolidate",
    name: labels.sheetNames.toConsolidate,
    widths,
    labels,
    table: {
      headerTop: top,
      headerBottom,
      bodyTop,
      bodyBottom,
      totalRow: communes.length ? totalRow : null,
      left: 1,
      right: n,
    },
    freezeColumns: 2,
  });
}
