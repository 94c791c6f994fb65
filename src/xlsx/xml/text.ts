/**
 * OOXML's `_xHHHH_` escapes in cell text (ST_Xstring): a character XML cannot hold, or a literal
 * "_x…_" escaped as `_x005F_x…_`. Decoded as ExcelJS and Excel do (upper-case hex digits).
 */
export function decodeEscapes(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Column letters → number (A = 1); Infinity past XFD. Used for cell references. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    n = n * 26 + (letters.charCodeAt(i) & 0xdf) - 64;
    if (n > 16384) return Infinity;
  }
  return n;
}

/** Column number → letters (1 = A), for messages. */
export function columnLetters(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
