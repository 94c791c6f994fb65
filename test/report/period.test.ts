import type { CellValue } from "../../src/core/cells";
import { analyse } from "../../src/core/pipeline";
import { periodInTitleRows, periodOfText, yearOfPeriod } from "../../src/core/read/period";
import { periodLine, resolveSettings } from "../../src/report/settings";
import { reportsFor } from "../../src/report/reports";
import { OFFICE_HEADER, secretaryRows, VILLAGE_HEADER, villageRows, type CommuneSpec } from "./fixtures";

/** Issue 13, item 2: the period comes from the data; the year for ages follows it. */

const communes: CommuneSpec[] = [
  { name: "Yên Lỗ", villages: 4, consolidated: 2 },
  { name: "Tân Văn", villages: 3, consolidated: 1 },
];

function workbook(titles: CellValue[][], extra: { name: string; rows: CellValue[][] }[] = []) {
  return {
    file: "data.xlsx",
    sheets: [
      {
        name: "Thôn",
        rows: [...titles, VILLAGE_HEADER, ...villageRows("Lạng Sơn", "Bình Gia", communes)],
      },
      { name: "Cán bộ", rows: [OFFICE_HEADER, ...secretaryRows("Lạng Sơn", "Bình Gia", communes)] },
      ...extra,
    ],
  };
}

describe("the period phrase of a title row", () => {
  it.each([
    ["(số liệu đến 30/6/2025)", "số liệu đến 30/6/2025", 2025, { year: 2025, month: 6, day: 30 }],
    [
      "Số liệu có đến ngày 31-12-2024",
      "Số liệu có đến ngày 31-12-2024",
      2024,
      { year: 2024, month: 12, day: 31 },
    ],
    [
      "DANH SÁCH THÔN (Tính đến ngày 15 tháng 9 năm 2021)",
      "Tính đến ngày 15 tháng 9 năm 2021",
      2021,
      { year: 2021, month: 9, day: 15 },
    ],
    ["Kỳ báo cáo: Quý III/2021", "Kỳ báo cáo: Quý III/2021", 2021, null],
    ["6 tháng đầu năm 2025", "6 tháng đầu năm 2025", 2025, null],
    ["BÁO CÁO 6 THÁNG ĐẦU NĂM 2025", "BÁO CÁO 6 THÁNG ĐẦU NĂM 2025", 2025, null],
    ["Sáu tháng đầu năm 2025", "Sáu tháng đầu năm 2025", 2025, null],
    ["quý II/2025", "quý II/2025", 2025, null],
    ["DANH SÁCH THÔN (Quý II/2025)", "Quý II/2025", 2025, null],
    ["Quý 2 năm 2025", "Quý 2 năm 2025", 2025, null],
    ["tháng 6/2025", "tháng 6/2025", 2025, null],
    ["Số liệu tháng 6/2025", "Số liệu tháng 6/2025", 2025, null],
    ["THÁNG 06-2025", "THÁNG 06-2025", 2025, null],
    ["Tháng 6 năm 2025", "Tháng 6 năm 2025", 2025, null],
    ["tha\u0301ng 6/2025".normalize("NFD"), "tháng 6/2025", 2025, null],
  ])("“%s”", (text, phrase, year, date) => {
    expect(periodOfText(text)).toEqual({ text: phrase, year, date });
  });

  it("a title that only names a year, or says data without a cut-off, is no period", () => {
    expect(periodOfText("DANH SÁCH THÔN, KHỐI PHỐ NĂM 2025")).toBeNull();
    expect(periodOfText("(Dữ liệu mẫu: số liệu tổng hợp theo các bài báo 2021–2022)")).toBeNull();
    expect(periodOfText("Số liệu đến ngày")).toBeNull();
    // A place-and-date line says when a document was signed, not what period its data covers.
    expect(periodOfText("Bình Gia, ngày 19 tháng 9 năm 2021")).toBeNull();
    expect(periodOfText("tháng 6")).toBeNull();
  });

  it("is looked for only above the header row, nearest first", () => {
    const grid = {
      name: "Thôn",
      firstRow: 3,
      rows: [
        ["(Số liệu đến 31/12/2020)"],
        [null, "(số liệu đến 30/6/2025)"],
        ["Tỉnh", "Huyện"],
        ["(số liệu đến 1/1/2030)"],
      ],
    };
    expect(periodInTitleRows(grid, 2)).toEqual({
      period: { text: "số liệu đến 30/6/2025", year: 2025, date: { year: 2025, month: 6, day: 30 } },
      row: 4,
      column: 2,
    });
    expect(periodInTitleRows(grid, 0)).toBeNull();
  });

  it("years of periods as clerks write them", () => {
    expect(yearOfPeriod("Quý III/2021")).toBe(2021);
    expect(yearOfPeriod("2025-09")).toBe(2025);
    expect(yearOfPeriod("30/6/2025")).toBe(2025);
    expect(yearOfPeriod("cuối năm")).toBeNull();
  });
});

describe("the period line and the year for ages", () => {
  it("the title row's period is the report's period line, and ages are counted for its year", () => {
    const result = analyse([workbook([["DANH SÁCH THÔN"], ["(số liệu đến 30/6/2019)"]])], {
      referenceYear: 2026,
    });
    if (!result.ok) throw new Error(result.unusable.en);
    const { analysis } = result;
    expect(analysis.period).toEqual({
      period: { text: "số liệu đến 30/6/2019", year: 2019, date: { year: 2019, month: 6, day: 30 } },
      source: { kind: "title", file: "data.xlsx", sheet: "Thôn", cell: "A2" },
    });
    expect(analysis.rollup.referenceYear).toBe(2019);
    const built = reportsFor(analysis.rollup, analysis.issues, {
      workbooks: [],
      today: { year: 2026, month: 11, day: 29 },
      dataPeriod: analysis.period?.period.text,
    });
    expect(built.settings.period).toBe("(Số liệu đến 30/6/2019)");
    // The printed period is in the sheet, under the title.
    expect(built.sheets[0].cells.flat()).toContain("(Số liệu đến 30/6/2019)");
  });

  it("ages follow the period: the under-40 count changes with the title row's year", () => {
    const at = (year: number) => {
      const r = analyse([workbook([[`(Số liệu đến 31/12/${year})`]])], { referenceYear: 2026 });
      if (!r.ok) throw new Error(r.unusable.en);
      return r.analysis.rollup.total.indicators.secretary_under_40.numerator;
    };
    expect(at(1990)).toBeGreaterThan(at(2030));
  });

  it("the settings (--period, the settings sheet) win over the data, and --year over every period", () => {
    const wb = workbook([["(số liệu đến 30/6/2019)"]]);
    const given = analyse([wb], { referenceYear: 2026, givenPeriod: "(Số liệu đến 31/12/2022)" });
    if (!given.ok) throw new Error("unusable");
    expect(given.analysis.rollup.referenceYear).toBe(2022);
    const fixed = analyse([wb], { referenceYear: 2026, referenceYearFixed: true, givenPeriod: "Quý I/2022" });
    if (!fixed.ok) throw new Error("unusable");
    expect(fixed.analysis.rollup.referenceYear).toBe(2026);
    const settings = resolveSettings(
      given.analysis.rollup,
      { period: "(Số liệu đến 31/12/2022)" },
      { year: 2026, month: 1, day: 2 },
      { period: "số liệu đến 30/6/2019" },
    );
    expect(settings.period).toBe("(Số liệu đến 31/12/2022)");
  });

  it("a title row “BÁO CÁO THÁNG 6/2025” gives the period and the year for ages", () => {
    const month = analyse([workbook([["BÁO CÁO THÁNG 6/2025"]])], { referenceYear: 2030 });
    if (!month.ok) throw new Error("unusable");
    expect(month.analysis.period?.period).toEqual({ text: "BÁO CÁO THÁNG 6/2025", year: 2025, date: null });
    expect(month.analysis.rollup.referenceYear).toBe(2025);
  });

  it("without a title row, the submissions' period; without any, the report date", () => {
    expect(periodLine("Quý III/2021", "vi")).toBe("(Kỳ báo cáo: Quý III/2021)");
    expect(periodLine("(số liệu đến 30/6/2025)", "vi")).toBe("(Số liệu đến 30/6/2025)");
    const none = analyse([workbook([["DANH SÁCH THÔN"]])], { referenceYear: 2026 });
    if (!none.ok) throw new Error("unusable");
    expect(none.analysis.period).toBeNull();
    expect(none.analysis.rollup.referenceYear).toBe(2026);
    const s = resolveSettings(none.analysis.rollup, {}, { year: 2026, month: 11, day: 29 });
    expect(s.period).toBe("(Số liệu đến ngày 29/11/2026)");
  });
});

describe("the period line for phrases the clerks write (attack on issue 13)", () => {
  it("a phrase with a second date in parentheses keeps its closing parenthesis", () => {
    const phrase = periodOfText("Kết quả đến ngày 30/6/2025 (so với 31/12/2024)");
    expect(phrase?.date).toEqual({ year: 2025, month: 6, day: 30 });
    expect(periodLine(phrase!.text, "vi")).toBe("(Kết quả đến ngày 30/6/2025 (so với 31/12/2024))");
  });

  it("an English report shows the cut-off date in English, not the Vietnamese words", () => {
    expect(periodLine("Tính đến 31/12/2024", "en")).toBe("(Data as of 31/12/2024)");
    expect(periodLine("(số liệu đến ngày 30 tháng 6 năm 2025)", "en")).toBe("(Data as of 30/06/2025)");
    expect(periodLine("Kỳ báo cáo: Quý III/2021", "en")).toBe("(Reporting period: Quý III/2021)");
    expect(periodLine("6 tháng đầu năm 2025", "en")).toBe("(Reporting period: 6 tháng đầu năm 2025)");
    // Vietnamese unchanged.
    expect(periodLine("Tính đến 31/12/2024", "vi")).toBe("(Tính đến 31/12/2024)");
    expect(periodLine("Quý II-2025", "vi")).toBe("(Kỳ báo cáo: Quý II-2025)");
    expect(periodLine("tháng 6/2025", "vi")).toBe("(Kỳ báo cáo: tháng 6/2025)");
    expect(periodLine("quý II/2025", "vi")).toBe("(Kỳ báo cáo: quý II/2025)");
    expect(periodLine("6 tháng đầu năm 2025", "vi")).toBe("(Kỳ báo cáo: 6 tháng đầu năm 2025)");
    expect(periodLine("Số liệu tháng 6/2025", "vi")).toBe("(Số liệu tháng 6/2025)");
  });
});
