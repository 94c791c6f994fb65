/**
 * The boundary between Excel's custom-function arguments and the core: Excel passes numbers,
 * strings, booleans, null for omitted arguments and rows of those for ranges; the core takes
 * `CellValue` and `CellMatrix`, and answers with a result or a `FormulaError` that becomes a
 * `CustomFunctions.Error` here.
 */
import { cellError, type CellValue } from "../core/cells";
import { isFormulaError, type CellMatrix, type FormulaErrorCode, type FormulaResult } from "../core/formulas";

function isPlain(value: unknown): value is string | number | boolean | null {
  return (
    value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean"
  );
}

/** One Excel argument as a cell value. Objects (entities, errors) become an error cell. */
export function toCell(value: unknown): CellValue {
  if (value === undefined) return null;
  if (isPlain(value)) return value;
  if (typeof value === "object" && value !== null && "code" in value) {
    const code = (value as { code: unknown }).code;
    if (typeof code === "string" && code.startsWith("#")) return cellError(code);
  }
  return cellError("#VALUE!");
}

/**
 * A range argument as a matrix. Excel's rows of plain values are used as they are (no copy, so
 * 100,000 cells cost no allocation); only a range holding something else is converted.
 */
export function toMatrix(value: unknown): CellMatrix {
  if (!Array.isArray(value)) return [[toCell(value)]];
  for (const row of value) {
    if (!Array.isArray(row)) return [value.map(toCell)];
    for (let c = 0; c < row.length; c++) {
      if (!isPlain(row[c]))
        return value.map((r: unknown) => (Array.isArray(r) ? r.map(toCell) : [toCell(r)]));
    }
  }
  return value as CellMatrix;
}

/** An optional argument: null when Excel left it out. */
export function toOptionalCell(value: unknown): CellValue | null {
  return value === undefined || value === null ? null : toCell(value);
}

/** Error codes whose cells can show a custom message in Excel (the others ignore it). */
const WITH_MESSAGE: ReadonlySet<FormulaErrorCode> = new Set<FormulaErrorCode>([
  "invalidValue",
  "notAvailable",
]);

/**
 * The result, or the thrown `CustomFunctions.Error` that Excel shows for a `FormulaError`:
 * `#DIV/0!`, `#VALUE!` or `#N/A`, with the message Vietnamese first, then English.
 */
export function unwrap<T>(result: FormulaResult<T>): T {
  if (!isFormulaError(result)) return result;
  const code = CustomFunctions.ErrorCode[result.error];
  if (!WITH_MESSAGE.has(result.error)) throw new CustomFunctions.Error(code);
  throw new CustomFunctions.Error(code, `${result.message.vi} / ${result.message.en}`);
}
