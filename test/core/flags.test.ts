import { cellError } from "../../src/core/cells";
import { parseFlag } from "../../src/core/flags";

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
  ])("%j is invalid", (v, text) => {
    expect(parseFlag(v)).toEqual({ kind: "invalid", text });
  });
  it("an error value is invalid", () => {
    expect(parseFlag(cellError("#N/A"))).toEqual({ kind: "invalid", text: "#N/A" });
  });
});
