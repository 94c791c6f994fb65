/**
 * The boundary between Excel's custom-function arguments and the core: Excel passes numbers,
 * strings, booleans, null for omitted arguments and rows of those for ranges; the core takes
 * `CellValue` and `CellMatrix`, and answers with a result or a `FormulaError` that becomes a
 * `CustomFunctions.Error` here.
 */
import { cellError, type CellValue } from "../core/cells";
import {
  excelErrorCode,
  isFormulaError,
  type CellMatrix,
  type FormulaErrorCode,
  type FormulaResult,
} from "../core/formulas";
import type { Message } from "../core/issues";

/** One Excel argument as a cell value. Objects (entities, errors) become an error cell. */
export function toCell(value: unknown): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  // With `allowErrorForDataTypeAny`, an error cell arrives as an object carrying its code.
  return cellError(excelErrorCode(value) ?? "#VALUE!");
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
 * Office's display language, read when an error is shown (Office is ready by then); null outside
 * Office or before it is ready.
 */
function displayLanguage(): string | null {
  try {
    return typeof Office !== "undefined" ? (Office.context?.displayLanguage ?? null) : null;
  } catch {
    return null;
  }
}

/**
 * An error's message as the clerk reads it: in Vietnamese Office (or when the language is not
 * known) the Vietnamese message alone; in any other language the English one, then the
 * Vietnamese one after " / ".
 */
export function messageFor(message: Message, language: string | null = displayLanguage()): string {
  const vietnamese = language === null || language === "" || language.toLowerCase().startsWith("vi");
  return vietnamese ? message.vi : `${message.en} / ${message.vi}`;
}

/**
 * The result, or the thrown `CustomFunctions.Error` that Excel shows for a `FormulaError`:
 * `#DIV/0!`, `#VALUE!` or `#N/A`, with its message in the language of Office (`messageFor`).
 */
export function unwrap<T>(result: FormulaResult<T>): T {
  if (!isFormulaError(result)) return result;
  const code = CustomFunctions.ErrorCode[result.error];
  if (!WITH_MESSAGE.has(result.error)) throw new CustomFunctions.Error(code);
  throw new CustomFunctions.Error(code, messageFor(result.message));
}
