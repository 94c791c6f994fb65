import { isWhiteSpaceCode } from "../../src/core/text/whiteSpace";

describe("isWhiteSpaceCode", () => {
  it("agrees with \\s and with trim on every UTF-16 code unit", () => {
    const disagreements: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      const bySpaceClass = /\s/.test(ch);
      const byTrim = ch.trim() === "";
      if (isWhiteSpaceCode(c) !== bySpaceClass || bySpaceClass !== byTrim) {
        disagreements.push(c.toString(16));
      }
    }
    expect(disagreements).toEqual([]);
  });

  it("keeps the zero-width space, which trim keeps", () => {
    expect(isWhiteSpaceCode(0x200b)).toBe(false);
    expect("\u200b".trim()).toBe("\u200b");
  });
});
