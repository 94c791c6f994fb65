/**
 * The pure functions behind the NTH custom functions.
 *
 * Each function takes cell values as the core knows them (`CellValue`, or a matrix of them for a
 * range) and returns either its result or a `FormulaError`: bad data is a value, never an
 * exception, so the adapters in `src/functions/` only convert shapes and turn a `FormulaError`
 * into an Excel error. Counts and targets are compared exactly through `targets.ts`.
 */
import { cellError, cellText, isBlank, isCellDate, isCellError, type CellValue } from "./cells";
import { parseFlag, type FlagResult } from "./flags";
import type { Message } from "./issues";
import {
  fractionFromNumber,
  isTargetInRange,
  parseComparator,
  parseTarget,
  reduce,
  unitsNeeded as exactUnitsNeeded,
  type Comparator,
  type ExactFraction,
} from "./targets";
import { nameKey } from "./text/normalize";

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

const FLAG_WORDS_VI = "x, Có, Không, 1, 0, TRUE, FALSE";
const FLAG_WORDS_EN = "x, Yes, No, 1, 0, TRUE, FALSE";

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
      `Mục tiêu ${q(text)} không đọc được; nhập như 90%, 0,9 hoặc "90%"`,
      `Target ${q(text)} cannot be read; type it as 90%, 0.9 or "90%"`,
    ),
  targetOutOfRange: (text: string): FormulaError =>
    fail(
      "invalidValue",
      `Mục tiêu ${q(text)} nằm ngoài khoảng 0–100%`,
      `Target ${q(text)} is outside 0–100%`,
    ),
  badRate: (text: string): FormulaError =>
    fail(
      "invalidValue",
      `Tỷ lệ thực tế ${q(text)} phải là số từ 0 đến 1 (0%–100%)`,
      `Actual rate ${q(text)} must be a number from 0 to 1 (0%–100%)`,
    ),
  badStrict: (text: string): FormulaError =>
    fail(
      "invalidValue",
      `Tham số “trên” ${q(text)} phải là TRUE (trên) hoặc FALSE (đạt)`,
      `The strict argument ${q(text)} must be TRUE (above) or FALSE (at least)`,
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
  return value.kind === "error" || value.kind === "date" ? value : cellError("#VALUE!");
}

const INTEGER_TEXT = /^\s*\+?\d+\s*$/;
const NUMBER_TEXT = /^\s*[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?\s*$/;

/** A whole number ≥ 0 from a number or a number stored as text; blank counts as 0. */
function readCount(value: CellValue, name: ArgumentName): FormulaResult<number> {
  value = known(value);
  if (isBlank(value)) return 0;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return FORMULA_ERRORS.notACount(name, String(value));
    if (value < 0) return FORMULA_ERRORS.negative(name, String(value));
    if (!Number.isInteger(value)) return FORMULA_ERRORS.notWhole(name, String(value));
    return value;
  }
  if (typeof value === "string") {
    if (INTEGER_TEXT.test(value)) return Number(value.trim());
    if (NUMBER_TEXT.test(value)) {
      const n = Number(value.trim().replace(",", "."));
      if (n < 0) return FORMULA_ERRORS.negative(name, value.trim());
      return FORMULA_ERRORS.notWhole(name, value.trim());
    }
  }
  return FORMULA_ERRORS.notACount(name, cellText(value));
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
  let n: number;
  if (typeof value === "number") n = value;
  else if (typeof value === "string" && NUMBER_TEXT.test(value)) n = Number(value.trim().replace(",", "."));
  else if (isCellError(value)) return FORMULA_ERRORS.errorInCell(value.code, where);
  else return FORMULA_ERRORS.notANumber(cellText(value), where);
  if (!Number.isFinite(n)) return FORMULA_ERRORS.notANumber(cellText(value), where);
  if (n < 0) return FORMULA_ERRORS.negativeIn(cellText(value), where);
  return n;
}

/** A target 0–100% as clerks write it (0.9, 90%, "90%", 90), exactly. */
function readTarget(value: CellValue): FormulaResult<ExactFraction> {
  value = known(value);
  const text = cellText(value).trim();
  if (typeof value !== "number" && typeof value !== "string") return FORMULA_ERRORS.badTarget(text);
  if (typeof value === "number" && value < 0) return FORMULA_ERRORS.targetOutOfRange(text);
  if (typeof value === "string" && /^\s*-/.test(value)) return FORMULA_ERRORS.targetOutOfRange(text);
  if (isBlank(value)) return FORMULA_ERRORS.badTarget(text);
  const target = parseTarget(value);
  if (!target) return FORMULA_ERRORS.badTarget(text);
  if (!isTargetInRange(target.fraction)) return FORMULA_ERRORS.targetOutOfRange(text);
  return target.fraction;
}

/** An actual rate: a number 0–1 as Excel stores percentages, or text such as "47,5%". */
function readRate(value: CellValue): FormulaResult<ExactFraction> {
  value = known(value);
  const text = cellText(value).trim();
  let fraction: ExactFraction | null = null;
  if (typeof value === "number") fraction = fractionFromNumber(value);
  else if (typeof value === "string" && !isBlank(value) && !/^\s*-/.test(value))
    fraction = parseTarget(value)?.fraction ?? null;
  if (!fraction || !isTargetInRange(fraction)) return FORMULA_ERRORS.badRate(text);
  return fraction;
}

/** The comparator from the optional `strict` argument: TRUE means "above", blank or FALSE "at least". */
function readStrict(value: CellValue): FormulaResult<Comparator> {
  value = known(value);
  if (isBlank(value)) return ">=";
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
// Flags over a range, fast: most cells are booleans, numbers or a handful of distinct words.

const flagCache = new Map<string, FlagResult>();
const FLAG_CACHE_LIMIT = 4096;

function flagOfText(text: string): FlagResult {
  let result = flagCache.get(text);
  if (result === undefined) {
    result = parseFlag(text);
    // Bounded so that a sheet full of distinct junk cannot grow it without limit.
    if (flagCache.size >= FLAG_CACHE_LIMIT) flagCache.clear();
    flagCache.set(text, result);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// The functions.

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
        const flag = typeof v === "string" ? flagOfText(v) : parseFlag(known(v));
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
 * 0.4245, not 0.42450000000000004). Positive: still short; zero or negative: met.
 */
export function targetGap(actual: CellValue, target: CellValue): FormulaResult<number> {
  const rate = readRate(actual);
  if (isFormulaError(rate)) return rate;
  const goal = readTarget(target);
  if (isFormulaError(goal)) return goal;
  const numerator = goal.numerator * rate.denominator - rate.numerator * goal.denominator;
  const denominator = goal.denominator * rate.denominator;
  const negative = numerator < 0n;
  const exact = reduce({ numerator: negative ? -numerator : numerator, denominator });
  const magnitude = Number(exact.numerator) / Number(exact.denominator);
  return negative ? -magnitude : magnitude;
}

/**
 * NTH.UNITS_NEEDED: the smallest whole number of further consolidations that makes
 * consolidated / total meet the target (`strict` TRUE: strictly above it), computed exactly.
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
  const goal = readTarget(target);
  if (isFormulaError(goal)) return goal;
  const comparator = readStrict(strict);
  if (isFormulaError(comparator)) return comparator;
  if (all === 0) return FORMULA_ERRORS.zeroTotal();
  if (count > all) return FORMULA_ERRORS.consolidatedAboveTotal(count, all);
  const needed = exactUnitsNeeded(count, all, goal, comparator);
  return needed === null ? FORMULA_ERRORS.unreachable(percentText(goal), comparator) : needed;
}

/** The text of a name cell for matching; null when blank. Numbers are names too (IDs). */
function nameText(value: CellValue, where: Place): FormulaResult<string | null> {
  value = known(value);
  if (isBlank(value)) return null;
  if (isCellError(value)) return FORMULA_ERRORS.errorInCell(value.code, where);
  if (isCellDate(value)) return value.iso;
  return cellText(value);
}

function samePerson(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  return a === b || nameKey(a) === nameKey(b);
}

/**
 * NTH.IS_CONSOLIDATED: TRUE when the secretary and the head are the same person, i.e. both
 * names are filled and equal after normalisation (Unicode form, tone-mark placement, case, spaces).
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
    for (let c = 0; c < secretaries[r].length; c++) {
      const a = nameText(secretaries[r][c], placeIn(secretaries, r, c));
      if (isFormulaError(a)) return a;
      const b = nameText(heads[r][c], placeIn(heads, r, c));
      if (isFormulaError(b)) return b;
      if (samePerson(a, b)) count++;
    }
  }
  return count;
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
