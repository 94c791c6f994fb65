import { needsForcedText } from "../../src/report/description";

/**
 * The patterns of `needsForcedText` as they were before its first-character shortcut: the
 * shortcut must answer exactly as they do, whatever the first character.
 */
const REFERENCE = [
  /^[=+\-@']/,
  /^[\s\d.,:/%()$€₫+-]*\d[\s\d.,:/%()$€₫+-]*$/,
  /^\s*[+-]?(\d+([.,]\d*)?|[.,]\d+)e[+-]?\d+\s*$/i,
  /^\s*(true|false)\s*$/i,
  /^\s*#(null!|div\/0!|value!|ref!|name\?|num!|n\/a|getting_data|spill!|calc!|field!|blocked!|busy!|connect!|unknown!)/i,
];
const reference = (s: string): boolean => REFERENCE.some((re) => re.test(s));

it("answers as its patterns do for every first UTF-16 code unit, before text that could complete a match", () => {
  const rests = [
    "",
    "rue",
    "RUE ",
    "alse",
    "1",
    "5",
    "E5",
    " TRUE",
    " 12",
    "#N/A",
    " #REF!",
    "ên Lỗ",
    "ạch",
    "%",
  ];
  const differ: string[] = [];
  for (let c = 0; c <= 0xffff; c++) {
    const first = String.fromCharCode(c);
    for (const rest of rests) {
      const s = first + rest;
      if (needsForcedText(s) !== reference(s)) differ.push(JSON.stringify(s));
    }
  }
  expect(differ).toEqual([]);
  expect(needsForcedText("")).toBe(reference(""));
});

it("still forces what Excel would not keep as typed, and leaves names alone", () => {
  for (const s of [
    "true",
    "False",
    " TRUE ",
    "\u1680true",
    "\u00a012",
    "#N/A",
    "1E5",
    "=A1",
    "'x",
    "₫5",
    "€1",
  ])
    expect(needsForcedText(s)).toBe(true);
  for (const s of ["Nguyễn Văn A", "Đội 3", "thôn 5", "Ấp 12", "Bản Pò Mầm", "tổ 1"])
    expect(needsForcedText(s)).toBe(false);
});
