import fc from "fast-check";
import type { CellValue } from "../../src/core/cells";
import { INDICATORS } from "../../src/core/indicators";
import { analyse } from "../../src/core/pipeline";
import { readWorkbooks } from "../../src/core/read/readWorkbook";
import { readUnitLists } from "../../src/core/read/unitList";
import { rollup } from "../../src/core/rollup/rollup";
import { compareWithPrevious } from "../../src/core/submission/compare";
import { expectedFromList } from "../../src/core/submission/completeness";
import { noteEvent, noteEvents } from "../../src/core/units/lifecycle";
import type { VillageRecord } from "../../src/core/model";
import { remapOntoToday } from "../../src/core/units/remap";
import { existsOn, parseReference } from "../../src/core/units/unitList";
import { resolveSettings } from "../../src/report/settings";
import { VILLAGE_HEADER, workbook } from "./grids";

const UNIT_HEADER: CellValue[] = [
  "Đơn vị",
  "Cấp",
  "Mã đơn vị",
  "Huyện",
  "Trực thuộc",
  "Hiệu lực từ",
  "Hiệu lực đến",
  "Hình thành từ",
];

/** A Villages sheet with a Ghi chú column after the standard ones, and an optional title row. */
function villagesWithNotes(rows: CellValue[][], title?: string): CellValue[][] {
  return [
    ...(title ? [[title]] : []),
    ["Tỉnh", "Huyện", "Xã", "Mã xã", "Thôn", "Nhất thể hóa", "Ghi chú"],
    ...rows,
  ];
}

describe("the unit list", () => {
  it("reads the dated columns, the crosswalk and village rows; keeps a plain list of expected units working", () => {
    const list = readWorkbooks([
      workbook("u.xlsx", {
        Thôn: [VILLAGE_HEADER, [1, "Lào Cai", null, "Thượng Hà", "Thôn 1", null, null, "x", null, null]],
        "Đơn vị": [
          UNIT_HEADER,
          ["Bảo Yên", "Huyện", null, null, "Lào Cai", null, "30/6/2025", null],
          [
            "Thượng Hà",
            "Xã",
            "02345",
            null,
            "Lào Cai",
            "1/7/2025",
            null,
            "Thượng Hà (Bảo Yên); xã Điện Quan và 01234",
          ],
          ["Thôn 4", "Thôn", null, null, "Thượng Hà", "1/7/2025", null, "Thôn 4, Thôn 8"],
          ["Sai", "Liên xã", null, null, null, "31/2/2025", null, null],
        ],
      }),
    ]);
    const rows = list.dataset.expectedUnits;
    expect(rows.map((r) => [r.unit, r.level, r.code, r.validFrom, r.validTo, r.formedFrom])).toEqual([
      ["Bảo Yên", "district", null, null, "2025-06-30", []],
      ["Thượng Hà", "commune", "02345", "2025-07-01", null, ["Thượng Hà (Bảo Yên)", "xã Điện Quan", "01234"]],
      ["Thôn 4", "village", null, "2025-07-01", null, ["Thôn 4", "Thôn 8"]],
      ["Sai", null, null, null, null, []],
    ]);
    expect(list.dataset.issues.map((i) => i.code)).toEqual(expect.arrayContaining(["bad-level", "bad-date"]));
    expect(parseReference("Thượng Hà (Bảo Yên)")).toEqual({
      code: null,
      name: "Thượng Hà",
      within: "Bảo Yên",
      level: null,
    });
    expect(parseReference("01234").code).toBe("01234");
    expect(parseReference("huyện Bảo Yên").level).toBe("district");
    // Completeness on 30/9/2025 expects the new commune only; on 31/12/2024 the district only.
    expect(expectedFromList(rows, "2025-09-30").map((u) => u.name)).toEqual(["Thượng Hà", "Sai"]);
    expect(expectedFromList(rows, "2024-12-31").map((u) => u.name)).toEqual(["Bảo Yên", "Sai"]);
    expect(existsOn({ validFrom: "2025-07-01", validTo: "2025-07-01" }, "2025-07-01")).toBe(true);
  });

  it("dates as clerks type them: text, serials, a year alone (unreadable, not 1905), valid-to before valid-from (warned)", () => {
    const list = readUnitLists([
      workbook("u.xlsx", {
        "Đơn vị": [
          UNIT_HEADER,
          ["Xã A", "Xã", null, null, "Lào Cai", "01/07/2025", null, null],
          ["Xã B", "Xã", null, null, "Lào Cai", "1-7-2025", null, null],
          ["Xã C", "Xã", null, null, "Lào Cai", 45839, null, null],
          ["Xã D", "Xã", null, null, "Lào Cai", 2025, null, null],
          ["Xã E", "Xã", null, null, "Lào Cai", "1/7/2025", "30/6/2025", null],
        ],
      }),
    ]);
    expect(list.units.map((r) => [r.unit, r.validFrom, r.validTo])).toEqual([
      ["Xã A", "2025-07-01", null],
      ["Xã B", "2025-07-01", null],
      ["Xã C", "2025-07-01", null],
      ["Xã D", null, null],
      ["Xã E", "2025-07-01", "2025-06-30"],
    ]);
    expect(list.issues.map((i) => [i.code, i.sheet, i.cell, i.message.vi])).toEqual([
      ["bad-date", "Đơn vị", "F5", "Ngày “2025” không đọc được (dùng dạng 15/9/2025); bỏ qua."],
      [
        "unit-dates-reversed",
        "Đơn vị",
        "G6",
        "Đơn vị “Xã E”: “Hiệu lực đến” 30/6/2025 trước “Hiệu lực từ” 1/7/2025, nên đơn vị không tồn tại ngày nào (không được chờ báo cáo, không nhận số liệu chuyển sang). Hãy sửa lại hai ngày.",
      ],
    ]);
  });

  it("from its own workbook: the list sheets only; a workbook without one is an error, not an exception", () => {
    const read = readUnitLists([
      workbook("don-vi.xlsx", {
        "Danh mục": [UNIT_HEADER, ["Y Tý", "Xã", null, null, "Lào Cai", "1/7/2025", null, "Y Tý; A Lù"]],
      }),
      workbook("khac.xlsx", { Sheet1: [["Ghi chú"], ["không có gì"]] }),
    ]);
    expect(read.units.map((u) => u.unit)).toEqual(["Y Tý"]);
    expect(read.issues.map((i) => [i.code, i.file])).toEqual([["no-unit-list", "khac.xlsx"]]);
  });
});

describe("the village life cycle", () => {
  it("reads the notes clerks write", () => {
    expect(noteEvent("Đã sáp nhập vào Thôn 4 từ 01/7/2025")).toEqual({
      kind: "merged",
      into: ["Thôn 4"],
      date: "2025-07-01",
    });
    expect(noteEvent("đã sáp nhập")).toEqual({ kind: "merged", into: [], date: null });
    expect(noteEvent("Sát nhập vào thôn Nà Lìn và thôn Pác Ngòi")).toEqual({
      kind: "merged",
      into: ["thôn Nà Lìn", "thôn Pác Ngòi"],
      date: null,
    });
    expect(noteEvent("Tách thành Thôn 5A, Thôn 5B (từ ngày 1/1/2026)")).toEqual({
      kind: "split",
      into: ["Thôn 5A", "Thôn 5B"],
      date: "2026-01-01",
    });
    for (const other of [
      "Trước sắp xếp có 10 đảng viên; 4 đồng chí chuyển về chi bộ cơ quan xã",
      "Đảng viên sinh hoạt ghép với chi bộ Nà Lìn",
      "Sáp nhập từ thôn A và thôn B",
      "Đã sáp nhập từ thôn A và thôn B",
    ])
      expect(noteEvent(other)).toBeNull();
  });

  it("the events of a sheet's notes are each village's noteEvent (notes without one are parsed once)", () => {
    const texts = [
      "Chi bộ ghép",
      "Đã sáp nhập vào Thôn 4 từ 01/7/2025",
      "Tách thành Thôn 5A, Thôn 5B",
      "Chưa sáp nhập vào thôn Nà Lìn",
      "đã sáp nhập",
      "",
    ];
    const source = { file: "a.xlsx", sheet: "Thôn", columns: new Map([["notes", 12]]) };
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...texts), fc.constant(null), fc.string()), { maxLength: 30 }),
        (notes) => {
          const villages = notes.map(
            (notes, i) =>
              ({
                source,
                row: i + 2,
                province: "P",
                district: null,
                commune: `X${i % 3}`,
                village: `T${i}`,
                notes,
              }) as unknown as VillageRecord,
          );
          const plain = villages.flatMap((v) => {
            const e = v.notes ? noteEvent(v.notes) : null;
            if (!e) return [];
            const place = { file: "a.xlsx", sheet: "Thôn", cell: `L${v.row}` };
            return [{ ...e, village: v.village, province: "P", district: null, commune: v.commune, place }];
          });
          expect(noteEvents(villages)).toEqual(plain);
        },
      ),
    );
  });

  it("notes that deny or only plan a merge, or say this village took another in, do not end it", () => {
    for (const kept of [
      "Không sáp nhập vào thôn Nà Lìn",
      "Chưa sáp nhập vào thôn Nà Lìn",
      "Dự kiến sáp nhập vào thôn Nà Lìn năm 2026",
      "Đề nghị sáp nhập với thôn Nà Lìn",
      "Khong sap nhap vao thon Na Lin",
      "Sẽ tách thành Thôn 5A, Thôn 5B",
      "Đã sáp nhập thôn Khuổi Hẩu",
      "Đã sáp nhập thôn Khuổi Hẩu vào",
    ])
      expect([kept, noteEvent(kept)]).toEqual([kept, null]);
    // Still read: the merge is done, with or without its date; a negation in another clause does not count.
    expect(noteEvent("Đã sáp nhập từ ngày 1/7/2025")).toEqual({
      kind: "merged",
      into: [],
      date: "2025-07-01",
    });
    expect(noteEvent("Đã sáp nhập (2019)")).toEqual({ kind: "merged", into: [], date: null });
    expect(noteEvent("Không có chi bộ; sáp nhập vào thôn Nà Lìn")).toEqual({
      kind: "merged",
      into: ["thôn Nà Lìn"],
      date: null,
    });
  });

  it("a village merged away leaves the denominator from its date, with a line naming it", () => {
    const rows: CellValue[][] = [
      ["Lạng Sơn", "Bình Gia", "Yên Lỗ", null, "Pò Mầm", "x", null],
      ["Lạng Sơn", "Bình Gia", "Yên Lỗ", null, "Khuổi Chặng", "x", "Đã sáp nhập vào Pò Mầm từ 1/1/2025"],
      [
        "Lạng Sơn",
        "Bình Gia",
        "Yên Lỗ",
        null,
        "Khuổi Mè",
        "Không",
        "Tách thành Khuổi Mè 1, Khuổi Mè 2 từ 1/1/2026",
      ],
    ];
    const on = (date: string) => {
      const result = analyse(
        [workbook("a.xlsx", { Thôn: villagesWithNotes(rows, `(Số liệu đến ${date})`) })],
        {
          referenceYear: 2025,
        },
      );
      if (!result.ok) throw new Error(result.unusable.en);
      return result.analysis;
    };
    const june = on("30/6/2025");
    expect([june.rollup.total.villages, june.rollup.total.consolidated]).toEqual([2, 1]);
    const ended = june.issues.filter((i) => i.code === "village-ended");
    expect(ended.map((i) => [i.severity, i.cell, i.message.vi])).toEqual([
      [
        "info",
        "E4",
        "Thôn “Khuổi Chặng” (xã “Yên Lỗ”) đã sáp nhập vào “Pò Mầm” từ 1/1/2025: không còn tính vào số thôn.",
      ],
    ]);
    // Before the merge it still counts; after the split the split village no longer does.
    expect(on("31/12/2024").rollup.total.villages).toBe(3);
    expect(on("31/3/2026").rollup.total.villages).toBe(1);
  });
});

describe("the village life cycle from unit-list rows (attack)", () => {
  const data = villagesWithNotes(
    [
      ["Lào Cai", null, "Xã Bảo Hà", null, "Thôn 1", "x", null],
      ["Lào Cai", null, "Xã Bảo Hà", null, "Thôn 2", "x", null],
      ["Lào Cai", null, "Xã Xuân Quang", null, "Thôn 1", "x", null],
    ],
    "(Số liệu đến 30/9/2025)",
  );
  const run = (list: CellValue[][]) => {
    const result = analyse([workbook("a.xlsx", { Thôn: data, "Đơn vị": [UNIT_HEADER, ...list] })], {
      referenceYear: 2025,
    });
    if (!result.ok) throw new Error(result.unusable.en);
    return result.analysis;
  };

  it("a village row without its commune ends no same-named village of another commune: it is warned, located", () => {
    const a = run([["Thôn 1", "Thôn", null, null, null, null, "30/6/2025", null]]);
    expect(a.rollup.total.villages).toBe(3);
    expect(
      a.issues
        .filter((i) => i.code === "village-event-ambiguous")
        .map((i) => [i.sheet, i.cell, i.message.en]),
    ).toEqual([
      [
        "Đơn vị",
        "G2",
        "The unit list's village row “Thôn 1” names no commune (“Parent”), and several communes have a village of that name: applied to none. Give its commune in “Parent”.",
      ],
    ]);
  });

  it("a village row whose commune is given by its code ends that commune's village only", () => {
    const a = run([
      ["Xã Bảo Hà", "Xã", "02890", null, "Lào Cai", null, null, null],
      ["Thôn 1", "Thôn", null, null, "02890", null, "30/6/2025", null],
    ]);
    expect(a.endedVillages.map((e) => [e.village.commune, e.village.village])).toEqual([
      ["Xã Bảo Hà", "Thôn 1"],
    ]);
    expect(a.rollup.total.villages).toBe(2);
  });

  it("a slash in a commune or village name (“Đ/c”, “Thôn 1/2”) is no separator: the merge applies, nothing throws", () => {
    const slashed = villagesWithNotes(
      [
        ["Lào Cai", null, "Xã Bảo Hà", null, "Thôn 1/2", "x", null],
        ["Lào Cai", null, "Xã Bảo Hà", null, "Thôn 3", "x", null],
        ["Lào Cai", null, "Xã Bảo Hà", null, "Thôn 4", "x", null],
      ],
      "(Số liệu đến 30/9/2025)",
    );
    const result = analyse(
      [
        workbook("a.xlsx", {
          Thôn: slashed,
          "Đơn vị": [
            UNIT_HEADER,
            ["Thôn 3", "Thôn", null, null, "Xã Bảo Hà", "1/7/2025", null, "Thôn 1/2, Thôn 3"],
            // A clerk's slip: a title where the commune goes. The row must not break the analysis.
            ["Thôn 9", "Thôn", null, null, "Đ/c", "1/7/2025", null, "Thôn 4, Thôn 8"],
          ],
        }),
      ],
      { referenceYear: 2025 },
    );
    if (!result.ok) throw new Error(result.unusable.en);
    const a = result.analysis;
    expect(a.endedVillages.map((e) => [e.village.village, e.event.kind, e.event.into])).toEqual([
      ["Thôn 1/2", "merged", ["Thôn 3"]],
    ]);
    expect(a.rollup.total.villages).toBe(2);
  });
});

describe("periods on today's map", () => {
  it("matches old communes by code when the list gives codes, and warns about villages it cannot place", () => {
    const today = readWorkbooks([
      workbook("t.xlsx", {
        Thôn: villagesWithNotes([
          ["Lào Cai", null, "Xã Mới", "09999", "Bản A", "x", null],
          ["Lào Cai", null, "Xã Mới", "09999", "Bản B", "Không", null],
          ["Lào Cai", null, "Xã Khác", "08888", "Bản C", "x", null],
        ]),
        "Đơn vị": [
          UNIT_HEADER,
          ["Xã Mới", "Xã", "09999", null, "Lào Cai", "1/7/2025", null, "01111"],
          ["Xã Khác", "Xã", "08888", null, "Lào Cai", "1/7/2025", null, "01111; 02222"],
          ["Tên cũ", "Xã", "01111", "Huyện Cũ", "Huyện Cũ", null, "30/6/2025", null],
        ],
      }),
    ]);
    const current = rollup(today.dataset, { referenceYear: 2025 });
    const before = readWorkbooks([
      workbook("b.xlsx", {
        Thôn: villagesWithNotes([
          ["Lào Cai", "Huyện Cũ", "Tên cũ khác", "01111", "Bản A", "Không", null],
          ["Lào Cai", "Huyện Cũ", "Tên cũ khác", "01111", "Bản C", "Không", null],
          ["Lào Cai", "Huyện Cũ", "Tên cũ khác", "01111", "Bản Mất", "Không", null],
          ["Lào Cai", "Huyện Cũ", "Xã Bỏ", "03333", "Bản D", "x", null],
        ]),
      }),
    ]);
    const moved = remapOntoToday(before.dataset, current, today.dataset.expectedUnits, "2025-09-30");
    const previous = rollup(moved.dataset, { referenceYear: 2025 });
    const byName = new Map(previous.units.map((u) => [u.name, u.villages]));
    // Bản A and Bản C by their names (code 01111 became both communes); Bản Mất: two candidates, no name: left out.
    expect([byName.get("Xã Mới"), byName.get("Xã Khác")]).toEqual([1, 1]);
    expect(previous.units.every((u) => current.units.some((c) => c.id === u.id))).toBe(true);
    expect(moved.issues.map((i) => [i.code, i.message.vi])).toEqual([
      [
        "previous-village-unplaced",
        "Kỳ trước: 1 thôn của xã “Tên cũ khác” (Bản Mất) không xếp được vào đơn vị hiện nay (có thể thuộc Xã Mới, Xã Khác): không tính trong phần so sánh. Hãy ghi cột “Hình thành từ” trong danh sách đơn vị.",
      ],
      [
        "previous-village-unplaced",
        "Kỳ trước: 1 thôn của xã “Xã Bỏ” (Bản D) không xếp được vào đơn vị hiện nay: không tính trong phần so sánh. Hãy ghi cột “Hình thành từ” trong danh sách đơn vị.",
      ],
    ]);
  });

  it("a partial split: the old commune still exists and keeps the villages it holds; the new one takes its own", () => {
    const today = readWorkbooks([
      workbook("t.xlsx", {
        Thôn: villagesWithNotes([
          ["Lào Cai", null, "Xã Tân Tiến", null, "Bản 1", "x", null],
          ["Lào Cai", null, "Xã Tân Tiến", null, "Bản 2", "Không", null],
          ["Lào Cai", null, "Xã Mới", null, "Bản 3", "x", null],
        ]),
        "Đơn vị": [
          UNIT_HEADER,
          ["Xã Tân Tiến", "Xã", null, null, "Lào Cai", null, null, null],
          ["Xã Mới", "Xã", null, null, "Lào Cai", "1/7/2025", null, "Xã Tân Tiến"],
        ],
      }),
    ]);
    const current = rollup(today.dataset, { referenceYear: 2025 });
    const before = readWorkbooks([
      workbook("b.xlsx", {
        Thôn: villagesWithNotes([
          ["Lào Cai", "Huyện Cũ", "Xã Tân Tiến", null, "Bản 1", "x", null],
          ["Lào Cai", "Huyện Cũ", "Xã Tân Tiến", null, "Bản 2", "x", null],
          ["Lào Cai", "Huyện Cũ", "Xã Tân Tiến", null, "Bản 3", "x", null],
          ["Lào Cai", "Huyện Cũ", "Xã Tân Tiến", null, "Bản Mất", "x", null],
        ]),
      }),
    ]);
    const moved = remapOntoToday(before.dataset, current, today.dataset.expectedUnits, "2025-09-30");
    const previous = rollup(moved.dataset, { referenceYear: 2025 });
    const byName = new Map(previous.units.map((u) => [u.name, u.villages]));
    expect([byName.get("Xã Tân Tiến"), byName.get("Xã Mới")]).toEqual([2, 1]);
    // A village found in neither could be in either: left out with a warning naming both.
    expect(moved.issues.map((i) => i.message.en)).toEqual([
      expect.stringMatching(/Bản Mất.*(Xã Tân Tiến, Xã Mới|Xã Mới, Xã Tân Tiến)/),
    ]);
  });

  it("a new commune that takes the name of an old one it was not formed from is not that old commune", () => {
    const today = readWorkbooks([
      workbook("t.xlsx", {
        Thôn: villagesWithNotes([
          ["Lào Cai", null, "Xã Minh Tân", null, "Bản 1", "x", null],
          ["Lào Cai", null, "Xã Xuân Quang", null, "Bản 9", "x", null],
        ]),
        "Đơn vị": [
          UNIT_HEADER,
          ["Xã Minh Tân", "Xã", null, null, "Lào Cai", "1/7/2025", null, "Xã Phong Niên"],
          ["Xã Xuân Quang", "Xã", null, null, "Lào Cai", "1/7/2025", null, "Xã Minh Tân (Bảo Thắng)"],
        ],
      }),
    ]);
    const current = rollup(today.dataset, { referenceYear: 2025 });
    const before = readWorkbooks([
      workbook("b.xlsx", {
        Thôn: villagesWithNotes([["Lào Cai", "Bảo Thắng", "Xã Minh Tân", null, "Bản 7", "x", null]]),
      }),
    ]);
    const moved = remapOntoToday(before.dataset, current, today.dataset.expectedUnits, "2025-09-30");
    const previous = rollup(moved.dataset, { referenceYear: 2025 });
    expect(previous.units.filter((u) => u.level === "commune").map((u) => [u.name, u.villages])).toEqual([
      ["Xã Xuân Quang", 1],
    ]);
    expect(moved.issues).toEqual([]);
  });

  it("two current communes of one name in two provinces: the list row's parent province picks the right one", () => {
    const today = readWorkbooks([
      workbook("t.xlsx", {
        Thôn: villagesWithNotes([
          ["Yên Bái", null, "Xã Tân Tiến", null, "Bản 1", "x", null],
          ["Lào Cai", null, "Xã Tân Tiến", null, "Bản 2", "x", null],
        ]),
        "Đơn vị": [
          UNIT_HEADER,
          ["Xã Tân Tiến", "Xã", null, null, "Lào Cai", "1/7/2025", null, "Xã Cũ (Bảo Thắng)"],
          ["Xã Tân Tiến", "Xã", null, null, "Yên Bái", "1/7/2025", null, "Xã Khác (Văn Yên)"],
        ],
      }),
    ]);
    const current = rollup(today.dataset, { referenceYear: 2025 });
    const before = readWorkbooks([
      workbook("b.xlsx", {
        Thôn: villagesWithNotes([["Lào Cai", "Bảo Thắng", "Xã Cũ", null, "Bản 9", "x", null]]),
      }),
    ]);
    const moved = remapOntoToday(before.dataset, current, today.dataset.expectedUnits, "2025-09-30");
    expect(moved.dataset.villages.map((v) => [v.province, v.commune, v.village])).toEqual([
      ["Lào Cai", "Xã Tân Tiến", "Bản 9"],
    ]);
  });

  it("the previous period's rows in another order give the same figures, notes and warnings", () => {
    const today = readWorkbooks([
      workbook("t.xlsx", {
        Thôn: villagesWithNotes([
          ["Lào Cai", null, "Xã Mới", null, "Bản 1", "x", null],
          ["Lào Cai", null, "Xã Mới", null, "Bản 2", "x", null],
          ["Lào Cai", null, "Xã Mới", null, "Bản 3", "Không", null],
        ]),
        "Đơn vị": [
          UNIT_HEADER,
          ["Xã Mới", "Xã", null, null, "Lào Cai", "1/7/2025", null, "Xã A; Xã B; Xã C"],
        ],
      }),
    ]);
    const current = rollup(today.dataset, { referenceYear: 2025 });
    const rows: CellValue[][] = [
      ["Lào Cai", "Huyện Cũ", "Xã A", null, "Bản 1", "x", null],
      ["Lào Cai", "Huyện Cũ", "Xã B", null, "Bản 2", "x", null],
      ["Lào Cai", "Huyện Cũ", "Xã C", null, "Bản 3", "x", null],
      ["Lào Cai", "Huyện Cũ", "Xã Bỏ", null, "Bản 8", "x", null],
      ["Lào Cai", "Huyện Cũ", "Xã Hết", null, "Bản 9", "x", null],
    ];
    const outcome = (order: CellValue[][]) => {
      const before = readWorkbooks([workbook("b.xlsx", { Thôn: villagesWithNotes(order) })]);
      const moved = remapOntoToday(before.dataset, current, today.dataset.expectedUnits, "2025-09-30");
      const previous = rollup(moved.dataset, { referenceYear: 2025 });
      return {
        figures: previous.units.map((u) => [u.id, u.villages, u.consolidated]),
        notes: [...moved.notes.entries()],
        // Warnings are located at their rows (sorted by place in the report): compared as a set.
        issues: moved.issues.map((i) => [i.code, i.message.vi]).sort(),
      };
    };
    fc.assert(
      fc.property(fc.shuffledSubarray(rows, { minLength: rows.length }), (shuffled) => {
        expect(outcome(shuffled)).toEqual(outcome(rows));
      }),
      { numRuns: 40 },
    );
  });

  it("codes with and without leading zeros (Excel drops them from a number) are the same code", () => {
    const today = readWorkbooks([
      workbook("t.xlsx", {
        Thôn: villagesWithNotes([
          ["Lào Cai", null, "Xã Mới", "09999", "Bản A", "x", null],
          ["Lào Cai", null, "Xã Khác", "08888", "Bản C", "x", null],
        ]),
        "Đơn vị": [
          UNIT_HEADER,
          ["Xã Mới", "Xã", "09999", null, "Lào Cai", "1/7/2025", null, "01111"],
          ["Xã Khác", "Xã", "08888", null, "Lào Cai", "1/7/2025", null, "02222"],
          ["Tên cũ", "Xã", "01111", "Huyện Cũ", "Huyện Cũ", null, "30/6/2025", null],
        ],
      }),
    ]);
    const current = rollup(today.dataset, { referenceYear: 2025 });
    const before = readWorkbooks([
      workbook("b.xlsx", {
        Thôn: villagesWithNotes([
          ["Lào Cai", "Huyện Cũ", "Tên khác", 1111, "Bản X", "x", null],
          ["Lào Cai", "Huyện Cũ", "Tên nữa", 2222, "Bản Y", "x", null],
        ]),
      }),
    ]);
    const moved = remapOntoToday(before.dataset, current, today.dataset.expectedUnits, "2025-09-30");
    expect(moved.issues).toEqual([]);
    expect(moved.dataset.villages.map((v) => [v.village, v.commune])).toEqual([
      ["Bản X", "Xã Mới"],
      ["Bản Y", "Xã Khác"],
    ]);
  });

  const villageArb = fc.record({
    // Slashes as clerks type them ("Bà Rịa/Vũng Tàu", "Phường 1/5") are part of a name, never a separator.
    province: fc.constantFrom("Lạng Sơn", "Lào Cai", "Bà Rịa/Vũng Tàu"),
    district: fc.constantFrom("Bình Gia", "Lộc Bình", "Văn Quan"),
    commune: fc.constantFrom("Yên Lỗ", "Tân Văn", "Hồng Phong", "Xuân Hòa", "Xã Xuân Hoà", "Phường 1/5"),
    village: fc.constantFrom("A", "B", "C", "D", "E", "F", "G", "H"),
    flag: fc.constantFrom<CellValue>("x", "Không", null, 1, 0),
    secretary: fc.constantFrom<CellValue>("Hoàng Văn A", "Lý Thị B", null),
    head: fc.constantFrom<CellValue>("Hoàng Văn A", "hoàng văn  a", "Lý Thị B", null),
    cell: fc.constantFrom<CellValue>("x", "Không", null),
    members: fc.constantFrom<CellValue>(0, 2, 3, 7, null),
  });

  it("property: re-aggregating a period onto its own map changes nothing, and notes nothing", () => {
    fc.assert(
      fc.property(fc.array(villageArb, { maxLength: 60 }), fc.boolean(), (rows, twoTier) => {
        const grid: CellValue[][] = [
          VILLAGE_HEADER,
          ...rows.map((r, i) => [
            i + 1,
            r.province,
            twoTier ? null : r.district,
            r.commune,
            r.village,
            r.secretary,
            r.head,
            r.flag,
            r.cell,
            r.members,
          ]),
        ];
        const read = readWorkbooks([workbook("p.xlsx", { Thôn: grid })]);
        const current = rollup(read.dataset, { referenceYear: 2025 });
        const moved = remapOntoToday(read.dataset, current, [], null);
        expect(moved.issues).toEqual([]);
        // Every commune is made of itself alone: nothing to note.
        expect([...moved.notes]).toEqual([]);
        const again = rollup(moved.dataset, { referenceYear: 2025 });
        const figures = (u: (typeof current.units)[number] | typeof current.total) => [
          u.id,
          u.level,
          u.villages,
          u.consolidated,
          INDICATORS.map((s) => [u.indicators[s.id].numerator, u.indicators[s.id].denominator]),
        ];
        expect(again.units.map(figures)).toEqual(current.units.map(figures));
        expect(figures(again.total)).toEqual(figures(current.total));
        for (const c of compareWithPrevious(current, again)) {
          expect([c.villagesChange, c.consolidatedChange, c.notes]).toEqual([0, 0, []]);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("after 1 July 2025", () => {
  const commune = (date: string) => {
    const result = analyse(
      [
        workbook("x.xlsx", {
          Thôn: villagesWithNotes(
            [
              ["Lào Cai", "Bảo Yên", "Thượng Hà", null, "Thôn 1", "x", null],
              ["Lào Cai", "Bảo Yên", "Thượng Hà", null, "Thôn 2", "Không", null],
            ],
            `(Số liệu đến ${date})`,
          ),
        }),
      ],
      { referenceYear: 2025 },
    );
    if (!result.ok) throw new Error(result.unusable.en);
    return result.analysis;
  };

  it("data that still names districts gets a warning; before the reform it does not", () => {
    const after = commune("1/10/2025").issues.filter((i) => i.code === "districts-after-reform");
    expect(after.map((i) => [i.severity, i.sheet, i.cell, i.message.en])).toEqual([
      [
        "warning",
        "Thôn",
        "A1",
        "Data dated 1/10/2025, after the district level was abolished (1 July 2025), still names a district (Bảo Yên). Leave the District column empty or use the new communes; the reports name no district body.",
      ],
    ]);
    expect(commune("30/6/2025").issues.some((i) => i.code === "districts-after-reform")).toBe(false);
  });

  it("a commune's report dated after the reform answers to the province, not the district", () => {
    const r = commune("1/10/2025").rollup;
    const after = resolveSettings(r, {}, { year: 2025, month: 10, day: 1 });
    expect([after.parentBody, after.issuingBody, after.recipients[0]]).toEqual([
      "ĐẢNG BỘ TỈNH LÀO CAI",
      "ĐẢNG ỦY XÃ THƯỢNG HÀ",
      "Ban Tổ chức Tỉnh ủy (để b/c),",
    ]);
    const before = resolveSettings(r, {}, { year: 2025, month: 6, day: 30 });
    expect([before.parentBody, before.recipients[0]]).toEqual([
      "ĐẢNG BỘ HUYỆN BẢO YÊN",
      "Ban Tổ chức Huyện ủy (để b/c),",
    ]);
  });
});
