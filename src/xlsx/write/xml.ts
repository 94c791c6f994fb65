/**
 * Text for the XML parts of an .xlsx file. No Node API: the task pane can use the same writer.
 */

/** Escapes text for an XML element or a double-quoted attribute. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;",
  );
}

/**
 * Text as an .xlsx file can hold it, so that Excel (and ExcelJS, and LibreOffice) read back exactly
 * the same string. Written as OOXML escapes `_xHHHH_` (UTF-16 code units), which readers turn back
 * into the characters:
 * - what XML 1.0 cannot hold (most C0 controls, U+FFFE, U+FFFF), U+007F and CR (which XML parsers
 *   turn into LF; Excel writes CR as `_x000D_` too);
 * - characters outside the Basic Multilingual Plane (emoji, rare Han and Nôm characters), as
 *   escaped surrogate pairs: the XML holds only ASCII for them, whatever the zip library does;
 * Text that already looks like an escape ("_x0041_") gets its underscore escaped (`_x005F_`), or it
 * would be read as "A"; so does "_x" and four hex digits before a character written as an escape
 * ("_xD000" then an emoji: the emoji's "_xD83D_" would end "_xD000_"). An unpaired surrogate is not
 * a character and becomes U+FFFD.
 */
export function xlsxText(s: string): string {
  return s.replace(NOT_AS_IS, (m: string) => {
    if (m === "_") return "_x005F_";
    const code = m.charCodeAt(0);
    if (m.length === 2) return `${escapeCode(code)}${escapeCode(m.charCodeAt(1))}`;
    if (code >= 0xd800 && code <= 0xdfff) return "\ufffd";
    return escapeCode(code);
  });
}

const escapeCode = (code: number): string => `_x${code.toString(16).toUpperCase().padStart(4, "0")}_`;

/* eslint-disable no-control-regex -- these are the characters xlsxText escapes */
/**
 * The underscore of an escape-like "_xHHHH" before "_" or before a character written as an escape;
 * a surrogate pair; a character XML cannot hold, CR or DEL; an unpaired surrogate.
 */
const NOT_AS_IS =
  /_(?=x[0-9A-Fa-f]{4}[_\u0000-\u0008\u000b-\u001f\u007f\ufffe\uffff\ud800-\udfff])|[\ud800-\udbff][\udc00-\udfff]|[\u0000-\u0008\u000b-\u001f\u007f\ufffe\uffff\ud800-\udfff]/g;
/* eslint-enable no-control-regex */

/** Column letters of a 1-based column number (1 → A, 28 → AB). */
export function columnLetters(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A number as XML Schema's xsd:double writes it (what Excel reads): the shortest round-trip form. */
export function numberText(n: number): string {
  const s = String(n);
  return s.includes("e") ? s.replace("e", "E") : s;
}
