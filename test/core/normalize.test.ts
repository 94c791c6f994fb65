import fc from "fast-check";
import {
  collapseSpaces,
  displayName,
  foldKey,
  keyNumbering,
  nameKey,
  unitKey,
} from "../../src/core/text/normalize";
import { referenceTonePlacement } from "./referenceText";

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

  it("gives the key of the plain definition, word by word", () => {
    // The plain definition: spaces collapsed, Ð/ð as Đ/đ, each word decomposed, lower-cased, its
    // tone mark moved after its syllable's last letter, recomposed; words joined by one space.
    const plain = (text: string): string =>
      collapseSpaces(text)
        .replace(/\u00d0/g, "\u0110")
        .replace(/\u00f0/g, "\u0111")
        .split(" ")
        .map((word) => referenceTonePlacement(word.normalize("NFD").toLowerCase()).normalize("NFC"))
        .join(" ");
    const chars = fc.constantFrom(
      ..."aAoOhH1 .-/\u00a0\u2003\u00d0\u00f0ĐđòÒàẢảỗễƯư\u0300\u0301\u0303\u0309\u0323\u0302\u031b\t",
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 14 }), (cs) => {
        const text = cs.join("");
        expect(nameKey(text)).toBe(plain(text));
      }),
      { numRuns: 3000 },
    );
    for (const text of ["", " ", "Hoà", "Nguyễn Văn  An ", "\u00d0ồng \u00f0ăng", "a b c d e"])
      expect(nameKey(text)).toBe(plain(text));
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
  it.each([
    [
      "district",
      "Lạng Sơn",
      ["TP.Lạng Sơn", "TP. Lạng Sơn", "TP Lạng Sơn", "Thành phố Lạng Sơn", "tp.lạng sơn"],
    ],
    ["province", "Hồ Chí Minh", ["TP.Hồ Chí Minh", "TP Hồ Chí Minh", "Thành phố Hồ Chí Minh"]],
    ["district", "Cô Tô", ["Huyện đảo Cô Tô", "H. Cô Tô", "H.Cô Tô", "Huyện Cô Tô", "huyện đảo cô tô"]],
    ["district", "Sơn Tây", ["Thị xã Sơn Tây", "TX Sơn Tây", "TX.Sơn Tây", "TX. Sơn Tây"]],
    ["district", "Ba Đình", ["Quận Ba Đình", "Q. Ba Đình", "Q.Ba Đình"]],
    ["commune", "Na Sầm", ["Thị trấn Na Sầm", "TT Na Sầm", "TT.Na Sầm", "TT. Na Sầm"]],
    ["commune", "Yên Lỗ", ["Xã Yên Lỗ", "X. Yên Lỗ", "X.Yên Lỗ"]],
    ["commune", "Chi Lăng", ["Phường Chi Lăng", "P. Chi Lăng", "P.Chi Lăng"]],
  ] as const)("%s %j: its short forms of the kind word match the full forms", (level, bare, forms) => {
    for (const form of forms) expect([form, unitKey(level, form)]).toEqual([form, unitKey(level, bare)]);
  });
  it.each([
    ["district", "Quan Sơn", "Sơn"],
    ["district", "Quan Sơn", "Quận Sơn"],
    ["commune", "Phương Sơn", "Sơn"],
    ["commune", "Xà Phìn", "Phìn"],
    ["district", "Hà Quảng", "Quảng"],
    ["commune", "Tân Văn", "Văn"],
    ["commune", "Phường 1", "Phường 2"],
    ["district", "Thành phố Lạng Sơn", "Thành phố Sơn"],
    // One-letter abbreviations count only with their dot.
    ["district", "H Cô Tô", "Cô Tô"],
    ["commune", "P Chi Lăng", "Chi Lăng"],
  ] as const)("%s %j is not %j", (level, a, b) => {
    expect(unitKey(level, a)).not.toBe(unitKey(level, b));
  });

  // Syllables as clerks write unit names, some of them folding to a kind word without being one.
  const syllable = fc.constantFrom(
    "Quan",
    "Sơn",
    "Phương",
    "Xà",
    "Phìn",
    "Lạng",
    "Cô",
    "Tô",
    "Yên",
    "Lỗ",
    "Huyên",
    "Hà",
    "Tân",
    "Văn",
    "Thành",
    "Phố",
    "Thị",
    "Trấn",
    "Đảo",
    "Tp",
    "Bình",
    "Gia",
    "1",
    "2",
    "Đông",
    "Kinh",
  );
  // A name does not itself start with a kind word ("Thành phố …") nor with "Đảo" ("Huyện Đảo Cô" would
  // read as the island district "Cô": no district's name starts with "Đảo").
  const first = syllable.filter((w) => !["Thành", "Thị", "Tp", "Đảo"].includes(w));
  const name = fc
    .tuple(first, fc.array(syllable, { maxLength: 2 }))
    .map(([head, rest]) => [head, ...rest].join(" "));
  const FORMS = {
    province: ["Tỉnh ", "Thành phố ", "TP.", "TP ", "TP. "],
    district: [
      "Huyện ",
      "Huyện đảo ",
      "H.",
      "H. ",
      "Quận ",
      "Q.",
      "Thị xã ",
      "TX ",
      "TX.",
      "Thành phố ",
      "TP.",
      "TP ",
    ],
    commune: ["Xã ", "X.", "Phường ", "P.", "Thị trấn ", "TT ", "TT.", "Đặc khu "],
  } as const;
  const level = fc.constantFrom("province", "district", "commune" as const);

  it("a kind word or its short form before a name never changes its key", () => {
    fc.assert(
      fc.property(level, name, fc.nat(), (l, n, i) => {
        const forms = FORMS[l];
        expect(unitKey(l, forms[i % forms.length] + n)).toBe(unitKey(l, n));
      }),
    );
  });

  it("two names that differ as names never get one key, whatever kind words they carry", () => {
    fc.assert(
      fc.property(level, name, name, fc.nat(), fc.nat(), (l, a, b, i, j) => {
        fc.pre(unitKey(l, a) !== unitKey(l, b));
        const forms = FORMS[l];
        expect(unitKey(l, forms[i % forms.length] + a)).not.toBe(unitKey(l, forms[j % forms.length] + b));
      }),
    );
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

describe("keyNumbering (key numbers shared by passes) equals comparing the keys", () => {
  // Few keys, so that texts often share one; a small limit, so that the tables are often renewed.
  const key = (t: string): string => t.trim().toLowerCase();
  const text = fc.constantFrom("a", "A", " a", "b", "B ", "c", "ab", "Ab", "d", "e", "f", "g");

  it("equal numbers exactly for equal keys within each pass, passes overlapping, tables renewed", () => {
    // Steps: start a pass (null), or ask the pass of that number (modulo those started) for a text.
    const step = fc.oneof(fc.constant(null), fc.tuple(fc.nat(5), text));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (steps, limit) => {
        const numbering = keyNumbering(key, limit);
        const passes: { numberOf: (t: string) => number; asked: [string, number][] }[] = [];
        for (const s of steps) {
          if (s === null || passes.length === 0) passes.push({ numberOf: numbering(), asked: [] });
          if (s === null) continue;
          const pass = passes[s[0] % passes.length];
          pass.asked.push([s[1], pass.numberOf(s[1])]);
        }
        return passes.every(({ asked }) =>
          asked.every(([a, na]) => asked.every(([b, nb]) => (na === nb) === (key(a) === key(b)))),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it("numbers a text once per table: a later pass meets it without computing its key", () => {
    const computed: string[] = [];
    const numbering = keyNumbering((t) => (computed.push(t), key(t)), 100);
    const first = numbering();
    const numbers = ["a", "A", "b"].map(first);
    const second = numbering();
    expect(["b", "A", "a"].map(second)).toEqual([numbers[2], numbers[1], numbers[0]]);
    expect(computed).toEqual(["a", "A", "b"]);
  });
});
