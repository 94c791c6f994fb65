/**
 * The boundary between Excel's custom-function arguments and the core: Excel passes numbers,
 * strings, booleans, null for omitted arguments and rows of those for ranges; the core takes
 * `CellValue` and `CellMatrix`, and answers with a result or a `FormulaError` that becomes a
 * `CustomFunctions.Error` here.
 */
import { cellError, type CellValue } from "../core/cells";
import { isFormulaError, type CellMatrix, type FormulaErrorCode, type FormulaResult } from "../core/formulas";

/** One Excel argument as a cell value. Objects (entities, errors) become an error cell. */
export function toCell(value: unknown): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "object" && "code" in value) {
    const code = (value as { code: unknown }).code;
    if (typeof code === "string" && code.startsWith("#")) return cellError(code);
  }
  return cellError("#VALUE!");
}

/**
 * A range argument as a matrix. Excel passes rows of values: they are used as they are, with no
 * copy and no pass over the cells (100,000 cells cost nothing here); the core treats any value
 * it does not know (e.g. a data-type entity) as an error cell.
 */
export function toMatrix(value: unknown): CellMatrix {
  if (!Array.isArray(value)) return [[toCell(value)]];
  if (value.length > 0 && !Array.isArray(value[0])) return [value.map(toCell)];
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
