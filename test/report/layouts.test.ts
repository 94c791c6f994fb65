import type { Issue } from "../../src/core/issues";
import {
  assertValidDescription,
  cellAt,
  isFormula,
  plainText,
  type CellContent,
  type SheetDescription,
} from "../../src/report/description";
import { dataCheckReport } from "../../src/report/layouts/dataCheck";
import { communePostsReport, secretariesReport } from "../../src/report/layouts/indicatorTable";
import { partyCellsReport } from "../../src/report/layouts/partyCells";
import { summaryReport } from "../../src/report/layouts/summary";
import { toConsolidateReport } from "../../src/report/layouts/toConsolidate";
import { buildReports } from "../../src/report/reports";
import { binhGia, langSonTwoDistricts, laoCaiTwoTier, locBinh, settingsFor, yenLoOnly } from "./fixtures";

/** The text or formula of a cell, for compact expectations. */
function show(c: CellContent): string | number | boolean | null {
  if (isFormula(c)) return c.formula;
  if (c === null || typeof c === "number" || typeof c === "boolean") return c;
  return plainText(c);
}

function row(d: SheetDescription, r: number): (string | number | boolean | null)[] {
  return d.cells[r - 1].map(show);
}

function findRow(d: SheetDescription, column: number, label: string): number {
  const i = d.cells.findIndex((r) => plainText(r[column - 1]) === label);
  if (i < 0) throw new Error(`no row with ${label}`);
  return i + 1;
}

/** Every text in the sheet, top to bottom. */
function texts(d: SheetDescription): string[] {
  return d.cells.flatMap((r) => r.map(plainText)).filter((t) => t !== "");
}

function formatAt(d: SheetDescription, r: number, c: number): string | undefined {
  let f: string | undefined;
  for (const s of d.styles) {
    const g = s.range;
    if (s.style.numberFormat !== undefined && g.top <= r && r <= g.bottom && g.left <= c && c <= g.right)
      f = s.style.numberFormat;
  }
  return f;
}

describe("report 1: summary of the main indicator (Bình Gia, seed 000)", () => {
  const f = binhGia();
  const d = summaryReport(f.rollup, settingsFor(f.rollup, { signerTitle: "PHÓ BÍ THƯ THƯỜNG TRỰC" }));

  it("has the official header block", () => {
    assertValidDescription(d);
    expect(show(cellAt(d, 1, 1))).toBe("ĐẢNG BỘ TỈNH LẠNG SƠN");
    expect(show(cellAt(d, 2, 1))).toBe("HUYỆN ỦY BÌNH GIA");
    expect(show(cellAt(d, 3, 1))).toBe("*");
    const right = d.merges.find((m) => m.top === 1 && m.left > 1)!;
    expect(show(cellAt(d, 1, right.left))).toBe("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(show(cellAt(d, 3, right.left))).toBe("Bình Gia, ngày 19 tháng 9 năm 2021");
    expect(texts(d)).toEqual(
      expect.arrayContaining([
        "BIỂU TỔNG HỢP",
        "KẾT QUẢ NHẤT THỂ HÓA BÍ THƯ CHI BỘ KIÊM TRƯỞNG THÔN, TỔ DÂN PHỐ",
        "(Số liệu đến ngày 19/9/2021)",
        "NGƯỜI LẬP BIỂU",
        "T/M BAN THƯỜNG VỤ",
        "PHÓ BÍ THƯ THƯỜNG TRỰC",
        "Nơi nhận:",
      ]),
    );
    const styleOf = (r: number, c: number) =>
      d.styles
        .filter((s) => s.range.top <= r && r <= s.range.bottom && s.range.left <= c && c <= s.range.right)
        .map((s) => s.style);
    expect(styleOf(1, right.left).some((s) => s.font?.bold && s.font?.underline)).toBe(true);
    expect(styleOf(2, 1).some((s) => s.font?.bold)).toBe(true);
    expect(styleOf(3, right.left).some((s) => s.font?.italic)).toBe(true);
    expect(d.defaultFont.name).toBe("Times New Roman");
  });

  it("lists the communes with values, formulas over its own cells, and exact 'still needed'", () => {
    const top = d.table.bodyTop;
    expect(row(d, d.table.headerTop)).toEqual([
      "STT",
      "Đơn vị",
      "Số thôn, tổ dân phố",
      "Số thôn nhất thể hóa",
      "Tỷ lệ (%)",
      "Chỉ tiêu (%)",
      "Còn thiếu (điểm %)",
      "Số thôn cần thêm",
      "Đánh giá",
    ]);
    expect(d.table.bodyBottom - top + 1).toBe(20);
    expect(row(d, top)).toEqual([
      1,
      "Yên Lỗ",
      9,
      3,
      `=IF(C${top}=0,"",D${top}/C${top})`,
      0.9,
      `=IF(OR(E${top}="",F${top}=""),"",F${top}-E${top})`,
      6,
      `=IF(OR(E${top}="",F${top}=""),"",IF(E${top}>F${top},"Đạt","Chưa đạt"))`,
    ]);
    const needed = (name: string) => show(cellAt(d, findRow(d, 2, name), 8));
    expect([needed("Tân Văn"), needed("Hồng Phong"), needed("Vĩnh Yên")]).toEqual([7, 7, 5]);
    const total = d.table.totalRow!;
    expect(row(d, total).slice(1, 4)).toEqual([
      "Tổng cộng",
      `=SUM(C${top}:C${top + 19})`,
      `=SUM(D${top}:D${top + 19})`,
    ]);
    expect(show(cellAt(d, total, 8))).toBe(61);
    const cached = (c: number) => (cellAt(d, total, c) as { result?: unknown }).result;
    expect([cached(3), cached(4), cached(5)]).toEqual([143, 68, 68 / 143]);
    expect(cached(9)).toBe("Chưa đạt");
  });

  it("formats rates as percents, 'above' targets with '>', and colours rates below target", () => {
    const top = d.table.bodyTop;
    expect(formatAt(d, top, 5)).toBe("0.0%");
    expect(formatAt(d, top, 6)).toBe('">"0.0%');
    expect(formatAt(d, top, 3)).toBe("0");
    expect(d.conditionalFills).toEqual([
      {
        range: { top, left: 5, bottom: d.table.totalRow, right: 5 },
        formula: `=AND(ISNUMBER($E${top}),ISNUMBER($F${top}),$E${top}<=$F${top})`,
        fill: "#FFC7CE",
        fontColor: "#9C0006",
      },
    ]);
  });

  it("prints on A4 landscape, one page wide, header rows repeated, panes frozen under the header", () => {
    expect(d.print).toMatchObject({
      paper: "A4",
      orientation: "landscape",
      fitToPagesWide: 1,
      titleRows: { first: d.table.headerTop, last: d.table.headerBottom },
    });
    expect(d.print.centerFooter).toContain("&P");
    expect(d.freeze).toEqual({ rows: d.table.headerBottom, columns: 2 });
    expect(d.name).toBe("Tổng hợp");
    expect(d.reportId).toBe("summary");
  });

  it("says under the table which target was applied and which Targets row it comes from", () => {
    const under = d.cells.slice(d.table.totalRow!, d.table.totalRow! + 2).map((r) => show(r[0]));
    expect(under).toEqual([
      "Chỉ tiêu trên 90% lấy từ trang “Chỉ tiêu”, ô D2 (áp dụng cho đơn vị “Bình Gia”, năm 2025).",
      "Chỉ tiêu trên 90% lấy từ trang “Chỉ tiêu”, ô D3 (áp dụng cho mọi xã, năm 2025).",
    ]);
    const en = summaryReport(f.rollup, settingsFor(f.rollup, { language: "en" }));
    expect(texts(en)).toContain(
      "Target above 90% from sheet “Chỉ tiêu”, cell D2 (set for the unit “Bình Gia”, 2025).",
    );
  });

  it("says so when no target applies", () => {
    const none = binhGia();
    const bare = {
      ...none.rollup,
      units: none.rollup.units.map((u) => ({ ...u, assessments: {} })),
      total: { ...none.rollup.total, assessments: {} },
    };
    const plain = summaryReport(bare, settingsFor(bare));
    expect(show(cellAt(plain, plain.table.totalRow! + 1, 1))).toBe(
      "Chưa có chỉ tiêu: không dòng nào trên trang “Chỉ tiêu” áp dụng cho các đơn vị trong bảng.",
    );
  });

  it("is in English on request", () => {
    const en = summaryReport(f.rollup, settingsFor(f.rollup, { language: "en" }));
    expect(en.name).toBe("Summary");
    expect(texts(en)).toEqual(
      expect.arrayContaining(["COMMUNIST PARTY OF VIETNAM", "Total", "BÌNH GIA DISTRICT PARTY COMMITTEE"]),
    );
    expect(show(cellAt(en, en.table.bodyTop, 9))).toContain('"Met","Not met"');
  });

  it("uses the state header and signature in the state style", () => {
    const st = summaryReport(f.rollup, settingsFor(f.rollup, { style: "state" }));
    expect(texts(st)).toEqual(
      expect.arrayContaining([
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN HUYỆN BÌNH GIA",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
      ]),
    );
    expect(texts(st)).not.toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
  });
});

describe("report 1 at other levels", () => {
  it("a province with districts: district subtotal rows over their communes, or districts only", () => {
    const f = langSonTwoDistricts();
    const nested = summaryReport(f.rollup, settingsFor(f.rollup));
    const top = nested.table.bodyTop;
    expect(row(nested, top).slice(0, 4)).toEqual([
      "I",
      "Bình Gia",
      `=SUBTOTAL(9,C${top + 1}:C${top + 20})`,
      `=SUBTOTAL(9,D${top + 1}:D${top + 20})`,
    ]);
    expect(show(cellAt(nested, top + 1, 2))).toBe("Yên Lỗ");
    const second = top + 21;
    expect(row(nested, second).slice(0, 3)).toEqual([
      "II",
      "Lộc Bình",
      `=SUBTOTAL(9,C${second + 1}:C${second + 21})`,
    ]);
    expect(show(cellAt(nested, nested.table.totalRow!, 3))).toBe(
      `=SUBTOTAL(9,C${top}:C${nested.table.bodyBottom})`,
    );
    expect(texts(nested)).toContain("TỈNH ỦY LẠNG SƠN");

    const flat = summaryReport(f.rollup, settingsFor(f.rollup, { provinceLayout: "flat" }));
    expect(flat.table.bodyBottom - flat.table.bodyTop + 1).toBe(2);
    expect(show(cellAt(flat, flat.table.totalRow!, 3))).toBe(
      `=SUM(C${flat.table.bodyTop}:C${flat.table.bodyBottom})`,
    );
    expect(show(cellAt(flat, flat.table.bodyTop, 3))).toBe(143);
  });

  it("two-tier data: a province's communes directly", () => {
    const f = laoCaiTwoTier();
    const d = summaryReport(f.rollup, settingsFor(f.rollup));
    expect(d.cells.slice(d.table.bodyTop - 1, d.table.bodyBottom).map((r) => show(r[1]))).toEqual([
      "Xuân Hòa",
      "Bảo Yên",
      "Phường Lào Cai",
    ]);
    expect(texts(d)).toContain("TỈNH ỦY LÀO CAI");
    expect(show(cellAt(d, d.table.bodyTop, 6))).toBe(0.9);
    expect(formatAt(d, d.table.bodyTop, 6)).toBe("0.0%");
  });

  it("a commune's own report lists its villages", () => {
    const f = yenLoOnly();
    const d = summaryReport(f.rollup, settingsFor(f.rollup));
    expect(texts(d)).toEqual(expect.arrayContaining(["ĐẢNG BỘ HUYỆN BÌNH GIA", "ĐẢNG ỦY XÃ YÊN LỖ"]));
    expect(d.table.bodyBottom - d.table.bodyTop + 1).toBe(9);
    // The official commune-level list: village, secretary, head, "x", notes; counts at the bottom.
    const first = row(d, d.table.bodyTop);
    expect(first[1]).toBe("Pò Mầm");
    expect(first[2]).toBe(first[3]);
    expect(first[4]).toBe("x");
    const total = d.table.totalRow!;
    expect(row(d, total)[0]).toBe("Tổng số thôn, tổ dân phố");
    expect(cellAt(d, total, 5)).toEqual({
      formula: `=COUNTA(B${d.table.bodyTop}:B${d.table.bodyBottom})`,
      result: 9,
    });
    expect(cellAt(d, total + 1, 5)).toEqual({
      formula: `=COUNTIF(E${d.table.bodyTop}:E${d.table.bodyBottom},"x")`,
      result: 3,
    });
    expect(show(cellAt(d, findRow(d, 1, "Số thôn cần thêm"), 5))).toBe(6);
    expect(texts(d)).toContain(
      "Chỉ tiêu trên 90% lấy từ trang “Chỉ tiêu”, ô D2 (áp dụng cho mọi đơn vị, năm 2025).",
    );
  });
});

describe("report 2: commune posts (Lộc Bình, seed 003)", () => {
  const f = locBinh();
  const d = communePostsReport(f.rollup, settingsFor(f.rollup));

  it("shows 10/21, 11/21 and 10/21 in the total row, as formulas over the commune rows", () => {
    assertValidDescription(d);
    const total = d.table.totalRow!;
    const top = d.table.bodyTop;
    const bottom = d.table.bodyBottom;
    expect(bottom - top + 1).toBe(21);
    const results = [3, 4, 6, 8].map((c) => (cellAt(d, total, c) as { result: number }).result);
    expect(results).toEqual([21, 10, 11, 10]);
    expect(show(cellAt(d, total, 4))).toBe(`=SUM(D${top}:D${bottom})`);
    expect(show(cellAt(d, total, 5))).toBe(`=IF(C${total}=0,"",D${total}/C${total})`);
    // Commune rows: 1 or 0 shown as "x" or blank; no rate on a single commune.
    expect(row(d, top).slice(2, 9)).toEqual([1, 1, null, 0, null, 1, null]);
    expect(formatAt(d, top, 4)).toBe('"x";"x";""');
    expect(formatAt(d, total, 4)).toBe("0");
    expect(d.cells[d.table.headerTop - 1].map(show).slice(3, 5)).toEqual(["Bí thư kiêm CT UBND", null]);
  });
});

describe("reports 3 and 4: secretaries and party cells", () => {
  const f = binhGia();
  const settings = settingsFor(f.rollup);

  it("secretaries: a count and a rate for each quality indicator over the secretaries", () => {
    const d = secretariesReport(f.rollup, settings);
    assertValidDescription(d);
    // STT, unit, secretaries, a count and a rate per indicator, notes ("Chưa có số liệu").
    expect(d.columnCount).toBe(3 + 2 * 8 + 1);
    const total = d.table.totalRow!;
    expect((cellAt(d, total, 3) as { result: number }).result).toBe(
      f.rollup.total.indicators.secretary_education_12.denominator,
    );
    expect((cellAt(d, total, 4) as { result: number }).result).toBe(
      f.rollup.total.indicators.secretary_education_12.numerator,
    );
    expect(show(cellAt(d, total, 5))).toBe(`=IF(C${total}=0,"",D${total}/C${total})`);
  });

  it("party cells: shares of villages and of cells, members per cell", () => {
    const d = partyCellsReport(f.rollup, settings);
    const r = d.table.bodyTop;
    expect(row(d, r).slice(4)).toEqual([
      `=IF(C${r}=0,"",D${r}/C${r})`,
      expect.any(Number),
      `=IF(D${r}=0,"",F${r}/D${r})`,
      expect.any(Number),
      `=IF(D${r}=0,"",H${r}/D${r})`,
    ]);
    const yenLo = f.rollup.units.find((u) => u.name === "Yên Lỗ")!;
    expect(row(d, r).slice(2, 4)).toEqual([
      yenLo.indicators.villages_own_cell.denominator,
      yenLo.indicators.villages_own_cell.numerator,
    ]);
    expect(formatAt(d, r, 9)).toBe("0.0");
  });
});

describe("report 5: villages still to consolidate", () => {
  it("groups the villages by commune with counts as formulas and what each commune still needs", () => {
    const f = binhGia([["Lạng Sơn", "Bình Gia", "Yên Lỗ", "=1+1", null, null, "Có", 3, null]]);
    const d = toConsolidateReport(f.rollup, settingsFor(f.rollup));
    assertValidDescription(d);
    const top = d.table.bodyTop;
    // Yên Lỗ: 6 named villages not consolidated plus "=1+1" (unknown) → 7; needs 7 of 10 for "above 90%".
    expect(row(d, top)).toEqual([
      "I",
      "Yên Lỗ",
      null,
      null,
      `=COUNTA(B${top + 1}:B${top + 7})`,
      7,
      null,
      null,
      null,
    ]);
    const unknown = d.cells.find((r) => plainText(r[1]) === "=1+1")!;
    expect(unknown[1]).toEqual({ text: "=1+1" });
    expect(plainText(unknown[6])).toBe("Chưa rõ (thiếu dữ liệu)");
    expect(texts(d)).not.toContain("Pò Mầm");
    const total = d.table.totalRow!;
    expect(row(d, total).slice(1, 6)).toEqual([
      "Tổng cộng",
      null,
      null,
      `=SUM(E${top}:E${d.table.bodyBottom})`,
      62,
    ]);
    expect((cellAt(d, total, 5) as { result: number }).result).toBe(144 - 68);
    expect(d.conditionalFills[0].formula).toBe(`=ISTEXT($A${top})`);
  });
});

describe("report 6: data check", () => {
  const issue = (file: string, sheet: string, cell: string): Issue => ({
    severity: "error",
    code: "bad-flag",
    file,
    sheet,
    cell,
    message: { vi: "“abc” không phải giá trị Có/Không.", en: "“abc” is not a yes/no value." },
  });
  const f = binhGia();

  it("links issues of this workbook to their cell and names other files as text", () => {
    const d = dataCheckReport(
      [issue("", "Thôn xóm", "B7"), issue("huyen.xlsx", "Thôn", "C9"), issue("", "It's", "A1:N1")],
      settingsFor(f.rollup),
    );
    const top = d.table.bodyTop;
    expect(row(d, top)).toEqual([
      1,
      "Lỗi",
      "(sổ này)",
      "Thôn xóm",
      `=HYPERLINK("#'Thôn xóm'!B7","B7")`,
      "“abc” không phải giá trị Có/Không.",
    ]);
    expect(row(d, top + 1).slice(2, 5)).toEqual(["huyen.xlsx", "Thôn", "C9"]);
    expect(show(cellAt(d, top + 2, 5))).toBe(`=HYPERLINK("#'It''s'!A1:N1","A1:N1")`);
  });

  it("lists information lines (skipped sheets and rows) as information, never as errors", () => {
    const info: Issue = {
      severity: "info",
      code: "rows-skipped",
      file: "",
      sheet: "Thôn",
      cell: "A12",
      message: {
        vi: "Trang “Thôn”: bỏ qua 3 dòng cộng/tổng (dòng 12, 25, 40).",
        en: "Sheet “Thôn”: 3 subtotal or total rows skipped (rows 12, 25, 40).",
      },
    };
    const d = dataCheckReport([issue("", "Thôn", "B7"), info], settingsFor(f.rollup));
    const top = d.table.bodyTop;
    expect(row(d, top + 1).slice(1, 4)).toEqual(["Thông tin", "(sổ này)", "Thôn"]);
    expect(row(d, top + 1)[5]).toBe("Trang “Thôn”: bỏ qua 3 dòng cộng/tổng (dòng 12, 25, 40).");
    const en = dataCheckReport([info], settingsFor(f.rollup, { language: "en" }));
    expect(row(en, en.table.bodyTop)[1]).toBe("Information");
  });

  it("says so when there is no issue", () => {
    const d = dataCheckReport([], settingsFor(f.rollup, { language: "en" }));
    expect(texts(d)).toContain("No problem found in the data.");
  });
});

describe("all reports", () => {
  it("are six valid sheets without any NTH custom function and with every risky text forced", () => {
    const f = binhGia([
      ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "+84 912", "-Hà Văn A", "@Lý", "Có", 3, "=SUM(A1)"],
    ]);
    const sheets = buildReports(f.rollup, f.issues, settingsFor(f.rollup));
    expect(sheets.map((s) => s.reportId)).toEqual([
      "summary",
      "communePosts",
      "secretaries",
      "partyCells",
      "toConsolidate",
      "dataCheck",
    ]);
    for (const d of sheets) {
      assertValidDescription(d);
      for (const r of d.cells) for (const c of r) if (isFormula(c)) expect(c.formula).not.toMatch(/NTH\./i);
    }
    const list = sheets[4];
    const risky = list.cells.flat().filter((c) => typeof c === "object" && c !== null && "text" in c);
    expect(risky).toEqual(
      expect.arrayContaining([{ text: "+84 912" }, { text: "-Hà Văn A" }, { text: "@Lý" }]),
    );
  });
});
