import type { CellValue } from "../../src/core/cells";
import { placeAndDate, resolveSettings, signatureName } from "../../src/report/settings";
import {
  isSettingsSheetName,
  mergeSettings,
  parseReportDate,
  parseSettingsOptions,
  parseSettingsSheet,
} from "../../src/report/settingsSheet";
import { unitKind } from "../../src/report/scope";
import { binhGia, FIXED_DATE, langSonTwoDistricts, laoCaiTwoTier, settingsFor, yenLoOnly } from "./fixtures";

describe("default settings from the data", () => {
  it("a district: its committee, its province's organisation, its place, recipients upward", () => {
    const s = settingsFor(binhGia().rollup);
    expect(s).toMatchObject({
      language: "vi",
      style: "party",
      provinceLayout: "nested",
      parentBody: "ĐẢNG BỘ TỈNH LẠNG SƠN",
      issuingBody: "HUYỆN ỦY BÌNH GIA",
      place: "Bình Gia",
      date: FIXED_DATE,
      period: "(Số liệu đến ngày 19/9/2021)",
      signingFor: "T/M BAN THƯỜNG VỤ",
      signerTitle: "BÍ THƯ",
      recipients: ["Ban Tổ chức Tỉnh ủy (để b/c),", "Lưu Văn phòng Huyện ủy."],
    });
  });

  it("a province, a two-tier province and a commune", () => {
    expect(settingsFor(langSonTwoDistricts().rollup)).toMatchObject({
      parentBody: "",
      issuingBody: "TỈNH ỦY LẠNG SƠN",
      place: "Lạng Sơn",
    });
    expect(settingsFor(laoCaiTwoTier().rollup)).toMatchObject({ issuingBody: "TỈNH ỦY LÀO CAI" });
    expect(settingsFor(yenLoOnly().rollup)).toMatchObject({
      parentBody: "ĐẢNG BỘ HUYỆN BÌNH GIA",
      issuingBody: "ĐẢNG ỦY XÃ YÊN LỖ",
      recipients: ["Ban Tổ chức Huyện ủy (để b/c),", "Lưu Văn phòng Đảng ủy."],
    });
  });

  it("given settings win over the defaults; the date comes from the injected clock", () => {
    const r = binhGia().rollup;
    const s = resolveSettings(
      r,
      { issuingBody: "BAN TỔ CHỨC HUYỆN ỦY", signerName: "Nguyễn Trung Kiên" },
      { year: 2024, month: 2, day: 5 },
    );
    expect(s.issuingBody).toBe("BAN TỔ CHỨC HUYỆN ỦY");
    expect(s.signerName).toBe("Nguyễn Trung Kiên");
    expect(s.period).toBe("(Số liệu đến ngày 5/2/2024)");
    expect(placeAndDate(s.place, s.date, "vi")).toBe("Bình Gia, ngày 05 tháng 02 năm 2024");
    expect(placeAndDate("Bình Gia", { year: 2021, month: 9, day: 19 }, "en")).toBe(
      "Bình Gia, 19 September 2021",
    );
  });

  it("reads unit kinds from names", () => {
    expect(unitKind("district", "Thành phố Lạng Sơn")).toEqual({ kind: "provincialCity", bare: "Lạng Sơn" });
    expect(unitKind("district", "TP. Lạng Sơn")).toEqual({ kind: "provincialCity", bare: "Lạng Sơn" });
    expect(unitKind("commune", "Thị trấn Bình Gia")).toEqual({ kind: "township", bare: "Bình Gia" });
    expect(unitKind("province", "Hà Nội")).toEqual({ kind: "centralCity", bare: "Hà Nội" });
    expect(unitKind("district", "Bình Gia")).toEqual({ kind: "district", bare: "Bình Gia" });
  });
});

describe("the settings sheet “Cài đặt báo cáo”", () => {
  const grid = (rows: CellValue[][]) => ({ name: "Cài đặt báo cáo", rows });

  it("reads one setting per row, by Vietnamese or English name, with recipients over several rows", () => {
    const { settings, problems } = parseSettingsSheet(
      grid([
        ["Mục", "Giá trị"],
        ["Cơ quan cấp trên", "ĐẢNG BỘ TỈNH LẠNG SƠN"],
        ["Cơ quan ban hành:", "HUYỆN ỦY BÌNH GIA"],
        ["Địa danh", "Bình Gia"],
        ["Ngày báo cáo", { kind: "date", iso: "2021-09-19" }],
        ["Kỳ báo cáo", "(Số liệu đến ngày 15/9/2021)"],
        ["Chức vụ người ký", "PHÓ BÍ THƯ THƯỜNG TRỰC"],
        ["NGƯỜI KÝ", "Nguyễn Trung Kiên"],
        ["Người lập biểu", "Nguyễn Văn A"],
        ["Thể thức", "Đảng"],
        ["Language", "English"],
        ["Cách trình bày", "Một cấp"],
        ["Nơi nhận", "- Ban Tổ chức Tỉnh ủy,"],
        [null, "- Lưu Văn phòng Huyện ủy."],
        [],
        ["Thay mặt", "T/M BAN THƯỜNG VỤ"],
      ]),
    );
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      parentBody: "ĐẢNG BỘ TỈNH LẠNG SƠN",
      issuingBody: "HUYỆN ỦY BÌNH GIA",
      place: "Bình Gia",
      date: { year: 2021, month: 9, day: 19 },
      period: "(Số liệu đến ngày 15/9/2021)",
      signerTitle: "PHÓ BÍ THƯ THƯỜNG TRỰC",
      signerName: "Nguyễn Trung Kiên",
      preparerName: "Nguyễn Văn A",
      style: "party",
      language: "en",
      provinceLayout: "flat",
      recipients: ["Ban Tổ chức Tỉnh ủy,", "Lưu Văn phòng Huyện ủy."],
      signingFor: "T/M BAN THƯỜNG VỤ",
    });
  });

  it("reports unknown names and unreadable values with their cells, and keeps going", () => {
    const { settings, problems } = parseSettingsSheet({
      name: "Cài đặt báo cáo",
      firstRow: 3,
      firstColumn: 2,
      rows: [
        ["Tiêu đề", "x"],
        ["Màu nền", "đỏ"],
        ["Ngày", "31/2/2021"],
        ["Thể thức", "hỗn hợp"],
        ["Người ký", "Hoàng Văn Thụ"],
        ["Địa danh"],
      ],
    });
    expect(problems.map((p) => p.cell)).toEqual(["B4", "C5", "C6"]);
    expect(problems[0].message.vi).toContain("Màu nền");
    expect(problems[1].message.en).toContain("31/2/2021");
    expect(settings).toEqual({ signerName: "Hoàng Văn Thụ" });
  });

  it("reads dates as clerks write them", () => {
    expect(parseReportDate("19/9/2021")).toEqual({ year: 2021, month: 9, day: 19 });
    expect(parseReportDate("2021-09-19")).toEqual({ year: 2021, month: 9, day: 19 });
    expect(parseReportDate("ngày 19 tháng 9 năm 2021")).toEqual({ year: 2021, month: 9, day: 19 });
    expect(parseReportDate(44458)).toEqual({ year: 2021, month: 9, day: 19 });
    expect(parseReportDate("19/13/2021")).toBeNull();
    expect(isSettingsSheetName("cai dat bao cao")).toBe(true);
    expect(isSettingsSheetName("Report settings")).toBe(true);
  });

  it("CLI options use the same names; later settings win", () => {
    const { settings, problems } = parseSettingsOptions(
      new Map([
        ["issuer", "HUYỆN ỦY BÌNH GIA"],
        ["date", "19/9/2021"],
        ["recipients", "Ban Tổ chức Tỉnh ủy; Lưu VP"],
        ["style", "state"],
        ["colour", "red"],
      ]),
    );
    expect(settings).toEqual({
      issuingBody: "HUYỆN ỦY BÌNH GIA",
      date: { year: 2021, month: 9, day: 19 },
      recipients: ["Ban Tổ chức Tỉnh ủy", "Lưu VP"],
      style: "state",
    });
    expect(problems.map((p) => p.cell)).toEqual(["--colour"]);
    expect(mergeSettings({ place: "A", signerName: "B" }, { place: "C" })).toEqual({
      place: "C",
      signerName: "B",
    });
  });
});

describe("names under the signatures (attack on issue 13)", () => {
  it.each([
    ["Đ/c Hoàng Văn Minh", "Hoàng Văn Minh"],
    ["đ/c Hoàng Văn Minh", "Hoàng Văn Minh"],
    ["Đ/cHoàng Văn Minh", "Hoàng Văn Minh"],
    ["Đ.c Hoàng Văn Minh", "Hoàng Văn Minh"],
    ["Đồng chí  Lương Thị Hoa", "Lương Thị Hoa"],
    ["Ông Văn Tùng", "Ông Văn Tùng"],
    ["Đồng chí Hoa", "Đồng chí Hoa"],
    ["Đàm Văn Dũng", "Đàm Văn Dũng"],
    ["Đinh Công Chức", "Đinh Công Chức"],
  ])("“%s” signs as “%s”", (given, name) => {
    expect(signatureName(given)).toBe(name);
  });

  it("the settings carry the signer's and the preparer's names without “Đ/c”", () => {
    const f = binhGia();
    const s = resolveSettings(
      f.rollup,
      { signerName: "Đ/c Hoàng Văn Minh", preparerName: "Đồng chí Lương Thị Hoa" },
      FIXED_DATE,
    );
    expect(s.signerName).toBe("Hoàng Văn Minh");
    expect(s.preparerName).toBe("Lương Thị Hoa");
  });
});

describe("empty and all-space options (attack on issue 13)", () => {
  it("keep the defaults, as an empty cell of the settings sheet does", () => {
    const parsed = parseSettingsOptions(
      new Map([
        ["period", "   "],
        ["issuer", ""],
        ["signer", "\t"],
      ]),
    );
    expect(parsed).toEqual({ settings: {}, problems: [] });
    const f = binhGia();
    const s = resolveSettings(f.rollup, parsed.settings, FIXED_DATE);
    expect(s.period).toBe("(Số liệu đến ngày 19/9/2021)");
    expect(s.issuingBody).toBe("HUYỆN ỦY BÌNH GIA");
    // A value with text still wins.
    expect(parseSettingsOptions(new Map([["period", " Quý II-2025 "]])).settings.period).toBe(
      "(Quý II-2025)",
    );
  });
});
