import type { CellValue } from "../../src/core/cells";
import { kindFromWord, unitKind } from "../../src/report/scope";
import { placeAndDate, placeName } from "../../src/report/settings";
import { roll, settingsFor, VILLAGE_HEADER, villageRows, type CommuneSpec } from "./fixtures";

/**
 * Issue 13, item 1: a kind word is a kind word only when written as one, diacritics included.
 * "Quan Sơn", "Quản Bạ", "Phương Sơn", "Xà Phìn" are names; "Thị trấn Phố Bảng" is a township.
 */

const two: CommuneSpec[] = [
  { name: "Sơn Hà", villages: 3, consolidated: 1 },
  { name: "Tam Lư", villages: 2, consolidated: 2 },
];

function district(province: string, name: string, communes: readonly CommuneSpec[] = two) {
  return roll({
    file: "",
    sheets: [{ name: "Thôn", rows: [VILLAGE_HEADER, ...villageRows(province, name, communes)] }],
  });
}

function commune(province: string, districtName: string | null, name: string) {
  const rows: CellValue[][] = villageRows(province, districtName, [{ name, villages: 4, consolidated: 2 }]);
  return roll({ file: "", sheets: [{ name: "Thôn", rows: [VILLAGE_HEADER, ...rows] }] });
}

describe("kind words are read with their diacritics", () => {
  it.each([
    ["district", "Quan Sơn", "district", "Quan Sơn"],
    ["district", "Quận Ba Đình", "urbanDistrict", "Ba Đình"],
    ["district", "QUẬN Ba Đình", "urbanDistrict", "Ba Đình"],
    ["district", "Quản Bạ", "district", "Quản Bạ"],
    ["district", "Huyện Quản Bạ", "district", "Quản Bạ"],
    ["district", "Thị xã Sa Pa", "town", "Sa Pa"],
    ["district", "Thi Sơn", "district", "Thi Sơn"],
    ["district", "TP. Lạng Sơn", "provincialCity", "Lạng Sơn"],
    ["commune", "Phương Sơn", "commune", "Phương Sơn"],
    ["commune", "Phường Tam Thanh", "ward", "Tam Thanh"],
    ["commune", "Xà Phìn", "commune", "Xà Phìn"],
    ["commune", "Xá Lượng", "commune", "Xá Lượng"],
    ["commune", "Xã Xà Phìn", "commune", "Xà Phìn"],
    ["commune", "Thị trấn Phố Bảng", "township", "Phố Bảng"],
    ["commune", "thị trấn Phố Bảng", "township", "Phố Bảng"],
    ["commune", "Thi Trấn Phố Bảng".normalize("NFD"), "commune", "Thi Trấn Phố Bảng"],
    ["commune", "Đặc khu Phú Quốc", "specialZone", "Phú Quốc"],
    ["province", "Tinh Túc", "province", "Tinh Túc"],
    ["province", "Tỉnh Cao Bằng", "province", "Cao Bằng"],
    ["province", "Huế", "centralCity", "Huế"],
  ] as const)("%s “%s” → %s “%s”", (level, name, kind, bare) => {
    expect(unitKind(level, name)).toEqual({ kind, bare });
  });

  it("decomposed input (NFD) still matches a real kind word", () => {
    expect(unitKind("district", "Quận Hoàn Kiếm".normalize("NFD"))).toEqual({
      kind: "urbanDistrict",
      bare: "Hoàn Kiếm",
    });
  });

  it("the data may state the kind (a Loại/Cấp value): it wins, compared with diacritics", () => {
    expect(kindFromWord("commune", "Thị trấn")).toBe("township");
    expect(kindFromWord("commune", "phường")).toBe("ward");
    expect(kindFromWord("district", "Quan")).toBeNull();
    expect(kindFromWord("commune", "Phương")).toBeNull();
    expect(unitKind("commune", "Phố Bảng", "township")).toEqual({ kind: "township", bare: "Phố Bảng" });
    expect(unitKind("district", "Ba Đình", "urbanDistrict")).toEqual({
      kind: "urbanDistrict",
      bare: "Ba Đình",
    });
    // A kind of another level is ignored.
    expect(unitKind("district", "Quan Sơn", "ward")).toEqual({ kind: "district", bare: "Quan Sơn" });
  });
});

describe("header, place line and recipients for real unit names", () => {
  it("Quan Sơn district (Thanh Hóa)", () => {
    const s = settingsFor(district("Thanh Hóa", "Quan Sơn").rollup);
    expect(s.issuingBody).toBe("HUYỆN ỦY QUAN SƠN");
    expect(s.parentBody).toBe("ĐẢNG BỘ TỈNH THANH HÓA");
    expect(s.place).toBe("Quan Sơn");
    expect(placeAndDate(s.place, s.date, "vi")).toBe("Quan Sơn, ngày 19 tháng 9 năm 2021");
    expect(s.recipients).toEqual(["Ban Tổ chức Tỉnh ủy (để b/c),", "Lưu Văn phòng Huyện ủy."]);
  });

  it("Quản Bạ district (Hà Giang), and a commune of it", () => {
    const s = settingsFor(district("Hà Giang", "Quản Bạ").rollup);
    expect(s.issuingBody).toBe("HUYỆN ỦY QUẢN BẠ");
    expect(s.place).toBe("Quản Bạ");
    const c = settingsFor(commune("Hà Giang", "Quản Bạ", "Quyết Tiến").rollup);
    expect(c.parentBody).toBe("ĐẢNG BỘ HUYỆN QUẢN BẠ");
    expect(c.issuingBody).toBe("ĐẢNG ỦY XÃ QUYẾT TIẾN");
    expect(c.recipients).toEqual(["Ban Tổ chức Huyện ủy (để b/c),", "Lưu Văn phòng Đảng ủy."]);
  });

  it("Phương Sơn and Xà Phìn communes keep their names", () => {
    const p = settingsFor(commune("Bắc Giang", "Lục Nam", "Phương Sơn").rollup);
    expect(p.issuingBody).toBe("ĐẢNG ỦY XÃ PHƯƠNG SƠN");
    expect(p.place).toBe("Phương Sơn");
    const x = settingsFor(commune("Hà Giang", "Đồng Văn", "Xà Phìn").rollup);
    expect(x.issuingBody).toBe("ĐẢNG ỦY XÃ XÀ PHÌN");
    expect(placeAndDate(x.place, x.date, "vi")).toBe("Xà Phìn, ngày 19 tháng 9 năm 2021");
  });

  it("Thị trấn Phố Bảng stays a township", () => {
    const s = settingsFor(commune("Hà Giang", "Đồng Văn", "Thị trấn Phố Bảng").rollup);
    expect(s.issuingBody).toBe("ĐẢNG ỦY THỊ TRẤN PHỐ BẢNG");
    expect(s.parentBody).toBe("ĐẢNG BỘ HUYỆN ĐỒNG VĂN");
    expect(s.place).toBe("Phố Bảng");
    expect(s.recipients).toEqual(["Ban Tổ chức Huyện ủy (để b/c),", "Lưu Văn phòng Đảng ủy."]);
  });
});

describe("abbreviated and island kind words (attack on issue 13)", () => {
  it.each([
    ["district", "TP.Lạng Sơn", "provincialCity", "Lạng Sơn"],
    ["district", "Q.Ba Đình", "urbanDistrict", "Ba Đình"],
    ["district", "Q. Ba Đình", "urbanDistrict", "Ba Đình"],
    ["district", "H. Bình Gia", "district", "Bình Gia"],
    ["district", "TX.Sa Pa", "town", "Sa Pa"],
    ["district", "Huyện đảo Cô Tô", "district", "Cô Tô"],
    ["district", "Huyện Đảo Cô Tô", "district", "Cô Tô"],
    ["commune", "TT.Na Sầm", "township", "Na Sầm"],
    ["commune", "P.1", "ward", "1"],
    ["commune", "X. Tân Thanh", "commune", "Tân Thanh"],
    // One letter without its dot is a name's first syllable, never a kind word.
    ["district", "H Bình Gia", "district", "H Bình Gia"],
  ] as const)("%s “%s” → %s “%s”", (level, name, kind, bare) => {
    expect(unitKind(level, name)).toEqual({ kind, bare });
  });

  it("TP.Lạng Sơn (no space after the dot) is the city's party committee, not a district's", () => {
    const s = settingsFor(district("Lạng Sơn", "TP.Lạng Sơn").rollup);
    expect(s.issuingBody).toBe("THÀNH ỦY LẠNG SƠN");
    expect(s.place).toBe("Lạng Sơn");
    expect(s.recipients).toEqual(["Ban Tổ chức Tỉnh ủy (để b/c),", "Lưu Văn phòng Thành ủy."]);
  });

  it("Huyện đảo Cô Tô reports as HUYỆN ỦY CÔ TÔ, placed at Cô Tô", () => {
    const s = settingsFor(district("Quảng Ninh", "Huyện đảo Cô Tô").rollup);
    expect(s.issuingBody).toBe("HUYỆN ỦY CÔ TÔ");
    expect(s.parentBody).toBe("ĐẢNG BỘ TỈNH QUẢNG NINH");
    expect(s.place).toBe("Cô Tô");
  });
});

describe("the place line for names typed in capitals or lower case (attack on issue 13)", () => {
  it.each([
    ["YÊN LỖ", "Yên Lỗ"],
    ["yên lỗ", "Yên Lỗ"],
    ["VI HƯƠNG", "Vi Hương"],
    ["IV", "IV"],
    ["1", "1"],
    ["Đắk R'Lấp", "Đắk R'Lấp"],
    ["ĐẮK LẮK", "Đắk Lắk"],
  ])("“%s” → “%s”", (bare, place) => {
    expect(placeName(bare)).toBe(place);
  });

  it("a commune written all in capitals in the data is placed in a sentence as a name", () => {
    const s = settingsFor(commune("Lạng Sơn", "Bình Gia", "XÃ YÊN LỖ").rollup);
    expect(s.issuingBody).toBe("ĐẢNG ỦY XÃ YÊN LỖ");
    expect(placeAndDate(s.place, s.date, "vi")).toBe("Yên Lỗ, ngày 19 tháng 9 năm 2021");
  });
});
