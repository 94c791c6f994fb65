import { isCellDate, isCellError, type CellValue } from "../cells";
import type { SheetGrid } from "../grid";
import { Sha256, sha256Hex } from "./sha256";

/**
 * The content hash of a submission: a SHA-256 over its DATA, not over the file's bytes. The same
 * data exported twice gives the same hash (whatever the time in the manifest, the report sheets,
 * the sheets' names and order, widths or styles); any change to a data cell gives another one.
 *
 * The canonical form, version 1 (`CONTENT_HASH_VERSION`), so another program can check it:
 * - each data sheet is hashed on its own: for every non-blank cell, row by row and left to right,
 *   `R<row>C<column>=<tag><length>:<text>\n` with the Excel row and column numbers, the tag `s`
 *   (text, exactly as written), `n` (number, JavaScript's shortest round-trip form), `b` (TRUE or
 *   FALSE), `d` (a date, ISO 8601) or `e` (an error such as #N/A), and the length of the text in
 *   UTF-16 code units. A blank cell is null or the empty string: it is left out.
 * - the sheets' hashes (hex) are sorted and joined with "\n", prefixed by `nth-rollup-content-v1\n`,
 *   and hashed again: that is the content hash.
 * The sheet's name is not part of it: the export may rename a data sheet that clashes with a report.
 */
export const CONTENT_HASH_VERSION = 1;

/** Digits shown to the clerk (the import log, the completeness sheet): enough to tell submissions apart. */
export const SHORT_HASH_LENGTH = 8;

/** The data sheets of a submission, as written (export) or as read back (import). */
export function contentHash(sheets: readonly SheetGrid[]): string {
  const digests = sheets.map(sheetDigest).sort();
  return sha256Hex(`nth-rollup-content-v${CONTENT_HASH_VERSION}\n${digests.join("\n")}`);
}

/** The hash in the short form the clerk sees: its first 8 hex digits. */
export function shortHash(hash: string): string {
  return hash.slice(0, SHORT_HASH_LENGTH);
}

/** True when two hashes are the same, either possibly in the short form (at least 8 digits). */
export function sameHash(a: string, b: string): boolean {
  const x = a.trim().toLowerCase();
  const y = b.trim().toLowerCase();
  if (x.length < SHORT_HASH_LENGTH || y.length < SHORT_HASH_LENGTH) return false;
  return x.length <= y.length ? y.startsWith(x) : x.startsWith(y);
}

/** A full or short hash as the clerk may type it: 8 to 64 hex digits; null otherwise. */
export function parseHash(text: string): string | null {
  const t = text.trim().toLowerCase();
  return /^[0-9a-f]{8,64}$/.test(t) ? t : null;
}

function sheetDigest(grid: SheetGrid): string {
  const hasher = new Sha256();
  const top = grid.firstRow ?? 1;
  const left = grid.firstColumn ?? 1;
  let chunk = "";
  grid.rows.forEach((row, r) => {
    row.forEach((value, c) => {
      const canonical = canonicalCell(value);
      if (canonical === null) return;
      chunk += `R${top + r}C${left + c}=${canonical[0]}${canonical[1].length}:${canonical[1]}\n`;
    });
    if (chunk.length > 65536) {
      hasher.updateText(chunk);
      chunk = "";
    }
  });
  hasher.updateText(chunk);
  return hasher.hex();
}

function canonicalCell(value: CellValue): [string, string] | null {
  if (value === null || value === "") return null;
  if (typeof value === "string") return ["s", value];
  if (typeof value === "number") return ["n", String(value)];
  if (typeof value === "boolean") return ["b", value ? "TRUE" : "FALSE"];
  if (isCellDate(value)) return ["d", value.iso];
  if (isCellError(value)) return ["e", value.code];
  return null;
}

/** Whether a submission's data still matches the hash its manifest states. */
export type ContentState = "matches" | "edited" | "no-hash";

export interface ContentCheck {
  /** The hash the manifest states (null in a submission made before hashes). */
  readonly stated: string | null;
  /** The hash of the data as read now. */
  readonly actual: string;
  readonly state: ContentState;
}

/** Checks the data sheets read from a submission against the hash its manifest states. */
export function checkContent(stated: string | null, dataSheets: readonly SheetGrid[]): ContentCheck {
  const actual = contentHash(dataSheets);
  return { stated, actual, state: stated === null ? "no-hash" : stated === actual ? "matches" : "edited" };
}
