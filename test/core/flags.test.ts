import fc from "fast-check";
import { cellError } from "../../src/core/cells";
import { FLAG_MARKS, FLAG_TEXTS_LIMIT, FLAG_WORDS, flagOfText, parseFlag } from "../../src/core/flags";

describe("parseFlag", () => {
  it.each([true, 1, "x", "X", "Có", "CÓ", "co", "C", "Yes", "y", "TRUE", "1", " x "])("%j is yes", (v) => {
    expect(parseFlag(v)).toEqual({ kind: "flag", value: true });
  });
  it.each([false, 0, "Không", "khong", "K", "No", "n", "FALSE", "0"])("%j is no", (v) => {
    expect(parseFlag(v)).toEqual({ kind: "flag", value: false });
  });
  it.each([null, "", "  ", "\u00a0"])("%j is blank", (v) => {
    expect(parseFlag(v)).toEqual({ kind: "blank" });
  });
  it.each([
    ["có lẽ", "có lẽ"],
    [2, "2"],
    ["?", "?"],
    // The multiplication sign: an "x" for yes or a cross for no? The clerk must say.
    ["×", "×"],
    [" × ", "×"],
    ["--", "--"],
    ["✓✗", "✓✗"],
  ])("%j is invalid", (v, text) => {
    expect(parseFlag(v)).toEqual({ kind: "invalid", text });
  });
  it.each([
    // foldKey drops signs and "%": a number written as text is no yes/no answer (the number -1 is refused too).
    ["-1", "-1"],
    ["1%", "1%"],
    ["+1", "+1"],
    ["0%", "0%"],
    ["-0", "-0"],
    ["1.", "1."],
  ])("the number as text %j is not a flag", (v, text) => {
    expect(parseFlag(v)).toEqual({ kind: "invalid", text });
    expect(parseFlag(-1)).toEqual({ kind: "invalid", text: "-1" });
  });
  it.each(["✓\u200b", "\u200b✓", "\ufeff✓", "-\u200b"])(
    "a mark with a zero-width space pasted around it (%j) is read",
    (v) => {
      expect(parseFlag(v).kind).toBe("flag");
    },
  );
  it.each(["✓", "✔", " ✓ ", "✔\ufe0f", "\u00a0✓"])("the check mark %j is yes", (v) => {
    expect(parseFlag(v)).toEqual({ kind: "flag", value: true });
  });
  it.each(["-", " - ", "–", "—", "✗", "✘", "✘\ufe0f"])("the mark %j is no", (v) => {
    expect(parseFlag(v)).toEqual({ kind: "flag", value: false });
  });
  it("the functions and the reader share the vocabulary (no second list of marks in formulas.ts)", async () => {
    const { consolidationRate } = await import("../../src/core/formulas");
    const { FLAG_MARKS, FLAG_WORDS } = await import("../../src/core/flags");
    const yes = [...FLAG_WORDS.yes, ...FLAG_MARKS.yes];
    const no = [...FLAG_WORDS.no, ...FLAG_MARKS.no];
    const column = [...yes, ...no].map((v) => [v]);
    expect(consolidationRate(column, null)).toBe(yes.length / (yes.length + no.length));
    for (const v of [...yes, ...no]) expect(parseFlag(v).kind).toBe("flag");
  });
  it("an error value is invalid", () => {
    expect(parseFlag(cellError("#N/A"))).toEqual({ kind: "invalid", text: "#N/A" });
  });
});

describe("flagOfText (the reader's parse of a flag text, each distinct text once)", () => {
  const textArb = fc.oneof(
    fc.constantFrom(
      ...FLAG_WORDS.yes,
      ...FLAG_WORDS.no,
      ...FLAG_MARKS.yes,
      ...FLAG_MARKS.no,
      "×",
      "1%",
      "-1",
    ),
    fc
      .tuple(
        fc.constantFrom("", " ", "\u00a0", "\u200b"),
        fc.constantFrom(...FLAG_WORDS.yes, "CÓ", "Kh\u00f4ng"),
      )
      .map(([space, word]) => space + word + space),
    fc.string({ maxLength: 4 }),
  );

  it("is parseFlag, for any texts in any order", () => {
    fc.assert(
      fc.property(fc.array(textArb, { maxLength: 30 }), (texts) => {
        for (const t of texts) expect(flagOfText(t)).toEqual(parseFlag(t));
      }),
      { numRuns: 500 },
    );
  });

  it("is parseFlag still once more distinct texts came than it keeps", () => {
    for (let i = 0; i <= FLAG_TEXTS_LIMIT + 10; i++) flagOfText(`junk ${i}`);
    for (const t of ["x", "Có", "không", "junk 1", "✓", "-"]) expect(flagOfText(t)).toEqual(parseFlag(t));
  });
});

describe("percentText", () => {
  it.each([
    [1.2, "120%"],
    [0.9, "90%"],
    [0.905, "90.5%"],
    [1, "100%"],
    [0, "0%"],
    [0.0007, "0.07%"],
    [1e-7, "0.00001%"],
    [-0.1, "-10%"],
    [12, "1200%"],
  ])("%p shows as %p", async (value, text) => {
    const { percentText } = await import("../../src/core/cells");
    expect(percentText(value)).toBe(text);
  });
});
