/**
 * The pure functions behind the NTH custom functions.
 *
 * Each function takes cell values as the core knows them (`CellValue`, or a matrix of them for a
 * range) and returns either its result or a `FormulaError`: bad data is a value, never an
 * exception, so the adapters in `src/functions/` only convert shapes and turn a `FormulaError`
 * into an Excel error. Counts and targets are compared exactly through `targets.ts`.
 */
import { cellError, cellText, isBlank, isCellDate, isCellError, type CellValue } from "./cells";
import { flagOfText, parseFlag } from "./flags";
import type { Message } from "./issues";
import {
  isRateProblem,
  parseComparator,
  plainNumberText,
  readRateInput,
  type RateProblem,
} from "./rateInput";
import { reduce, unitsNeeded as exactUnitsNeeded, type Comparator, type ExactFraction } from "./targets";
import { nameKey, startsWithTwoLetters } from "./text/normalize";

/** The Excel errors a formula can return: `#DIV/0!`, `#VALUE!`, `#N/A`. */
export type FormulaErrorCode = "divisionByZero" | "invalidValue" | "notAvailable";

/** A problem with a formula's input, as a value: the Excel error to show and why, in both languages. */
export interface FormulaError {
  readonly error: FormulaErrorCode;
  readonly message: Message;
}

/** A range as the core sees it: rows of cell values (Excel passes ranges this way). */
export type CellMatrix = readonly (readonly CellValue[])[];

/** A formula's result or the error that replaces it. */
export type FormulaResult<T> = T | FormulaError;

/** True when a formula returned an error instead of a result. */
export function isFormulaError(value: unknown): value is FormulaError {
  return typeof value === "object" && value !== null && "error" in value && "message" in value;
}

// ---------------------------------------------------------------------------------------------
// Messages: the only place the formulas' words are written.

const MAX_QUOTED = 40;
const q = (text: string): string =>
  `“${text.length > MAX_QUOTED ? text.slice(0, MAX_QUOTED - 1) + "…" : text}”`;

/** What an argument is called in messages. */
interface ArgumentName {
  readonly vi: string;
  readonly en: string;
}

const ARG = {
  consolidated: { vi: "Số đã nhất thể hóa", en: "Consolidated" },
  total: { vi: "Tổng số", en: "Total" },
  actual: { vi: "Tỷ lệ thực tế", en: "Actual rate" },
  target: { vi: "Mục tiêu", en: "Target" },
} as const satisfies Record<string, ArgumentName>;

/** Where a cell sits in a range, for messages; empty for a single value. */
interface Place {
  readonly vi: string;
  readonly en: string;
}

const NOWHERE: Place = { vi: "", en: "" };

function placeIn(matrix: CellMatrix, r: number, c: number): Place {
  if (matrix.length === 1 && (matrix[0]?.length ?? 0) === 1) return NOWHERE;
  return {
    vi: ` (dòng ${r + 1}, cột ${c + 1} của vùng)`,
    en: ` (row ${r + 1}, column ${c + 1} of the range)`,
  };
}

function fail(error: FormulaErrorCode, vi: string, en: string): FormulaError {
  return { error, message: { vi, en } };
}

const FLAG_WORDS_VI = "x, ✓, Có, Không, -, ✗, 1, 0, TRUE, FALSE";
const FLAG_WORDS_EN = "x, ✓, Yes, No, -, ✗, 1, 0, TRUE, FALSE";

/** The catalogue of formula errors. */
export const FORMULA_ERRORS = {
  zeroTotal: (): FormulaError =>
    fail("divisionByZero", "Tổng số phải lớn hơn 0", "Total must be greater than 0"),
  noFlags: (): FormulaError =>
    fail(
      "divisionByZero",
      "Vùng không có ô Có/Không nào để tính tỷ lệ",
      "The range holds no yes/no values to compute a rate from",
    ),
  zeroDenominators: (): FormulaError =>
    fail(
      "divisionByZero",
      "Tổng các mẫu số phải lớn hơn 0",
      "The sum of the denominators must be greater than 0",
    ),
  badFlag: (text: string, where: Place, countHint: boolean): FormulaError =>
    fail(
      "invalidValue",
      `${q(text)}${where.vi} không phải giá trị Có/Không; dùng ${FLAG_WORDS_VI}` +
        (countHint ? ". Nếu đây là số đếm, hãy nhập cả tổng số" : ""),
      `${q(text)}${where.en} is not a yes/no value; use ${FLAG_WORDS_EN}` +
        (countHint ? ". If this is a count, give the total too" : ""),
    ),
  notACount: (name: ArgumentName, text: string): FormulaError =>
    fail(
      "invalidValue",
      `${name.vi} ${q(text)} không phải số nguyên không âm`,
      `${name.en} ${q(text)} is not a whole number ≥ 0`,
    ),
  negative: (name: ArgumentName, text: string): FormulaError =>
    fail("invalidValue", `${name.vi} không được âm (${text})`, `${name.en} must not be negative (${text})`),
  notWhole: (name: ArgumentName, text: string): FormulaError =>
    fail(
      "invalidValue",
      `${name.vi} phải là số nguyên (${text})`,
      `${name.en} must be a whole number (${text})`,
    ),
  countTooLarge: (name: ArgumentName, text: string): FormulaError =>
    fail(
      "invalidValue",
      `${name.vi} ${q(text)} quá lớn (tối đa ${MAX_COUNT})`,
      `${name.en} ${q(text)} is too large (at most ${MAX_COUNT})`,
    ),
  amountTooLarge: (text: string, where: Place): FormulaError =>
    fail(
      "invalidValue",
      `Số ${q(text)}${where.vi} quá lớn (tối đa ${MAX_COUNT})`,
      `The number ${q(text)}${where.en} is too large (at most ${MAX_COUNT})`,
    ),
  rangeForCount: (name: ArgumentName): FormulaError =>
    fail(
      "invalidValue",
      `${name.vi} phải là một số, không phải một vùng nhiều ô`,
      `${name.en} must be one number, not a range of cells`,
    ),
  consolidatedAboveTotal: (consolidated: number, total: number): FormulaError =>
    fail(
      "invalidValue",
      `Số đã nhất thể hóa (${consolidated}) lớn hơn tổng số (${total})`,
      `Consolidated (${consolidated}) is greater than the total (${total})`,
    ),
  badTarget: (text: string): FormulaError =>
    fail(
      "invalidValue",
      `Mục tiêu ${q(text)} không đọc được; viết như 90%, 0,9, 90, "trên 90%" hoặc "đạt 90%"`,
      `Target ${q(text)} cannot be read; write it as 90%, 0.9, 90, "above 90%" (">90%") or "≥90%"`,
    ),
  targetOutOfRange: (text: string): FormulaError =>
    fail(
      "invalidValue",
      `Mục tiêu ${q(text)} nằm ngoài khoảng 0–100%`,
      `Target ${q(text)} is outside 0–100%`,
    ),
  ambiguous: (name: ArgumentName, value: number): FormulaError =>
    fail(
      "invalidValue",
      `${name.vi} ${viNumber(value)} không rõ: là ${viNumber(value * 100)}% hay ${viNumber(value)}%? ` +
        `Viết "${viNumber(value)}%" nếu là ${viNumber(value)} phần trăm (số từ 0 đến 1 là tỷ lệ: 0,9 = 90%; số từ 2 đến 100 là phần trăm: 90 = 90%)`,
      `${name.en} ${enNumber(value)} is ambiguous: ${enNumber(value * 100)}% or ${enNumber(value)}%? ` +
        `Write "${enNumber(value)}%" for ${enNumber(value)} percent (0 to 1 is a fraction: 0.9 = 90%; 2 to 100 is a percent: 90 = 90%)`,
    ),
  badRate: (text: string): FormulaError =>
    fail(
      "invalidValue",
      `Tỷ lệ thực tế ${q(text)} không đọc được; viết như 0,4755, 47,55% hoặc 47,55 (0%–100%)`,
      `Actual rate ${q(text)} cannot be read; write it as 0.4755, 47.55% or 47.55 (0%–100%)`,
    ),
  rateOutOfRange: (text: string): FormulaError =>
    fail(
      "invalidValue",
      `Tỷ lệ thực tế ${q(text)} nằm ngoài khoảng 0–100%`,
      `Actual rate ${q(text)} is outside 0–100%`,
    ),
  comparatorInRate: (text: string): FormulaError =>
    fail(
      "invalidValue",
      `Tỷ lệ thực tế ${q(text)} không có “trên”/“đạt”; chỉ mục tiêu mới có`,
      `Actual rate ${q(text)} takes no "above"/"at least"; only the target does`,
    ),
  badStrict: (text: string): FormulaError =>
    fail(
      "invalidValue",
      `Tham số “trên” ${q(text)} phải là TRUE (trên) hoặc FALSE (đạt); hoặc bỏ trống và viết trong mục tiêu, ví dụ "trên 90%"`,
      `The strict argument ${q(text)} must be TRUE (above) or FALSE (at least); or leave it out and write it in the target, e.g. ">90%"`,
    ),
  conflictingComparator: (target: string, strict: boolean): FormulaError =>
    fail(
      "invalidValue",
      `Mục tiêu ${q(target)} nói “${strict ? "đạt" : "trên"}” nhưng tham số “trên” là ${strict ? "TRUE" : "FALSE"}; bỏ trống tham số “trên” hoặc sửa cho khớp`,
      `Target ${q(target)} says "${strict ? "at least" : "above"}" but strict is ${strict ? "TRUE" : "FALSE"}; leave strict out or make them agree`,
    ),
  unreachable: (target: string, comparator: Comparator): FormulaError =>
    fail(
      "notAvailable",
      `Không số đơn vị nào đạt được mục tiêu ${comparator === ">" ? "trên" : "đạt"} ${target}`,
      `No number of units can reach ${comparator === ">" ? "above" : "at least"} ${target}`,
    ),
  shapeMismatch: (a: CellMatrix, b: CellMatrix): FormulaError =>
    fail(
      "invalidValue",
      `Hai vùng phải cùng kích thước (${shapeText(a)} và ${shapeText(b)})`,
      `The two ranges must have the same size (${shapeText(a)} and ${shapeText(b)})`,
    ),
  notANumber: (text: string, where: Place): FormulaError =>
    fail("invalidValue", `${q(text)}${where.vi} không phải số`, `${q(text)}${where.en} is not a number`),
  negativeIn: (text: string, where: Place): FormulaError =>
    fail("invalidValue", `Số âm ${q(text)}${where.vi}`, `Negative number ${q(text)}${where.en}`),
  numeratorAboveDenominator: (numerator: number, denominator: number, where: Place): FormulaError =>
    fail(
      "invalidValue",
      `Tử số (${numerator}) lớn hơn mẫu số (${denominator})${where.vi}`,
      `Numerator (${numerator}) is greater than denominator (${denominator})${where.en}`,
    ),
  errorInCell: (code: string, where: Place): FormulaError =>
    fail("invalidValue", `Ô có lỗi ${code}${where.vi}`, `A cell holds the error ${code}${where.en}`),
} as const;

/** A number for English messages, without binary floating point's tail (1.15 × 100 is 115, not 114.99999999999999). */
function enNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** A number the Vietnamese way for messages: decimal comma, no grouping (1,2; 47,55). */
function viNumber(value: number): string {
  return enNumber(value).replace(".", ",");
}

function shapeText(m: CellMatrix): string {
  return `${m.length}×${m[0]?.length ?? 0}`;
}

// ---------------------------------------------------------------------------------------------
// Reading arguments.

/**
 * The value as a `CellValue` the rest of the core can trust. Excel passes ranges to the adapters
 * uncopied, and an "any" range may hold a data-type entity (an object) or `undefined`: those
 * become an error cell here instead of reaching code that expects strings.
 */
function known(value: CellValue): CellValue {
  if (value === undefined) return null;
  if (typeof value !== "object" || value === null) return value;
  if (value.kind === "error" || value.kind === "date") return value;
  return cellError(excelErrorCode(value) ?? "#VALUE!");
}

/**
 * The code of an error as Excel passes it to an "any" parameter when the metadata sets
 * `allowErrorForDataTypeAny` (a `CustomFunctions.Error`-like `{ code }`, or an error cell value
 * `{ type: "Error", basicValue: "#N/A" }`); null for anything else.
 */
export function excelErrorCode(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as { code?: unknown; basicValue?: unknown };
  if (typeof v.code === "string" && v.code.startsWith("#")) return v.code;
  if (typeof v.basicValue === "string" && v.basicValue.startsWith("#")) return v.basicValue;
  return null;
}

const NUMBER_TEXT = /^\s*[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?\s*$/;

/**
 * The largest count the functions take: 2^53 − 1, the last whole number a cell holds exactly.
 * Beyond it counts are no longer exact (and a long string of digits is Infinity).
 */
const MAX_COUNT = Number.MAX_SAFE_INTEGER;

/**
 * A number written as text, made plain first (zero-width characters dropped, full-width digits
 * made ASCII: `plainNumberText`), "," read as the decimal mark; null when it is none.
 */
function numberOfText(text: string): number | null {
  const t = plainNumberText(text);
  return NUMBER_TEXT.test(t) ? Number(t.trim().replace(",", ".")) : null;
}

/** A whole number ≥ 0 from a number or a number stored as text; blank counts as 0. */
function readCount(value: CellValue, name: ArgumentName): FormulaResult<number> {
  value = known(value);
  if (isBlank(value)) return 0;
  if (isCellError(value)) return FORMULA_ERRORS.errorInCell(value.code, NOWHERE);
  const n = typeof value === "number" ? value : typeof value === "string" ? numberOfText(value) : null;
  const shown = typeof value === "string" ? value.trim() : cellText(value);
  if (n === null || Number.isNaN(n)) return FORMULA_ERRORS.notACount(name, shown);
  if (n < 0) return FORMULA_ERRORS.negative(name, shown);
  if (n > MAX_COUNT) return FORMULA_ERRORS.countTooLarge(name, shown);
  // "5,0" and "1e1" are whole; 2.5 is not.
  if (!Number.isInteger(n)) return FORMULA_ERRORS.notWhole(name, shown);
  return n;
}

/** A count given as a single value or a 1×1 range. */
function readSingleCount(value: CellValue | CellMatrix, name: ArgumentName): FormulaResult<number> {
  if (!Array.isArray(value)) return readCount(value as CellValue, name);
  const m = value as CellMatrix;
  if (m.length !== 1 || m[0]?.length !== 1) return FORMULA_ERRORS.rangeForCount(name);
  return readCount(m[0][0], name);
}

/** A number ≥ 0 in a range (numbers stored as text accepted); null for a blank cell. */
function readAmount(value: CellValue, where: Place): FormulaResult<number | null> {
  value = known(value);
  if (isBlank(value)) return null;
  if (isCellError(value)) return FORMULA_ERRORS.errorInCell(value.code, where);
  const n = typeof value === "number" ? value : typeof value === "string" ? numberOfText(value) : null;
  if (n === null || Number.isNaN(n)) return FORMULA_ERRORS.notANumber(cellText(value), where);
  if (n < 0) return FORMULA_ERRORS.negativeIn(cellText(value), where);
  // Sums of larger amounts are no longer exact, or Infinity / Infinity.
  if (n > MAX_COUNT) return FORMULA_ERRORS.amountTooLarge(cellText(value), where);
  return n;
}

/** A target by the one rule of `rateInput.ts`, with the comparator its text gives (null: none). */
function readTarget(
  value: CellValue,
): FormulaResult<{ fraction: ExactFraction; comparator: Comparator | null }> {
  value = known(value);
  const text = cellText(value).trim();
  if (isCellError(value)) return FORMULA_ERRORS.errorInCell(value.code, NOWHERE);
  if (typeof value !== "number" && typeof value !== "string") return FORMULA_ERRORS.badTarget(text);
  if (isBlank(value)) return FORMULA_ERRORS.badTarget(text);
  const read = readRateInput(value, true);
  if (isRateProblem(read))
    return rateProblem(
      read,
      text,
      ARG.target,
      FORMULA_ERRORS.targetOutOfRange(text),
      FORMULA_ERRORS.badTarget(text),
    );
  return read;
}

/** An actual rate by the same rule (no comparator): 0.4755, 47.55, "47,55%". */
function readRate(value: CellValue): FormulaResult<ExactFraction> {
  value = known(value);
  const text = cellText(value).trim();
  if (isCellError(value)) return FORMULA_ERRORS.errorInCell(value.code, NOWHERE);
  if ((typeof value !== "number" && typeof value !== "string") || isBlank(value))
    return FORMULA_ERRORS.badRate(text);
  const read = readRateInput(value, false);
  if (isRateProblem(read))
    return rateProblem(
      read,
      text,
      ARG.actual,
      FORMULA_ERRORS.rateOutOfRange(text),
      FORMULA_ERRORS.badRate(text),
    );
  return read.fraction;
}

function rateProblem(
  problem: RateProblem,
  text: string,
  name: ArgumentName,
  outOfRange: FormulaError,
  unreadable: FormulaError,
): FormulaError {
  switch (problem.problem) {
    case "ambiguous":
      return FORMULA_ERRORS.ambiguous(name, problem.value);
    case "outOfRange":
      return outOfRange;
    case "comparatorNotAllowed":
      return FORMULA_ERRORS.comparatorInRate(text);
    default:
      return unreadable;
  }
}

/** The comparator from the optional `strict` argument: TRUE "above", FALSE "at least", null when left out. */
function readStrict(value: CellValue): FormulaResult<Comparator | null> {
  value = known(value);
  if (isBlank(value)) return null;
  const flag = parseFlag(value);
  if (flag.kind === "flag") return flag.value ? ">" : ">=";
  if (typeof value === "string") {
    const comparator = parseComparator(value);
    if (comparator) return comparator;
  }
  return FORMULA_ERRORS.badStrict(cellText(value));
}

function percentText(f: ExactFraction): string {
  const r = reduce({ numerator: f.numerator * 100n, denominator: f.denominator });
  const whole = r.numerator / r.denominator;
  return r.numerator % r.denominator === 0n
    ? `${whole}%`
    : `${(Number(r.numerator) / Number(r.denominator)).toFixed(2)}%`;
}

// ---------------------------------------------------------------------------------------------
// The functions. Flags over a range are read fast: most cells are booleans, numbers or a handful
// of distinct words, each distinct text parsed once (`flagOfText`); the vocabulary (words and
// marks such as "-", "✓", "✗") and that cache are the reader's: `flags.ts`.

/**
 * NTH.CONSOLIDATION_RATE. With a total: consolidated / total. Without a total (`null`): the
 * range holds yes/no flags and the rate is yes / (yes + no), blanks ignored.
 */
export function consolidationRate(
  consolidated: CellValue | CellMatrix,
  total: CellValue | null,
): FormulaResult<number> {
  if (total === null)
    return flagRate(
      Array.isArray(consolidated) ? (consolidated as CellMatrix) : [[consolidated as CellValue]],
    );
  const count = readSingleCount(consolidated, ARG.consolidated);
  if (isFormulaError(count)) return count;
  const all = readCount(total, ARG.total);
  if (isFormulaError(all)) return all;
  if (all === 0) return FORMULA_ERRORS.zeroTotal();
  if (count > all) return FORMULA_ERRORS.consolidatedAboveTotal(count, all);
  return count / all;
}

function flagRate(flags: CellMatrix): FormulaResult<number> {
  let yes = 0;
  let no = 0;
  for (let r = 0; r < flags.length; r++) {
    const row = flags[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      // Fast paths first: no allocation for booleans, 0/1 and blanks.
      if (v === true || v === 1) yes++;
      else if (v === false || v === 0) no++;
      else if (v === null || v === undefined || v === "") continue;
      else {
        const cell = typeof v === "string" ? v : known(v);
        if (isCellError(cell)) return FORMULA_ERRORS.errorInCell(cell.code, placeIn(flags, r, c));
        const flag = typeof cell === "string" ? flagOfText(cell) : parseFlag(cell);
        if (flag.kind === "flag") {
          if (flag.value) yes++;
          else no++;
        } else if (flag.kind === "invalid") {
          const single = flags.length === 1 && row.length === 1;
          return FORMULA_ERRORS.badFlag(flag.text, placeIn(flags, r, c), single && typeof v === "number");
        }
      }
    }
  }
  const counted = yes + no;
  return counted === 0 ? FORMULA_ERRORS.noFlags() : yes / counted;
}

/**
 * NTH.TARGET_GAP: target − actual, computed exactly from the decimals as written (0.9 − 0.4755 is
 * 0.4245, not 0.42450000000000004). Positive: still short; zero or negative: met. Both are read
 * by the rule of `rateInput.ts` (0.9, 90%, 90 and 47.55 all work; 1.2 is refused as ambiguous);
 * a comparator in the target ("trên 90%") is accepted and does not change the gap.
 */
export function targetGap(actual: CellValue, target: CellValue): FormulaResult<number> {
  const rate = readRate(actual);
  if (isFormulaError(rate)) return rate;
  const read = readTarget(target);
  if (isFormulaError(read)) return read;
  const goal = read.fraction;
  const numerator = goal.numerator * rate.denominator - rate.numerator * goal.denominator;
  const denominator = goal.denominator * rate.denominator;
  const negative = numerator < 0n;
  const exact = reduce({ numerator: negative ? -numerator : numerator, denominator });
  const magnitude = Number(exact.numerator) / Number(exact.denominator);
  return negative ? -magnitude : magnitude;
}

/**
 * NTH.UNITS_NEEDED: the smallest whole number of further consolidations that makes
 * consolidated / total meet the target, computed exactly. The target is read by the rule of
 * `rateInput.ts`; its text sets the comparator ("trên 90%", ">90%": strictly above; "đạt 90%",
 * "≥90%" or none: at least); `strict` TRUE/FALSE says the same when the text does not, and a
 * `strict` that contradicts the text is refused.
 */
export function unitsNeeded(
  consolidated: CellValue,
  total: CellValue,
  target: CellValue,
  strict: CellValue,
): FormulaResult<number> {
  const count = readCount(consolidated, ARG.consolidated);
  if (isFormulaError(count)) return count;
  const all = readCount(total, ARG.total);
  if (isFormulaError(all)) return all;
  const read = readTarget(target);
  if (isFormulaError(read)) return read;
  const goal = read.fraction;
  const given = readStrict(strict);
  if (isFormulaError(given)) return given;
  if (read.comparator !== null && given !== null && read.comparator !== given)
    return FORMULA_ERRORS.conflictingComparator(cellText(known(target)).trim(), given === ">");
  const comparator: Comparator = read.comparator ?? given ?? ">=";
  if (all === 0) return FORMULA_ERRORS.zeroTotal();
  if (count > all) return FORMULA_ERRORS.consolidatedAboveTotal(count, all);
  const needed = exactUnitsNeeded(count, all, goal, comparator);
  return needed === null ? FORMULA_ERRORS.unreachable(percentText(goal), comparator) : needed;
}

/**
 * A text with no two letters in a row and no digit is no name: "-", "x", "?", "—" say "nobody"
 * (or "not filled"), the reader's rule for a village's head (`read/records.ts`). Two such marks
 * are not one person holding both posts. Marks may sit between the letters (NFD "Ân" is a name).
 */
const A_NAME = /\p{L}\p{M}*\p{L}|\p{Nd}/u;

/** `A_NAME.test`, with names' usual beginning decided first without the regular expression. */
function isName(text: string): boolean {
  return startsWithTwoLetters(text) || A_NAME.test(text);
}

/** The text of a name cell for matching; null when blank or no name. Numbers are names too (IDs). */
function nameText(value: CellValue, where: Place): FormulaResult<string | null> {
  value = known(value);
  if (isBlank(value)) return null;
  if (isCellError(value)) return FORMULA_ERRORS.errorInCell(value.code, where);
  if (isCellDate(value)) return value.iso;
  if (typeof value === "string" && !isName(value)) return null;
  return cellText(value);
}

function samePerson(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  return a === b || nameKey(a) === nameKey(b);
}

/**
 * NTH.IS_CONSOLIDATED: TRUE when the secretary and the head are the same person, i.e. both
 * names are filled and equal after normalisation (Unicode form, tone-mark placement, case, spaces).
 * A mark that is no name ("-", "x", "?") in both cells is FALSE: nobody holds the two posts.
 */
export function isConsolidated(secretary: CellValue, head: CellValue): FormulaResult<boolean> {
  const a = nameText(secretary, NOWHERE);
  if (isFormulaError(a)) return a;
  const b = nameText(head, NOWHERE);
  if (isFormulaError(b)) return b;
  return samePerson(a, b);
}

/** NTH.COUNT_CONSOLIDATED: how many positions of two same-shaped ranges hold the same person. */
export function countConsolidated(secretaries: CellMatrix, heads: CellMatrix): FormulaResult<number> {
  if (!sameShape(secretaries, heads)) return FORMULA_ERRORS.shapeMismatch(secretaries, heads);
  let count = 0;
  for (let r = 0; r < secretaries.length; r++) {
    const left = secretaries[r];
    const right = heads[r];
    for (let c = 0; c < left.length; c++) {
      const x = left[c];
      const y = right[c];
      // A blank never matches; only an error cell beside it still needs its message.
      if ((x === null || y === null) && !isObjectCell(x) && !isObjectCell(y)) continue;
      // Fast paths for the two common cases: the same text, and two different people's names.
      if (typeof x === "string" && typeof y === "string") {
        if (x === y) {
          if (isName(x)) count++;
          continue;
        }
        if (surelyDifferentNames(x, y)) continue;
      }
      const a = nameText(x, placeIn(secretaries, r, c));
      if (isFormulaError(a)) return a;
      const b = nameText(y, placeIn(heads, r, c));
      if (isFormulaError(b)) return b;
      if (samePerson(a, b)) count++;
    }
  }
  return count;
}

function isObjectCell(value: CellValue): boolean {
  return typeof value === "object" && value !== null;
}

/**
 * What a character is to `surelyDifferentNames`: 0 unknown (give up), 1 skipped, 2 kept.
 * Kept: ASCII characters other than vowels and spaces (consonants, digits, punctuation). Skipped:
 * ASCII vowels, spaces and controls, combining marks, Unicode spaces, and the Vietnamese letters
 * (which decompose to a vowel and marks, or do not decompose: đ, Đ, Ð, ð).
 */
const NAME_CHAR = ((): Uint8Array => {
  const table = new Uint8Array(0x10000);
  for (let c = 33; c < 127; c++) table[c] = 2;
  for (const v of "aeiouyAEIOUY") table[v.charCodeAt(0)] = 1;
  for (let c = 0; c <= 32; c++) table[c] = 1;
  for (let c = 0x300; c <= 0x36f; c++) table[c] = 1;
  const skip = (from: number, to = from): void => {
    for (let c = from; c <= to; c++) table[c] = 1;
  };
  skip(0xa0);
  skip(0x2000, 0x200b);
  skip(0x202f);
  skip(0x205f);
  skip(0x3000);
  skip(0xfeff);
  const vietnamese = "ÀÁÂÃÈÉÊÌÍÐÒÓÔÕÙÚÝàáâãèéêìíðòóôõùúýĂăĐđĨĩŨũƠơƯư";
  for (const ch of vietnamese) table[ch.charCodeAt(0)] = 1;
  skip(0x1ea0, 0x1ef9);
  return table;
})();

/** The next kept character code from `i` (lower-cased), -1 at the end, -2 for an unknown one. */
function nextKept(text: string, from: { i: number }): number {
  while (from.i < text.length) {
    const ch = text.charCodeAt(from.i++);
    const kind = NAME_CHAR[ch];
    if (kind === 2) return ch >= 65 && ch <= 90 ? ch | 32 : ch;
    if (kind === 0) return -2;
  }
  return -1;
}

/**
 * True only when the two names cannot be the same person under `nameKey`: their ASCII consonants
 * (and digits, punctuation), in order and lower-cased, differ. `nameKey` changes only Unicode form,
 * tone-mark placement, case and spaces, none of which moves, adds or removes such a character when
 * every other character is a vowel, a mark, a space or a Vietnamese letter; any other character
 * (ñ, ç, other scripts) gives up (false), and the caller compares the keys. Most pairs of different
 * people differ in their first few consonants, so this costs a few character reads instead of
 * two normalisations.
 */
function surelyDifferentNames(a: string, b: string): boolean {
  const i = { i: 0 };
  const j = { i: 0 };
  for (;;) {
    const x = nextKept(a, i);
    const y = nextKept(b, j);
    if (x === -2 || y === -2) return false;
    if (x !== y) return true;
    if (x === -1) return false;
  }
}

/**
 * NTH.ROLLUP_RATE: sum of numerators / sum of denominators, position by position over two
 * same-shaped ranges: the right way to combine rates (never an average of percentages).
 * A position blank in both is skipped; a blank numerator beside a denominator counts as 0.
 */
export function rollupRate(numerators: CellMatrix, denominators: CellMatrix): FormulaResult<number> {
  if (!sameShape(numerators, denominators)) return FORMULA_ERRORS.shapeMismatch(numerators, denominators);
  let top = 0;
  let bottom = 0;
  for (let r = 0; r < numerators.length; r++) {
    for (let c = 0; c < numerators[r].length; c++) {
      const n = readAmount(numerators[r][c], placeIn(numerators, r, c));
      if (isFormulaError(n)) return n;
      const d = readAmount(denominators[r][c], placeIn(denominators, r, c));
      if (isFormulaError(d)) return d;
      if ((n ?? 0) > (d ?? 0))
        return FORMULA_ERRORS.numeratorAboveDenominator(n ?? 0, d ?? 0, placeIn(numerators, r, c));
      top += n ?? 0;
      bottom += d ?? 0;
    }
  }
  return bottom === 0 ? FORMULA_ERRORS.zeroDenominators() : top / bottom;
}

function sameShape(a: CellMatrix, b: CellMatrix): boolean {
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) if (a[r].length !== b[r].length) return false;
  return true;
}
