import { generate, SIZES } from "../../bench/generator/generate";
import { analyse } from "../../src/core/pipeline";
import { text, type CellContent } from "../../src/report/description";
import { personRow, PROFESSIONAL, THEORY, type Person } from "../../src/report/layouts/annex";
import { SheetBuilder } from "../../src/report/sheetBuilder";
import { rankVillages, type RankReason } from "../../src/core/plan/ranking";
import { labelsFor, villageWordsOf } from "../../src/report/labels";
import { termEndText, toConsolidateReport } from "../../src/report/layouts/toConsolidate";
import { plainText } from "../../src/report/description";
import { MAIN_INDICATOR } from "../../src/core/indicators";
import type { Assessment, Rollup, TotalRollup, UnitRollup } from "../../src/core/rollup/types";
import { settingsFor } from "./fixtures";
import fc from "fast-check";
import { wrappedLines } from "../../src/report/frame";
import { nameWidth, widthForLongest } from "../../src/report/layouts/widths";

/**
 * Fast paths of the descriptions against their plain definitions: the annex's person rows (cells
 * of repeated texts made once and shared), SheetBuilder.setRow (a whole next row copied) and addRow
 * (a whole next row kept), the wrapped lines counted in place, widths from the longest length, and
 * report 5's villages in order without sorting a commune that has no rank.
 */

/** Lines of a wrapped text as first written: the words of `split(/\s+/)`. */
function plainWrappedLines(text: string, width: number, charWidth = 0.85): number {
  const room = Math.max(width - 1, 1);
  if (text.length * charWidth <= room) return 1;
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/)) {
    if (word === "") continue;
    const len = word.length * charWidth;
    if (used > 0 && used + charWidth + len > room) {
      lines += 1 + Math.floor(len / room);
      used = len % room;
    } else used += (used > 0 ? charWidth : 0) + len;
  }
  return lines;
}

/** Every UTF-16 code unit `\s` matches, and a few that it does not but look alike. */
const SPACES = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).filter((c) => /\s/.test(c));
const NOT_SPACES = ["\u180e", "\u200b", "\u0085", "\u2060", "_", "-", "/"];

/** The annex's row of a person, each cell made on its own. */
function plainPersonRow(k: number, p: Person): CellContent[] {
  const r = p.record;
  if (!r) return [k, text(p.name), text(p.what), null, null, null, null, null, null];
  return [
    k,
    text(p.name),
    text(p.what),
    r.birthYear,
    r.gender ? text(r.gender === "female" ? "Nữ" : "Nam") : null,
    r.ethnicity ? text(r.ethnicity) : null,
    r.educationYears !== null ? text(`${r.educationYears}/12`) : null,
    r.professional ? text(PROFESSIONAL[r.professional]) : null,
    r.politicalTheory ? text(THEORY[r.politicalTheory]) : null,
  ];
}

describe("description fast paths equal their plain definitions", () => {
  test("the annex's person rows, for every office-holder of generated data", () => {
    const result = analyse([generate(SIZES.district).workbook], { referenceYear: 2025 });
    if (!result.ok) throw new Error(result.unusable.en);
    const holders = result.analysis.read.dataset.officeHolders;
    const cache = new Map<number, CellContent>();
    const people: Person[] = [
      ...holders.map((h) => ({ name: h.fullName, what: h.village ?? h.commune, record: h })),
      ...holders.map((h) => ({ name: h.fullName, what: "Chủ tịch UBND", record: null })),
      // Data the generator does not make: every level, odd education years, no details at all.
      ...Object.keys(PROFESSIONAL).map((professional, i) => ({
        name: "Lê Thị Hoa",
        what: "=1+1",
        record: {
          ...holders[0],
          professional,
          politicalTheory: Object.keys(THEORY)[i % 4],
          educationYears: [0, 7, 10, 12, 100, 9, 9][i],
          gender: i % 2 ? "female" : "male",
          ethnicity: i % 2 ? "Tày" : null,
        } as Person["record"],
      })),
      { name: "Nguyễn Văn A", what: "x", record: { ...holders[0], educationYears: null, gender: null } },
    ];
    expect(holders.length).toBeGreaterThan(100);
    people.forEach((p, i) => expect(personRow(i + 1, p, cache)).toEqual(plainPersonRow(i + 1, p)));
    expect(cache.size).toBeGreaterThan(3);
  });

  test("setRow: rows given whole, short, out of order or over earlier cells", () => {
    const fast = new SheetBuilder(4);
    const rows: CellContent[][] = [];
    const plainSet = (row: number, contents: readonly CellContent[]): void => {
      while (rows.length < row) rows.push([null, null, null, null]);
      contents.forEach((c, i) => (rows[row - 1][i] = c));
    };
    const steps: [number, CellContent[]][] = [
      [1, [1, "a", null, 2]],
      [2, ["b"]],
      [5, [3, 4, 5, 6]],
      [6, [7, 8, 9, 10]],
      [3, [11, null, 12, 13]],
      [6, [null, "c"]],
      [7, [14, 15, 16, 17]],
    ];
    for (const [row, contents] of steps) {
      fast.setRow(row, contents);
      plainSet(row, contents);
    }
    // A row given whole is copied: changing the array afterwards changes nothing.
    steps[6][1][0] = 99;
    const built = fast.build({
      reportId: "summary",
      name: "x",
      columnWidths: [1, 1, 1, 1],
      defaultFont: { name: "Times New Roman", size: 12 },
      freeze: { rows: 0, columns: 0 },
      print: {
        paper: "A4",
        orientation: "portrait",
        fitToPagesWide: 1,
        fitToPagesTall: 0,
        titleRows: null,
        margins: { left: 1, right: 1, top: 1, bottom: 1, header: 0, footer: 0 },
        centerFooter: "",
        centerHorizontally: false,
      },
      table: { headerTop: 1, headerBottom: 1, bodyTop: 2, bodyBottom: 2, totalRow: null, left: 1, right: 4 },
    });
    expect(built.cells).toEqual(rows);
  });

  test("wrappedLines counts the words in place as split(/\\s+/) does", () => {
    expect(SPACES.length).toBe(25);
    const piece = fc.oneof(
      fc.constantFrom(...SPACES, ...NOT_SPACES),
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.constantFrom("Nguyễn", "Thị", "Hòa", "nhiệm kỳ", "30/6/2026", "😀", "\ud83d"),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((xs) => xs.join("")),
        fc.integer({ min: -2, max: 60 }),
        fc.constantFrom(0.85, 1, 1.1, 0.5),
        (t, width, charWidth) => {
          expect(wrappedLines(t, width, charWidth)).toBe(plainWrappedLines(t, width, charWidth));
          expect(wrappedLines(t, width)).toBe(plainWrappedLines(t, width));
        },
      ),
      { numRuns: 3000 },
    );
    for (const space of SPACES) {
      const t = `${space}Trưởng${space}${space}ban Công tác Mặt trận kiêm Bí thư chi bộ${space}`;
      for (const width of [1, 5, 10, 22, 30])
        expect(wrappedLines(t, width)).toBe(plainWrappedLines(t, width));
    }
  });

  test("widthForLongest is nameWidth of names whose longest has that length", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 60 })),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 50 }),
        (names, min, max) => {
          const longest = names.reduce((n, x) => Math.max(n, x.length), 0);
          expect(widthForLongest(longest, min, max)).toBe(nameWidth(names, min, max));
          expect(widthForLongest(longest)).toBe(nameWidth(names));
        },
      ),
    );
  });

  test("addRow keeps a whole next row and otherwise sets as setRow does", () => {
    const steps: [number, CellContent[]][] = [
      [1, [1, "a", null, 2]],
      [2, ["b"]],
      [5, [3, 4, 5, 6]],
      [6, [7, 8, 9, 10]],
      [3, [11, null, 12, 13]],
      [6, [null, "c"]],
      [7, [14, 15, 16, 17]],
      [8, [18, 19, 20, 21, 22]],
    ];
    const added = new SheetBuilder(4);
    const set = new SheetBuilder(4);
    for (const [row, contents] of steps) {
      if (contents.length > 4) continue;
      added.addRow(row, [...contents]);
      set.setRow(row, contents);
    }
    const spec = {
      reportId: "summary" as const,
      name: "x",
      columnWidths: [1, 1, 1, 1],
      defaultFont: { name: "Times New Roman", size: 12 },
      freeze: { rows: 0, columns: 0 },
      print: {
        paper: "A4" as const,
        orientation: "portrait" as const,
        fitToPagesWide: 1,
        fitToPagesTall: 0,
        titleRows: null,
        margins: { left: 1, right: 1, top: 1, bottom: 1, header: 0, footer: 0 },
        centerFooter: "",
        centerHorizontally: false,
      },
      table: { headerTop: 1, headerBottom: 1, bodyTop: 2, bodyBottom: 2, totalRow: null, left: 1, right: 4 },
    };
    expect(added.build(spec).cells).toEqual(set.build(spec).cells);
    // The next row, whole, is the array given; another row is copied into the sheet's own.
    const b = new SheetBuilder(2);
    const first: CellContent[] = [1, 2];
    const short: CellContent[] = [3];
    b.addRow(1, first);
    b.addRow(2, short);
    const cells = b.build({ ...spec, columnWidths: [1, 1] }).cells;
    expect(cells[0]).toBe(first);
    expect(cells[1]).not.toBe(short);
    expect(cells[1]).toEqual([3, null]);
  });

  test("report 5's reasons: each village's reasons in words, as made one by one and joined", () => {
    const result = analyse([generate(SIZES.district).workbook], { referenceYear: 2025 });
    if (!result.ok) throw new Error(result.unusable.en);
    // Every unit gets a deadline (only what ranking reads: the generator writes no targets), and
    // office-holders' terms end before it on a few dates: reasons of every kind, term ends shared
    // by many villages.
    const base = result.analysis.rollup;
    const withDeadline = <U extends UnitRollup | TotalRollup>(u: U): U => ({
      ...u,
      assessments: {
        ...u.assessments,
        [MAIN_INDICATOR]: { deadline: "2030-12-31" } as unknown as Assessment,
      },
    });
    const rollup: Rollup = { ...base, units: base.units.map(withDeadline), total: withDeadline(base.total) };
    const dates = ["2026-06-30", "2027-12-31", "2029-03-31", null];
    const holders = result.analysis.read.dataset.officeHolders.map((h, i) => ({
      ...h,
      termEnd: dates[i % 4],
    }));
    const settings = settingsFor(rollup);
    const L = labelsFor(settings.language, villageWordsOf(rollup)).toConsolidate;
    const plain = (r: RankReason): string =>
      r.kind === "front"
        ? L.reasonFront
        : r.kind === "headMember"
          ? L.reasonHeadMember
          : termEndText(r, L, settings.language);
    const ranked = rankVillages(rollup, holders);
    const reasons = ranked.flatMap((x) => x.reasons);
    // Term ends of heads and secretaries, several reasons on one village, the same date on many.
    const kinds = new Set(reasons.map((r) => (r.kind === "termEnds" ? r.who : r.kind)));
    expect(kinds.has("head") && kinds.has("secretary") && kinds.size >= 3).toBe(true);
    const termEnds = reasons.filter((r) => r.kind === "termEnds");
    expect(new Set(termEnds.map((r) => r.date)).size).toBeLessThan(termEnds.length / 2);
    expect(ranked.some((x) => x.reasons.length > 1)).toBe(true);
    const expected = ranked.map((x) => x.reasons.map(plain).join("; ")).filter((t) => t !== "");
    const d = toConsolidateReport(rollup, settings, holders);
    const column = d.cells.slice(d.table.bodyTop - 1, d.table.bodyBottom).map((row) => plainText(row[8]));
    expect(column.filter((t) => t !== "").sort()).toEqual(expected.sort());
    // The villages of each commune, those with a rank first in rank order, as a stable sort of
    // every commune's list gives them (the report sorts only the lists that have a rank). With the
    // term ends, every commune has a rank to sort; without the office-holders, some have none.
    const last = Number.MAX_SAFE_INTEGER;
    const p = (x: (typeof ranked)[number]): number => x.rank ?? last;
    const listsIn = (withHolders: typeof holders): Map<string, typeof ranked> => {
      const report = toConsolidateReport(rollup, settings, withHolders);
      const lists = new Map<string, typeof ranked>();
      for (const x of rankVillages(rollup, withHolders))
        lists.set(x.village.communeId, [...(lists.get(x.village.communeId) ?? []), x]);
      const order = rollup.units
        .filter((u) => u.level === "commune" && lists.has(u.id))
        .flatMap((u) => [...lists.get(u.id)!].sort((a, b) => p(a) - p(b)))
        .map((x) => [x.village.record.village, x.rank]);
      const villageRows = report.cells
        .slice(report.table.bodyTop - 1, report.table.bodyBottom)
        .filter((row) => typeof row[0] === "number")
        .map((row) => [plainText(row[1]), row[7]]);
      expect(villageRows).toEqual(order);
      return lists;
    };
    const sorted = [...listsIn(holders).values()];
    expect(sorted.some((l) => l.some((x, k) => k > 0 && p(x) < p(l[k - 1])))).toBe(true);
    const unranked = [...listsIn([]).values()];
    expect(unranked.some((l) => l.length > 1 && l.every((x) => x.rank === null))).toBe(true);
  });
});
