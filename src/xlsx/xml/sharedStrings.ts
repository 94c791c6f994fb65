import { LIMITS } from "../limits";
import { XmlScanner, OPEN, CLOSE, TEXT, EOF } from "./scanner";
import { decodeEscapes } from "./text";

/**
 * The shared-string table: strings by index. An entry longer than Excel allows is not kept (its
 * text is never decoded whole): it is refused at the first cell that uses it, so the message can
 * name the cell.
 */
export interface SharedStrings {
  readonly strings: readonly string[];
  /** Indexes of entries longer than `LIMITS.cellTextChars`. */
  readonly tooLong: ReadonlySet<number>;
}

/** Bytes of XML text beyond which an entry is too long without decoding it (≥ 1 character per 100 bytes). */
export const MAX_TEXT_BYTES = LIMITS.cellTextChars * 100;

export class TooManyStrings extends Error {}

export function readSharedStrings(bytes: Uint8Array | null): SharedStrings {
  const strings: string[] = [];
  const tooLong = new Set<number>();
  if (!bytes) return { strings, tooLong };
  const x = new XmlScanner(bytes);
  for (let k = x.next(); k !== EOF; k = x.next()) {
    if (k !== OPEN || !x.is("si")) continue;
    if (strings.length >= LIMITS.sharedStrings) throw new TooManyStrings();
    const text = readRichText(x);
    if (text === null) tooLong.add(strings.length);
    strings.push(text ?? "");
  }
  return { strings, tooLong };
}

/**
 * After the OPEN of an `<si>` or `<is>`: its text, the `<t>` of its runs joined (phonetic runs,
 * `<rPh>`, left out), `_xHHHH_` escapes decoded; null when longer than Excel allows. Leaves the
 * scanner on the element's CLOSE.
 */
export function readRichText(x: XmlScanner): string | null {
  if (x.selfClosing) {
    x.next();
    return "";
  }
  if (x.simpleText(MAX_TEXT_BYTES)) {
    // One plain run (most strings): what the loop below would make of it, read at once.
    const text = decodeEscapes(x.text());
    return text.length > LIMITS.cellTextChars ? null : text;
  }
  const depth = x.depth - 1;
  let parts: string[] | null = null;
  let single = "";
  let bytes = 0;
  let inText = false;
  for (let k = x.next(); k !== EOF; k = x.next()) {
    if (k === CLOSE) {
      if (x.depth === depth) break;
      if (x.is("t")) inText = false;
    } else if (k === OPEN) {
      if (x.is("rPh")) x.skipElement();
      else if (x.is("t")) inText = !x.selfClosing;
    } else if (k === TEXT && inText) {
      bytes += x.textEnd - x.textStart;
      if (bytes > MAX_TEXT_BYTES) {
        inText = false;
        parts = null;
        single = "";
        bytes = Infinity;
        continue;
      }
      const t = x.text();
      if (parts) parts.push(t);
      else if (single === "") single = t;
      else parts = [single, t];
    }
  }
  if (bytes === Infinity) return null;
  const text = decodeEscapes(parts ? parts.join("") : single);
  return text.length > LIMITS.cellTextChars ? null : text;
}
