import { cellText, isBlank, isCellError, type CellValue } from "../cells";
import { FORMULA_ERRORS, type CellMatrix, type FormulaError, type FormulaResult } from "../formulas";
import { allocate } from "./allocate";

/**
 * NTH.ALLOCATE(needed, capacities, [weights], [names]): the quotas of the planning sheet as a
 * spilled range, from the same core (`allocate`). `capacities` is a column (or a row) of the
 * villages each unit has not yet consolidated; `weights` (same size) shares in proportion to
 * something else (e.g. each unit's own shortfall); `names` (same size) breaks ties exactly as the
 * planning sheet does (by name); without names, ties go to the upper row. The result has the
 * shape of `capacities` (a block is read and spilled row by row). Numbers typed as text are read
 * when they are digits only ("12"); "1.000" is refused, as it may mean one thousand.
 */

// Only digits: "1.000" or "1,000" typed as text could be one thousand (Vietnamese and English
// thousands separators) or one with decimals; a village count is never read from such text.
const NUMBER_TEXT = /^\s*\d+\s*$/;

function message(vi: string, en: string): FormulaError {
  return { error: "invalidValue", message: { vi, en } };
}

function where(r: number, c: number): { vi: string; en: string } {
  return {
    vi: ` (dòng ${r + 1}, cột ${c + 1} của vùng)`,
    en: ` (row ${r + 1}, column ${c + 1} of the range)`,
  };
}

/** A whole number ≥ 0 (numbers stored as text accepted, blank = 0), or an error naming the cell. */
function wholeAt(
  value: CellValue,
  r: number,
  c: number,
  what: { vi: string; en: string },
): FormulaResult<number> {
  if (value === undefined || isBlank(value)) return 0;
  if (isCellError(value)) return FORMULA_ERRORS.errorInCell(value.code, where(r, c));
  let n: number | null = null;
  if (typeof value === "number") n = value;
  else if (typeof value === "string" && NUMBER_TEXT.test(value)) n = Number(value.trim());
  if (n === null || !Number.isFinite(n) || n < 0 || !Number.isInteger(n) || n > Number.MAX_SAFE_INTEGER)
    return message(
      `${what.vi} “${cellText(value)}”${where(r, c).vi} phải là số nguyên không âm`,
      `${what.en} “${cellText(value)}”${where(r, c).en} must be a whole number ≥ 0`,
    );
  return n;
}

function flatten(m: CellMatrix): { values: CellValue[]; rows: number; columns: number } {
  const values: CellValue[] = [];
  for (const row of m) for (const v of row) values.push(v);
  return { values, rows: m.length, columns: m[0]?.length ?? 0 };
}

const CAPACITY = { vi: "Số chưa nhất thể hóa", en: "Capacity" };
const WEIGHT = { vi: "Trọng số", en: "Weight" };
const NEEDED = { vi: "Số cần thêm", en: "Needed" };

export function allocateFormula(
  needed: CellValue | CellMatrix,
  capacities: CellMatrix,
  weights: CellMatrix | null,
  names: CellMatrix | null,
): FormulaResult<number[][]> {
  const neededCell = Array.isArray(needed) ? (needed as CellMatrix) : [[needed as CellValue]];
  if (neededCell.length !== 1 || neededCell[0]?.length !== 1)
    return message(
      "Số cần thêm phải là một số, không phải một vùng",
      "Needed must be one number, not a range",
    );
  const total = wholeAt(neededCell[0][0], 0, 0, NEEDED);
  if (typeof total !== "number") return total;
  const caps = flatten(capacities);
  const shapeOk = (m: CellMatrix | null): boolean =>
    m === null || (m.length === caps.rows && m.every((row) => row.length === caps.columns));
  if (!shapeOk(weights)) return FORMULA_ERRORS.shapeMismatch(capacities, weights!);
  if (!shapeOk(names)) return FORMULA_ERRORS.shapeMismatch(capacities, names!);
  const weightValues = weights ? flatten(weights).values : null;
  const nameValues = names ? flatten(names).values : null;
  const children: { key: string; capacity: number; weight?: number }[] = [];
  for (let i = 0; i < caps.values.length; i++) {
    const r = caps.columns > 0 ? Math.floor(i / caps.columns) : 0;
    const c = caps.columns > 0 ? i % caps.columns : 0;
    const capacity = wholeAt(caps.values[i], r, c, CAPACITY);
    if (typeof capacity !== "number") return capacity;
    let weight: number | undefined;
    if (weightValues) {
      const w = wholeAt(weightValues[i], r, c, WEIGHT);
      if (typeof w !== "number") return w;
      weight = w;
    }
    const order = String(i).padStart(8, "0");
    const key = nameValues ? `${cellText(nameValues[i]).normalize("NFC")}\u0000${order}` : order;
    children.push({ key, capacity, ...(weight === undefined ? {} : { weight }) });
  }
  const result = allocate(total, children);
  if (!result.ok) {
    if (result.reason === "infeasible")
      return {
        error: "notAvailable",
        message: {
          vi: `Cần thêm ${total} nhưng các đơn vị chỉ còn ${result.capacity} chưa nhất thể hóa: không chia được`,
          en: `${total} are needed but the units have only ${result.capacity} left to consolidate: cannot split`,
        },
      };
    return message("Tham số không hợp lệ", "Invalid argument");
  }
  // The shape of `capacities`: a column, a row or a block (read row by row, spilled the same way).
  const q = result.quotas;
  return Array.from({ length: caps.rows }, (_, r) => q.slice(r * caps.columns, (r + 1) * caps.columns));
}
