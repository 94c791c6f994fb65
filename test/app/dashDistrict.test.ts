/**
 * A district of no letter or digit ("-") is none (`districtOf`): the reader reads it so, and so must
 * every place that tells units apart — a submission's manifest, the import log, the rows already
 * imported. Files made before the reader did (a manifest and rows saying "-") and after (blank) are
 * the same commune: a newer file replaces the older, an older one is refused.
 */
import { planImport, type ImportOptions, type ReceivingState } from "../../src/app/imports/plan";
import type { ImportLogEntry } from "../../src/app/imports/importLog";
import {
  importKey,
  parseUnitCell,
  PROVENANCE_KEYS,
  provenanceCells,
  rowBelongsTo,
  unitCell,
  type SubmittingUnit,
} from "../../src/app/imports/provenance";
import { viewWorkbook } from "../../src/app/imports/view";
import type { CellValue } from "../../src/core/cells";
import { districtOf } from "../../src/core/text/normalize";
import fc from "fast-check";
import { OFFICE_HOLDERS } from "../../src/core/schema/sheets";
import { unitIdentityOf } from "../../src/core/submission/acceptance";
import { manifestRows, readManifest, type SubmissionManifest } from "../../src/core/submission/manifest";
import { PROVENANCE_HEADER, submission, VILLAGE_HEADER, villageRow, villages } from "./importFixtures";

const OPTIONS: ImportOptions = {
  mode: "sheets",
  importedAt: "2025-10-20 08:30",
  language: "vi",
  referenceYear: 2025,
};

/** The import log's entry of Bình La's June import (from `file`, imported 2025-06-20 09:00). */
function juneEntry(district: string | null, file = "old.xlsx", villageCount = 3): ImportLogEntry {
  return {
    unit: { name: "Bình La", level: "commune", province: "Lạng Sơn", district },
    period: "Quý II/2025",
    generatedAt: "2025-06-10T02:00:00.000Z",
    file,
    importedAt: "2025-06-20 09:00",
    villages: villageCount,
    consolidated: 1,
    contentHash: null,
    content: null,
    review: "pending",
    note: null,
  };
}

const HOLDER_HEADER = OFFICE_HOLDERS.columns.map((c) => c.vi);

/** An office-holder row of Bình La as an import wrote it (the district left out), then its provenance. */
function holderRow(provenance: readonly CellValue[], name: string, post: string): CellValue[] {
  const at = (key: string) => OFFICE_HOLDERS.columns.findIndex((c) => c.key === key);
  const row: CellValue[] = HOLDER_HEADER.map(() => null);
  row[at("fullName")] = name;
  row[at("post")] = post;
  row[at("province")] = "Lạng Sơn";
  row[at("commune")] = "Bình La";
  return [...row, ...provenance];
}

/** A receiving workbook holding Bình La's June import, its rows and its log entry saying `district`. */
function stateWith(district: string): ReceivingState {
  const rows = villages("Nà", 3, 1).map((v) => [
    ...villageRow("Bình La", v, district),
    "old.xlsx",
    "Bình La (xã)",
    "Quý II/2025",
    "2025-06-20 09:00",
  ]);
  const log = [juneEntry(district === "" ? null : district)];
  return {
    workbook: {
      file: "",
      sheets: [{ name: "Thôn", rows: [[...VILLAGE_HEADER, ...PROVENANCE_HEADER], ...rows] }],
    },
    marks: [{ name: "Thôn", own: null }],
    tables: [],
    log,
  };
}

describe("a district of no letter or digit names no district, wherever units are told apart", () => {
  it("in a submission's manifest", () => {
    const base: SubmissionManifest = {
      formatVersion: 2,
      unitName: "Xuân Hòa",
      unitLevel: "commune",
      province: "Lào Cai",
      district: null,
      commune: "Xuân Hòa",
      period: "Quý III/2025",
      generatedAt: "2025-10-01T00:00:00Z",
      villages: 4,
      consolidated: 2,
      addinVersion: "",
      contentHash: null,
    };
    const blank = readManifest({ name: "Thông tin nộp", rows: manifestRows(base) })!;
    for (const mark of ["-", "/", "—"]) {
      const dash = readManifest({ name: "Thông tin nộp", rows: manifestRows({ ...base, district: mark }) })!;
      expect(dash.district).toBeNull();
      expect(unitIdentityOf({ ...base, district: mark })).toBe(unitIdentityOf(blank));
    }
    expect(unitIdentityOf({ ...base, district: "Bảo Thắng" })).not.toBe(unitIdentityOf(blank));
  });

  for (const [label, before] of [
    ["both blank", ""],
    ['imported with "-", now blank', "-"],
  ] as const) {
    it(`a newer submission of the commune replaces its rows (${label})`, () => {
      const newer = submission({
        file: "binh-la-v2.xlsx",
        commune: "Bình La",
        generatedAt: "2025-09-30T02:00:00.000Z",
        period: "Quý III/2025",
        district: "",
        villages: villages("Nà", 3, 2),
      });
      const s = planImport(stateWith(before), [newer], OPTIONS).submissions[0];
      expect([s.status, s.replacedRows, s.keptVillages, s.previous?.file]).toEqual([
        "replaces",
        3,
        0,
        "old.xlsx",
      ]);
    });

    it(`a submission older than the one imported is refused (${label})`, () => {
      const older = submission({
        file: "binh-la-older.xlsx",
        commune: "Bình La",
        generatedAt: "2025-06-01T02:00:00.000Z",
        period: "Quý II/2025",
        district: "",
        villages: villages("Nà", 3, 0),
      });
      const plan = planImport(stateWith(before), [older], OPTIONS);
      expect(plan.submissions[0].status).toBe("older");
      expect(plan.writes).toBeNull();
    });
  }

  it('a late file made before the upgrade (manifest "-") does not overwrite a newer import', () => {
    const state = stateWith("");
    const june = {
      ...state.log[0],
      unit: { ...state.log[0].unit, district: "-" },
      generatedAt: "2025-06-10T02:00:00.000Z",
      file: "june.xlsx",
    };
    const september = {
      ...state.log[0],
      generatedAt: "2025-09-30T02:00:00.000Z",
      file: "sept.xlsx",
      period: "Quý III/2025",
    };
    const august = submission({
      file: "aug.xlsx",
      commune: "Bình La",
      generatedAt: "2025-08-15T02:00:00.000Z",
      period: "Quý III/2025",
      district: "-",
      villages: villages("Nà", 3, 0),
    });
    const plan = planImport({ ...state, log: [june, september] }, [august], OPTIONS);
    expect(plan.submissions[0].status).toBe("older");
    expect(plan.writes).toBeNull();
  });
});

describe("a commune without a district and a commune of the same name in a district are two units", () => {
  const incoming = (district: string) =>
    submission({
      file: "other.xlsx",
      commune: "Bình La",
      generatedAt: "2025-09-30T02:00:00.000Z",
      period: "Quý III/2025",
      district,
      villages: villages("Khuổi", 2, 2),
    });

  for (const [label, before, now] of [
    ["rows in Bình Gia, a file saying '-'", "Bình Gia", "-"],
    ["rows in Bình Gia, a file with no district", "Bình Gia", ""],
    ["rows without a district, a file saying Bình Gia", "", "Bình Gia"],
  ] as const) {
    it(`does not replace the rows the log says are the other unit's (${label})`, () => {
      const s = planImport(stateWith(before), [incoming(now)], OPTIONS).submissions[0];
      expect([s.status, s.replacedRows, s.previous]).toEqual(["new", 0, null]);
    });
  }

  it("still replaces rows that leave the district out when the log knows no other unit they could be", () => {
    const state = stateWith("");
    // The log says the rows were Bình La (Bình Gia)'s, imported from a sheet without districts.
    const log = [{ ...state.log[0], unit: { ...state.log[0].unit, district: "Bình Gia" } }];
    const s = planImport({ ...state, log }, [incoming("Bình Gia")], OPTIONS).submissions[0];
    expect([s.status, s.replacedRows, s.previous?.file]).toEqual(["replaces", 3, "old.xlsx"]);
  });
});

describe("the import log says which unit's import wrote a row", () => {
  const provenance = ["old.xlsx", "Bình La (xã)", "Quý II/2025", "2025-06-20 09:00"];
  const entry = (district: string | null, file = "old.xlsx") => juneEntry(district, file, 2);
  /** Bình La (Bình Gia) imported from old.xlsx: two villages with the district, two office-holders without. */
  const state = (log: ImportLogEntry[]): ReceivingState => ({
    workbook: {
      file: "",
      sheets: [
        {
          name: "Thôn",
          rows: [
            [...VILLAGE_HEADER, ...PROVENANCE_HEADER],
            ...villages("Nà", 2, 1).map((v) => [...villageRow("Bình La", v, "Bình Gia"), ...provenance]),
          ],
        },
        {
          name: "Cán bộ",
          rows: [
            [...HOLDER_HEADER, ...PROVENANCE_HEADER],
            holderRow(provenance, "Hoàng Văn A", "Chủ tịch UBND xã"),
            holderRow(provenance, "Lý Văn B", "Bí thư Đảng ủy xã"),
          ],
        },
      ],
    },
    marks: [
      { name: "Thôn", own: null },
      { name: "Cán bộ", own: null },
    ],
    tables: [],
    log,
  });
  const unit = (district: string | null) => ({
    name: "Bình La",
    level: "commune" as const,
    province: "Lạng Sơn",
    district,
  });
  /** The rows each sheet gives to the units, as "row:district of the unit". */
  const claimed = (s: ReceivingState, units: ReturnType<typeof unit>[]) =>
    Object.fromEntries(
      [...viewWorkbook(s, units, "wb").replaced].map(([sheet, rows]) => [
        sheet,
        [...rows].map(([row, u]) => `${row}:${u.district}`),
      ]),
    );

  it("a commune with no district claims none of the rows of Bình La (Bình Gia), office-holders included", () => {
    expect(claimed(state([entry("Bình Gia")]), [unit(null)])).toEqual({ Thôn: [], "Cán bộ": [] });
    const incoming = submission({
      file: "other.xlsx",
      commune: "Bình La",
      generatedAt: "2025-09-30T02:00:00.000Z",
      period: "Quý III/2025",
      district: "",
      villages: villages("Khuổi", 2, 2),
    });
    const s = planImport(state([entry("Bình Gia")]), [incoming], OPTIONS).submissions[0];
    expect([s.status, s.replacedRows]).toEqual(["new", 0]);
  });

  it("Bình La (Bình Gia) re-submitting claims all its rows, also when the log knows a Bình La without a district", () => {
    for (const log of [[entry("Bình Gia")], [entry("Bình Gia"), entry(null, "other.xlsx")]]) {
      expect(claimed(state(log), [unit("Bình Gia")])).toEqual({
        Thôn: ["2:Bình Gia", "3:Bình Gia"],
        "Cán bộ": ["2:Bình Gia", "3:Bình Gia"],
      });
    }
  });

  it("in a batch of both communes, each claims what its import wrote, in either order", () => {
    for (const units of [
      [unit(null), unit("Bình Gia")],
      [unit("Bình Gia"), unit(null)],
    ])
      expect(claimed(state([entry("Bình Gia")]), units)).toEqual({
        Thôn: ["2:Bình Gia", "3:Bình Gia"],
        "Cán bộ": ["2:Bình Gia", "3:Bình Gia"],
      });
  });

  it("without the log's entry, the rows' place decides as before", () => {
    expect(claimed(state([]), [unit("Bình Gia")])).toEqual({
      Thôn: ["2:Bình Gia", "3:Bình Gia"],
      "Cán bộ": ["2:Bình Gia", "3:Bình Gia"],
    });
  });
});

describe("a row the import writes names its commune's district, so it says its unit without the log", () => {
  /** The add-in's own export name: it has no district, so two Bình La's send files of one name. */
  const FILE = "Nop bao cao - Bình La - Quý II-2025.xlsx";
  interface Import {
    readonly district: string | null;
    readonly at: CellValue;
    readonly prefix: string;
    readonly file?: string;
    /** False when the clerk has deleted the import's log row. */
    readonly logged?: boolean;
    /** The submitting-unit cell as an older version wrote it ("Bình La (xã)" for every commune). */
    readonly oldCell?: boolean;
  }
  const unit = (district: string | null): SubmittingUnit => ({
    name: "Bình La",
    level: "commune",
    province: "Lạng Sơn",
    district,
  });
  /** Each import wrote two villages (with its district) and two office-holders (district left out). */
  const state = (imports: readonly Import[]): ReceivingState => {
    const villageRows: CellValue[][] = [];
    const holderRows: CellValue[][] = [];
    const log: ImportLogEntry[] = [];
    for (const i of imports) {
      const file = i.file ?? FILE;
      const cells = provenanceCells({
        sourceFile: file,
        unit: unit(i.district),
        period: "Quý II/2025",
        importedAt: "",
      });
      const provenance = [file, i.oldCell ? "Bình La (xã)" : cells.submittingUnit, "Quý II/2025", i.at];
      for (const v of villages(i.prefix, 2, 1))
        villageRows.push([...villageRow("Bình La", v, i.district ?? ""), ...provenance]);
      holderRows.push(
        holderRow(provenance, `Hoàng ${i.prefix}`, "Chủ tịch UBND xã"),
        holderRow(provenance, `Lý ${i.prefix}`, "Bí thư Đảng ủy xã"),
      );
      if (i.logged !== false) log.push(juneEntry(i.district, file, 2));
    }
    return {
      workbook: {
        file: "",
        sheets: [
          { name: "Thôn", rows: [[...VILLAGE_HEADER, ...PROVENANCE_HEADER], ...villageRows] },
          { name: "Cán bộ", rows: [[...HOLDER_HEADER, ...PROVENANCE_HEADER], ...holderRows] },
        ],
      },
      marks: [
        { name: "Thôn", own: null },
        { name: "Cán bộ", own: null },
      ],
      tables: [],
      log,
    };
  };
  const claimed = (s: ReceivingState, units: SubmittingUnit[]) =>
    Object.fromEntries(
      [...viewWorkbook(s, units, "wb").replaced].map(([sheet, rows]) => [
        sheet,
        [...rows].map(([row, u]) => `${row}:${u.district}`),
      ]),
    );
  const rows = (district: string | null, ...numbers: number[]) => {
    const list = numbers.map((n) => `${n}:${district}`);
    return { Thôn: list, "Cán bộ": list };
  };

  it("writes 'Bình La (xã, Bình Gia)' for a commune in a district and 'Bình La (xã)' for one without", () => {
    expect(unitCell(unit("Bình Gia"))).toBe("Bình La (xã, Bình Gia)");
    for (const none of [null, "", "-", " — "]) expect(unitCell(unit(none))).toBe("Bình La (xã)");
    expect(unitCell({ name: "Bình Gia", level: "district", district: "Bình Gia" })).toBe("Bình Gia (huyện)");
    expect(parseUnitCell("Bình La (xã, Bình Gia)")).toEqual({
      name: "Bình La",
      level: "commune",
      district: "Bình Gia",
    });
    expect(parseUnitCell(" Bình La ( Xã ,  Huyện Bình Gia ) ")).toEqual({
      name: "Bình La",
      level: "commune",
      district: "Huyện Bình Gia",
    });
    expect(parseUnitCell("Bình La (xã, -)")).toEqual({ name: "Bình La", level: "commune", district: null });
    expect(parseUnitCell("Bình La (xã)")).toEqual({ name: "Bình La", level: "commune" });
    expect(parseUnitCell("Bình La (thôn, Bình Gia)")).toBeNull();
  });

  it("the import writes the district into its rows' cells", () => {
    const incoming = submission({
      file: "binh-la.xlsx",
      commune: "Bình La",
      generatedAt: "2025-09-30T02:00:00.000Z",
      villages: villages("Nà", 2, 1),
    });
    const plan = planImport(state([]), [incoming], OPTIONS);
    const written = JSON.stringify(plan.writes);
    expect(written).toContain("Bình La (xã, Bình Gia)");
    expect(written).not.toContain('"Bình La (xã)"');
  });

  it("two Bình La's files of one name imported in one minute: each re-submission claims exactly its own rows", () => {
    const s = state([
      { district: "Bình Gia", at: "2025-06-20 09:00", prefix: "Nà" },
      { district: null, at: "2025-06-20 09:00", prefix: "Khuổi" },
    ]);
    expect(claimed(s, [unit("Bình Gia")])).toEqual(rows("Bình Gia", 2, 3));
    expect(claimed(s, [unit(null)])).toEqual(rows(null, 4, 5));
    expect(claimed(s, [unit(null), unit("Bình Gia")])).toEqual({
      Thôn: ["2:Bình Gia", "3:Bình Gia", "4:null", "5:null"],
      "Cán bộ": ["2:Bình Gia", "3:Bình Gia", "4:null", "5:null"],
    });
  });

  it("the clerk deleted Bình La (Bình Gia)'s log row: the Bình La without a district still claims only its own", () => {
    const s = state([
      { district: "Bình Gia", at: "2025-06-20 09:00", prefix: "Nà", file: "old.xlsx", logged: false },
      { district: null, at: "2025-07-01 10:00", prefix: "Khuổi", file: "other.xlsx" },
    ]);
    expect(claimed(s, [unit(null)])).toEqual(rows(null, 4, 5));
    expect(claimed(s, [unit("Bình Gia")])).toEqual(rows("Bình Gia", 2, 3));
  });

  it("the cell's district is compared as a unit's (a kind word, case, Unicode form); another district, or another province, is not this unit", () => {
    const place = { province: "Lạng Sơn", district: null };
    const cell = "BÌNH LA (xã, Huyện Bình Gia)".normalize("NFD");
    expect(rowBelongsTo(cell, place, unit("Bình Gia"))).toBe(true);
    expect(rowBelongsTo(cell, place, unit("Văn Lãng"))).toBe(false);
    expect(rowBelongsTo(cell, place, unit(null))).toBe(false);
    expect(rowBelongsTo(cell, { province: "Cao Bằng", district: null }, unit("Bình Gia"))).toBe(false);
    // The cell says it over the log (which here records the other unit) and over the row's district cell.
    expect(
      rowBelongsTo(cell, { province: null, district: "Văn Lãng" }, unit("Bình Gia"), new Set(), [unit(null)]),
    ).toBe(true);
    expect(rowBelongsTo("Bình La (xã, -)", place, unit(null))).toBe(true);
  });

  it("rows written before the cell named the district still go by the log, whatever became of the time cell", () => {
    const converted: CellValue[] = [
      "2025-06-20 09:00",
      " 2025-06-20 9:00 ",
      "2025-06-20 09:00:41",
      "2025-06-20T09:00",
      "20/06/2025 09:00",
      { kind: "date", iso: "2025-06-20T09:00:00" },
      45828.375,
    ];
    for (const at of converted) {
      expect(importKey("old.xlsx", at)).toBe(importKey("old.xlsx", "2025-06-20 09:00"));
      const s = state([
        { district: "Bình Gia", at, prefix: "Nà", file: "old.xlsx", oldCell: true },
        { district: null, at: "2025-07-01 10:00", prefix: "Khuổi", file: "other.xlsx", oldCell: true },
      ]);
      expect([at, claimed(s, [unit("Bình Gia")])]).toEqual([at, rows("Bình Gia", 2, 3)]);
    }
    // Another minute, another file, or text that is no time is another import.
    expect(importKey("old.xlsx", "2025-06-20 09:01")).not.toBe(importKey("old.xlsx", "2025-06-20 09:00"));
    expect(importKey("new.xlsx", "2025-06-20 09:00")).not.toBe(importKey("old.xlsx", "2025-06-20 09:00"));
    expect(importKey("old.xlsx", "sáng 20/6")).toBe(importKey("old.xlsx", " sáng 20/6 "));
    expect(importKey("old.xlsx", "2025-13-20 09:00")).not.toBe(importKey("old.xlsx", "2026-01-20 09:00"));
  });
});

describe("a submitting-unit cell reads back whatever brackets and commas its names hold", () => {
  const OLD_TIME = "2025-06-20 09:00";
  /** Bình La's June import as the import writes it, its district `district`. */
  function imported(district: string): ReceivingState {
    const unit = { name: "Bình La", level: "commune" as const, province: "Lạng Sơn", district };
    const cells = provenanceCells({
      sourceFile: "old.xlsx",
      unit,
      period: "Quý II/2025",
      importedAt: OLD_TIME,
    });
    const rows = villages("Nà", 3, 1).map((v) => [
      ...villageRow("Bình La", v, district),
      ...PROVENANCE_KEYS.map((k) => cells[k]),
    ]);
    const state = stateWith(district);
    return {
      ...state,
      workbook: {
        file: "",
        sheets: [{ name: "Thôn", rows: [[...VILLAGE_HEADER, ...PROVENANCE_HEADER], ...rows] }],
      },
      log: [{ ...state.log[0], unit }],
    };
  }

  for (const district of ["Bình Gia", "Bình Gia (cũ)", "Sa Pa (thị xã)", "Bình Gia, Lạng Sơn"])
    it(`Bình La (${district}) re-submitting replaces its three rows`, () => {
      const newer = submission({
        file: "binh-la-v2.xlsx",
        commune: "Bình La",
        generatedAt: "2025-09-30T02:00:00.000Z",
        period: "Quý III/2025",
        district,
        villages: villages("Nà", 3, 2),
      });
      const s = planImport(imported(district), [newer], OPTIONS).submissions[0];
      expect([s.status, s.replacedRows, s.keptVillages]).toEqual(["replaces", 3, 0]);
    });

  it("names and districts with brackets and commas come back as written (property)", () => {
    const piece = fc.constantFrom(
      "Bình",
      "La",
      "Sa Pa",
      "(cũ)",
      "(mới)",
      "(thị xã)",
      ",",
      "Hoà",
      "-",
      "1",
      "(xã,",
      "(huyện,",
      "(tỉnh)",
      "(",
      ")",
      "cũ)",
    );
    const text = fc.array(piece, { minLength: 1, maxLength: 5 }).map((p) => p.join(" "));
    const named = text.filter((t) => /\p{L}/u.test(t));
    fc.assert(
      fc.property(
        named,
        fc.option(text),
        fc.constantFrom("commune", "district", "province"),
        (name, district, level) => {
          const unit = { name, level: level as "commune" | "district" | "province", district };
          const parsed = parseUnitCell(unitCell(unit));
          // A district whose brackets do not pair is left out of the cell (it could not be read back).
          const depths = [...(district ?? "")].reduce<number[]>(
            (d, c) => [...d, d[d.length - 1] + (c === "(" ? 1 : c === ")" ? -1 : 0)],
            [0],
          );
          const paired = Math.min(...depths) < 0 || depths[depths.length - 1] !== 0 ? null : district;
          const expected = level === "commune" ? districtOf(paired) : null;
          expect(parsed).toEqual(expected === null ? { name, level } : { name, level, district: expected });
        },
      ),
      { numRuns: 500 },
    );
    expect(parseUnitCell("Bình La (cũ) (xã)")).toEqual({ name: "Bình La (cũ)", level: "commune" });
    expect(parseUnitCell("Bình La (cũ)")).toBeNull();
    expect(parseUnitCell("Bình La (xã, Bình Gia) (bổ sung)")).toBeNull();
    expect(parseUnitCell("(xã)")).toBeNull();
  });

  it("the log's own time cell, a date at midnight, seconds, and a month written first are the same minute", () => {
    const same = (a: CellValue, b: CellValue) =>
      expect([a, importKey("f", a)]).toEqual([a, importKey("f", b)]);
    same("45828.375", "2025-06-20 09:00"); // the log's cell made a number, read back as text
    same(45828.375 - 1e-9, "2025-06-20 09:00");
    same({ kind: "date", iso: "2025-06-20" }, "2025-06-20 00:00");
    same(45828 + (9 * 3600 + 40) / 86400, "2025-06-20 09:00:40");
    same("6/20/2025 9:00", "2025-06-20 09:00");
    same("06/05/2025 9:00", "2025-05-06 09:00");
    expect(importKey("f", "2025-02-30 09:00")).not.toBe(importKey("f", "2025-03-02 09:00"));
  });
});
