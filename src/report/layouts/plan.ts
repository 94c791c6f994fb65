import type { Plan, UnitPlan } from "../../core/plan/plan";
import { dayNumber } from "../../core/plan/pace";
import type { Rollup } from "../../core/rollup/types";
import { cellRange, formula, text, type CellContent, type SheetDescription } from "../description";
import {
  blocksFor,
  finishSheet,
  HEADER_FILL,
  writeDocumentHeader,
  writeSignature,
  writeTableHeader,
} from "../frame";
import { labelsFor, villageWordsOf, type Labels } from "../labels";
import { shortDate, type ReportSettings } from "../settings";
import { SheetBuilder } from "../sheetBuilder";
import { roman } from "../unitTable";
import { nameWidth } from "./widths";

const RATE_FORMAT = "0.0%";
const DATE_FORMAT = "dd/mm/yyyy";
const PACE_FORMAT = "0.0";
/** Excel's serial day number of 1970-01-01 (1900 date system). */
const EXCEL_EPOCH = 25569;

/** The Excel serial number of an ISO date (for a date cell). */
export function excelSerial(iso: string): number | null {
  const day = dayNumber(iso);
  return day === null ? null : day + EXCEL_EPOCH;
}

function dateText(iso: string | null, settings: ReportSettings, L: Labels["plan"]): string {
  if (!iso) return L.noDeadline;
  const [y, m, d] = iso.split("-").map(Number);
  return shortDate({ year: y, month: m, day: d }, settings.language);
}

function percentText(value: number, language: ReportSettings["language"]): string {
  // The target as the clerk typed it (90, 92.5): at most 4 decimals, no binary noise.
  const p = String(Number((value * 100).toFixed(4)));
  return `${language === "vi" ? p.replace(".", ",") : p}%`;
}

/**
 * The planning sheet "Kế hoạch nhất thể hóa" (issue 15). For every province or district with a
 * target on the main indicator: a block row (Roman numeral) with what it needs, then one row per
 * unit below it with its room to improve (villages not consolidated, =C−D), what it needs for its
 * own target, its quota of the parent's shortfall (exact, computed in the core: they sum to the
 * shortfall), the difference, and the rate it reaches with its quota (=(D+G)/C). Under the table:
 * how the quotas were split and why the units' own shortfalls add up differently; then, when a
 * previous period with a date is known, the pace to the deadline as a small table of formulas
 * (per year, the date the target is reached at that pace, the pace needed by the deadline).
 */
export function planReport(rollup: Rollup, plan: Plan, settings: ReportSettings): SheetDescription {
  const labels = labelsFor(settings.language, villageWordsOf(rollup));
  const L = labels.plan;
  const header = [
    { label: labels.stt },
    { label: labels.unit },
    { label: L.villages },
    { label: L.consolidated },
    { label: L.room },
    { label: L.ownNeeded },
    { label: L.quota },
    { label: L.difference },
    { label: L.rateAfter },
    { label: L.note },
  ];
  // Quotas typed by the clerk ("Chỉ tiêu giao" on the Targets sheet): two more columns, K and L,
  // after the note so the computed columns keep their letters.
  const typedAny = plan.units.some((u) => u.children.some((c) => c.typedQuota !== null));
  if (typedAny) header.push({ label: L.typedQuota }, { label: L.typedDifference });
  const n = header.length;
  const names = plan.units.flatMap((u) => [u.name, ...u.children.map((c) => c.name)]);
  const widths = [6, nameWidth(names, 20, 30), 9, 11, 11, 12, 11, 11, 11, 34, ...(typedAny ? [11, 12] : [])];
  const b = new SheetBuilder(n);
  const blocks = blocksFor(widths);
  const top = writeDocumentHeader(b, settings, labels, "plan", blocks);
  const headerBottom = writeTableHeader(b, top, header, widths);
  const bodyTop = headerBottom + 1;
  let r = bodyTop;
  const blockRows: { unit: UnitPlan; row: number }[] = [];

  plan.units.forEach((u, ui) => {
    const blockRow = r++;
    blockRows.push({ unit: u, row: blockRow });
    const first = r;
    const last = r + u.children.length - 1;
    const allocated = u.status === "allocated" || u.status === "met";
    u.children.forEach((c, i) => {
      const row = r++;
      b.setRow(row, [
        i + 1,
        text(c.name),
        c.villages,
        c.consolidated,
        formula(`=C${row}-D${row}`, c.room),
        c.ownNeeded,
        c.quota,
        c.ownNeeded === null || c.quota === null ? null : formula(`=G${row}-F${row}`, c.quota - c.ownNeeded),
        c.quota === null
          ? null
          : formula(
              `=IF(C${row}=0,"",(D${row}+G${row})/C${row})`,
              c.villages === 0 ? "" : (c.consolidated + c.quota) / c.villages,
            ),
        null,
        ...(typedAny
          ? [
              c.typedQuota,
              c.typedQuota === null || c.quota === null
                ? null
                : formula(`=K${row}-G${row}`, c.typedQuota - c.quota),
            ]
          : []),
      ]);
    });
    const sum = (col: string, value: number): CellContent =>
      u.children.length > 0 ? formula(`=SUM(${col}${first}:${col}${last})`, value) : value;
    const cmp = u.comparator === ">" ? L.above : L.atLeast;
    const note =
      u.status === "infeasible"
        ? L.infeasible.replace("{needed}", String(u.needed)).replace("{capacity}", String(u.capacity))
        : u.status === "unreachable"
          ? L.unreachable
          : u.status === "met"
            ? L.met
            : L.blockNote
                .replace("{needed}", String(u.needed))
                .replace("{cmp}", cmp)
                .replace("{target}", percentText(u.target, settings.language))
                .replace("{villages}", String(u.villages))
                .replace("{required}", String(u.required))
                .replace("{deadline}", dateText(u.deadline, settings, L));
    const childSum = (f: (c: UnitPlan["children"][number]) => number): number =>
      u.children.reduce((s, c) => s + f(c), 0);
    b.setRow(blockRow, [
      roman(ui + 1),
      text(u.name),
      sum(
        "C",
        childSum((c) => c.villages),
      ),
      sum(
        "D",
        childSum((c) => c.consolidated),
      ),
      sum("E", u.capacity),
      sum("F", u.ownNeededTotal),
      allocated ? sum("G", u.needed ?? 0) : null,
      allocated ? formula(`=G${blockRow}-F${blockRow}`, (u.needed ?? 0) - u.ownNeededTotal) : null,
      allocated
        ? formula(
            `=IF(C${blockRow}=0,"",(D${blockRow}+G${blockRow})/C${blockRow})`,
            u.villages === 0 ? "" : (u.consolidated + (u.needed ?? 0)) / u.villages,
          )
        : null,
      text(note),
      ...(typedAny
        ? (() => {
            const typedSum = childSum((c) => c.typedQuota ?? 0);
            return [
              sum("K", typedSum),
              allocated ? formula(`=K${blockRow}-G${blockRow}`, typedSum - (u.needed ?? 0)) : null,
            ];
          })()
        : []),
    ]);
  });
  const bodyBottom = r - 1;
  if (plan.units.length === 0) {
    b.block(cellRange(bodyTop, 1, bodyTop, n), text(L.none), {
      horizontal: "center",
      font: { italic: true },
    });
    r = bodyTop + 1;
  } else {
    b.style(cellRange(bodyTop, 1, bodyBottom, n), { border: "thin", font: { size: 11 } });
    b.style(cellRange(bodyTop, 1, bodyBottom, 1), { horizontal: "center" });
    b.style(cellRange(bodyTop, 3, bodyBottom, 8), { horizontal: "center", numberFormat: "0" });
    b.style(cellRange(bodyTop, 9, bodyBottom, 9), { horizontal: "center", numberFormat: RATE_FORMAT });
    b.style(cellRange(bodyTop, 2, bodyBottom, 2), { wrap: true });
    b.style(cellRange(bodyTop, 10, bodyBottom, 10), { wrap: true, font: { size: 10 } });
    b.style(cellRange(bodyTop, 7, bodyBottom, 7), { font: { bold: true } });
    if (typedAny)
      b.style(cellRange(bodyTop, 11, bodyBottom, 12), { horizontal: "center", numberFormat: "0" });
    for (const { row } of blockRows) {
      b.style(cellRange(row, 1, row, n), { font: { bold: true }, fill: "#F2F2F2" });
      b.rowHeight(row, 32);
    }
  }

  // Under the table: how the quotas were split, why the units' own shortfalls differ; the pace.
  const line = (content: string, italic = true): void => {
    b.block(cellRange(r, 1, r, n), text(content), { font: { italic, size: 11 }, wrap: true });
    b.rowHeight(r, content.length > 150 ? 30 : 16);
    r++;
  };
  if (plan.units.length > 0) {
    r++;
    line(plan.basis === "ownTargets" ? L.basisOwn : L.basisRoom);
  }
  for (const u of plan.units) {
    if (u.status !== "allocated" && u.status !== "met") continue;
    const own = u.ownNeededTotal;
    const needed = u.needed ?? 0;
    if (u.children.some((c) => c.ownNeeded !== null))
      line(
        (own === needed ? L.sameTotal : L.whyDifferent)
          .replace(/\{own\}/g, String(own))
          .replace(/\{needed\}/g, String(needed))
          .replace(/\{unit\}/g, u.name)
          .replace(/\{diff\}/g, String(Math.abs(own - needed))),
      );
  }
  let anyPace = false;
  for (const { unit: u, row: blockRow } of blockRows) {
    const pace = u.pace;
    if (!pace) continue;
    anyPace = true;
    r++;
    b.block(cellRange(r, 2, r, n), text(L.paceTitle.replace("{unit}", u.name)), { font: { bold: true } });
    r++;
    const headRow = r++;
    b.block(cellRange(headRow, 2, headRow, 6), text(L.paceItem));
    b.block(cellRange(headRow, 7, headRow, 8), text(L.paceValue));
    b.style(cellRange(headRow, 2, headRow, 8), {
      font: { bold: true, size: 11 },
      fill: HEADER_FILL,
      horizontal: "center",
      border: "thin",
    });
    const rows: { label: string; value: CellContent; format?: string }[] = [];
    const at = (k: number): string => `G${headRow + 1 + k}`;
    const needed = `G${blockRow}`;
    rows.push({ label: L.previousDate, value: excelSerial(pace.from.date), format: DATE_FORMAT }); // 0
    rows.push({ label: L.previousCount, value: pace.from.consolidated, format: "0" }); // 1
    rows.push({ label: L.currentDate, value: excelSerial(pace.to.date), format: DATE_FORMAT }); // 2
    rows.push({ label: L.currentCount, value: formula(`=D${blockRow}`, pace.to.consolidated), format: "0" }); // 3
    rows.push({
      label: L.perYear,
      value: formula(`=(${at(3)}-${at(1)})*365/(${at(2)}-${at(0)})`, pace.perYear),
      format: PACE_FORMAT,
    }); // 4
    const reached = pace.reachedOn === null ? L.never : excelSerial(pace.reachedOn);
    rows.push({
      label: L.reachedOn,
      value: formula(
        `=IF(${needed}<=0,${at(2)},IF(${at(3)}-${at(1)}<=0,"${L.never}",${at(2)}+ROUNDUP(${needed}*(${at(2)}-${at(0)})/(${at(3)}-${at(1)}),0)))`,
        reached,
      ),
      format: DATE_FORMAT,
    }); // 5
    if (pace.deadline !== null) {
      rows.push({ label: L.deadline, value: excelSerial(pace.deadline), format: DATE_FORMAT }); // 6
      rows.push({
        label: L.neededPerYear,
        value: formula(
          `=IF(${at(6)}-${at(2)}<=0,"",${needed}*365/(${at(6)}-${at(2)}))`,
          pace.neededPerYear ?? "",
        ),
        format: PACE_FORMAT,
      }); // 7
      rows.push({
        label: L.verdict,
        value: formula(
          `=IF(AND(ISNUMBER(${at(5)}),${at(5)}<=${at(6)}),"${L.onTime}","${L.late}")`,
          pace.onTime ? L.onTime : L.late,
        ),
      }); // 8
    }
    for (const item of rows) {
      b.block(cellRange(r, 2, r, 6), text(item.label));
      b.block(cellRange(r, 7, r, 8), item.value);
      b.style(cellRange(r, 2, r, 8), { border: "thin", font: { size: 11 } });
      b.style(cellRange(r, 7, r, 8), {
        horizontal: "center",
        ...(item.format ? { numberFormat: item.format } : {}),
      });
      r++;
    }
  }
  if (!anyPace && plan.units.some((u) => u.status === "allocated")) {
    r++;
    line(L.noPrevious);
  }
  const last = writeSignature(b, r, settings, labels, blocks);
  b.reserve(last);
  const sheet = finishSheet(b, {
    reportId: "plan",
    name: labels.sheetNames.plan,
    widths,
    labels,
    table: {
      headerTop: top,
      headerBottom,
      bodyTop,
      bodyBottom: plan.units.length ? bodyBottom : bodyTop,
      totalRow: null,
      left: 1,
      right: n,
    },
    freezeColumns: 2,
  });
  // One district's plan (its communes, the notes, the pace) reads best on one page.
  if (last > PLAN_ONE_PAGE_ROWS) return sheet;
  return { ...sheet, print: { ...sheet.print, fitToPagesTall: 1, pageBreaks: [] } };
}

/** Up to this many rows the planning sheet prints on one page (one district of ~20 communes). */
const PLAN_ONE_PAGE_ROWS = 80;
