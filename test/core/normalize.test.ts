import { collapseSpaces, displayName, foldKey, nameKey, unitKey } from "../../src/core/text/normalize";

describe("nameKey", () => {
  it.each([
    ["Hòa", "Hoà"],
    ["Thủy", "Thuỷ"],
    ["Khỏe", "Khoẻ"],
    ["Xuân Hòa", "Xuân Hoà"],
    ["Xuân Hòa", "Xuân Hòa".normalize("NFD")],
    ["Xuân Hòa", "  xuân   HOÀ "],
    ["Xuân Hòa", "Xuân\u00a0Hòa"],
    ["Xuân Hòa", "Xuân\u200bHòa".replace("\u200b", " ")],
    ["Đồng Đăng", "\u00d0ồng \u00d0ăng"],
    ["Nguyễn Thị Thúy", "nguyễn thị thuý"],
  ])("%j matches %j", (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it.each([
    ["Hoa", "Hòa"],
    ["Hòa", "Hóa"],
    ["Dương", "Đương"],
    ["Khu 1", "Khối 1"],
  ])("%j does not match %j", (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it("returns NFC", () => {
    expect(nameKey("Hoà".normalize("NFD"))).toBe(nameKey("Hoà").normalize("NFC"));
  });
});

describe("unitKey", () => {
  it("drops a leading kind word of the level", () => {
    expect(unitKey("commune", "Xã Yên Lỗ")).toBe(unitKey("commune", "yên lỗ"));
    expect(unitKey("commune", "Thị trấn Bình Gia")).toBe(unitKey("commune", "Bình Gia"));
    expect(unitKey("district", "Huyện Bình Gia")).toBe(unitKey("district", "Bình Gia"));
    expect(unitKey("province", "Tỉnh Lạng Sơn")).toBe(unitKey("province", "Lạng Sơn"));
  });
  it("keeps a name that is only the kind word", () => {
    expect(unitKey("commune", "Xã")).toBe("xã");
  });
});

describe("foldKey and spaces", () => {
  it("folds headers", () => {
    expect(foldKey("Số đảng viên")).toBe("sodangvien");
    expect(foldKey("SỐ  ĐẢNG\nVIÊN")).toBe("sodangvien");
    expect(foldKey("Nhất thể hoá")).toBe(foldKey("Nhat the hoa"));
  });
  it("collapses every kind of space", () => {
    expect(collapseSpaces("\u00a0 a \u2003 b\t\n")).toBe("a b");
    expect(displayName("  Pò\u00a0Mầm ")).toBe("Pò Mầm");
  });
});
