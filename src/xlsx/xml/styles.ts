import { XmlScanner, OPEN, CLOSE, EOF } from "./scanner";

/** How a cell's number reads, from its style: as a date, a percentage, or a plain number. */
export const PLAIN = 0;
export const DATE = 1;
export const PERCENT = 2;
export type NumberKind = typeof PLAIN | typeof DATE | typeof PERCENT;

/**
 * The styles part → the kind of number of each cell style (`s` on a cell is an index into
 * `cellXfs`). Built-in formats 9–10 are percentages and 14–22 and 45–47 dates; a custom format is
 * a date when it has date or time letters outside quotes and brackets, and a percentage when it
 * has "%" outside quotes (the rules ExcelJS applied, so the core sees what it saw).
 */
export function readStyles(bytes: Uint8Array | null): NumberKind[] {
  if (!bytes) return [];
  const formats = new Map<number, string>();
  const kinds: NumberKind[] = [];
  const x = new XmlScanner(bytes);
  let inCellXfs = false;
  for (let k = x.next(); k !== EOF; k = x.next()) {
    if (k === CLOSE) {
      if (x.is("cellXfs")) inCellXfs = false;
      continue;
    }
    if (k !== OPEN) continue;
    if (x.is("numFmt")) {
      const id = Number(x.attrValue("numFmtId"));
      const code = x.attrValue("formatCode");
      if (Number.isInteger(id) && code !== null) formats.set(id, code);
    } else if (x.is("cellXfs")) {
      inCellXfs = !x.selfClosing;
    } else if (inCellXfs && x.is("xf")) {
      const id = Number(x.attrValue("numFmtId") ?? 0);
      kinds.push(numberKind(id, formats));
      if (!x.selfClosing) x.skipElement();
    }
  }
  return kinds;
}

/** The kind of a number format by id: a custom code when the part defines one, else the built-in. */
export function numberKind(id: number, formats: ReadonlyMap<number, string>): NumberKind {
  if (!id) return PLAIN;
  const code = formats.get(id);
  if (code !== undefined) return formatCodeKind(code);
  if (id === 9 || id === 10) return PERCENT;
  if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47)) return DATE;
  return PLAIN;
}

export function formatCodeKind(code: string): NumberKind {
  const unquoted = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  if (/[ymdhMsb]/.test(unquoted)) return DATE;
  if (code.replace(/"[^"]*"/g, "").includes("%")) return PERCENT;
  return PLAIN;
}
