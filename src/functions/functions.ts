/**
 * The NTH custom functions: one-line adapters from Excel arguments to `src/core/formulas.ts`.
 * custom-functions-metadata-plugin builds functions.json from the JSDoc below and appends the
 * `CustomFunctions.associate` calls at build time; scripts/localize-functions.js checks it against
 * src/functions/catalogue.json (which must say the same as the JSDoc here), adds the help URLs and
 * `allowErrorForDataTypeAny`, and writes the Vietnamese metadata from the catalogue. Every
 * parameter is `unknown` (Excel "any"), so every argument, text and error cells included, reaches
 * the core, which decides what is readable and says so in the clerk's language.
 */
import * as formulas from "../core/formulas";
import { allocateFormula } from "../core/plan/allocateFormula";
import { toCell, toMatrix, toOptionalCell, unwrap } from "./excelValues";

/**
 * Consolidation rate (tỷ lệ nhất thể hóa): consolidated / total, or, without a total, yes / (yes + no) over a range of yes/no flags (blanks ignored). Format the cell as a percentage.
 * @customfunction CONSOLIDATION_RATE
 * @param consolidated Number of consolidated units, or a range of flags (x, ✓, Có/Không, -, ✗, TRUE/FALSE, 1/0).
 * @param [total] Total number of units; leave out when the first argument is a range of flags.
 * @returns The rate, a fraction from 0 to 1.
 */
export function consolidationRate(consolidated: unknown[][], total?: unknown): number {
  return unwrap(formulas.consolidationRate(toMatrix(consolidated), toOptionalCell(total)));
}

/**
 * Gap to the target (khoảng cách tới mục tiêu): target − actual. Positive: still short; zero or negative: met. Rates and targets: 0 to 1 is a fraction (0.9 = 90%), 2 to 100 a percent (90 = 90%), or text such as "47.55%" or "above 90%"; 1.2 is refused as ambiguous.
 * @customfunction TARGET_GAP
 * @param actual Actual rate: 0.4755, 47.55% or 47.55.
 * @param target Target: 0.9, 90%, 90, ">90%", "≥90%", "trên 90%" or "đạt 90%".
 * @returns Target minus actual, as a fraction.
 */
export function targetGap(actual: unknown, target: unknown): number {
  return unwrap(formulas.targetGap(toCell(actual), toCell(target)));
}

/**
 * Units still needed (số đơn vị cần thêm): the smallest number of further consolidations that meets the target, computed exactly. The target's text sets the comparator: ">90%" or "trên 90%" strictly above, "≥90%", "đạt 90%" or a bare 90% at least.
 * @customfunction UNITS_NEEDED
 * @param consolidated Number of consolidated units.
 * @param total Total number of units.
 * @param target Target: 0.9, 90%, 90, ">90%", "≥90%", "trên 90%" or "đạt 90%".
 * @param [strict] TRUE for "above" (trên 90%), FALSE for "at least"; leave out when the target's text says it.
 * @returns A whole number of units, 0 when the target is met.
 */
export function unitsNeeded(
  consolidated: unknown,
  total: unknown,
  target: unknown,
  strict?: unknown,
): number {
  return unwrap(
    formulas.unitsNeeded(toCell(consolidated), toCell(total), toCell(target), toOptionalCell(strict)),
  );
}

/**
 * Is the secretary also the head? (bí thư kiêm trưởng thôn?) TRUE when both names are filled and are the same after normalisation (Unicode form, tone-mark placement, case, spaces).
 * @customfunction IS_CONSOLIDATED
 * @param secretary Name of the party-cell secretary.
 * @param head Name of the village head.
 * @returns TRUE or FALSE.
 */
export function isConsolidated(secretary: unknown, head: unknown): boolean {
  return unwrap(formulas.isConsolidated(toCell(secretary), toCell(head)));
}

/**
 * Count of consolidated units (đếm số nhất thể hóa): how many rows hold the same person in both ranges.
 * @customfunction COUNT_CONSOLIDATED
 * @param secretaries Range of secretaries' names.
 * @param heads Range of heads' names, the same size as the secretaries.
 * @returns The number of rows where the two names match.
 */
export function countConsolidated(secretaries: unknown[][], heads: unknown[][]): number {
  return unwrap(formulas.countConsolidated(toMatrix(secretaries), toMatrix(heads)));
}

/**
 * Rolled-up rate (tỷ lệ tổng hợp): sum of numerators / sum of denominators, the right way to combine units' rates (never average percentages).
 * @customfunction ROLLUP_RATE
 * @param numerators Range of numerators, e.g. consolidated villages per commune.
 * @param denominators Range of denominators, e.g. villages per commune, the same size.
 * @returns The combined rate, a fraction from 0 to 1.
 */
export function rollupRate(numerators: unknown[][], denominators: unknown[][]): number {
  return unwrap(formulas.rollupRate(toMatrix(numerators), toMatrix(denominators)));
}

/**
 * Exact quotas (chia chỉ tiêu): splits the villages still needed among the units below as whole numbers that add up exactly to it, in proportion to each unit's villages not yet consolidated (or to the weights), never more than a unit can do. Spills one quota per unit.
 * @customfunction ALLOCATE
 * @param needed Villages still needed by the parent unit, e.g. 61.
 * @param capacities Range: each unit's villages not yet consolidated (the most it can do).
 * @param [weights] Range of the same size to share in proportion to instead, e.g. each unit's own shortfall.
 * @param [names] Range of the units' names: equal shares are then decided by name, as on the planning sheet; without names, by the upper row.
 * @returns The quotas, in the shape of the capacities.
 */
export function allocate(
  needed: unknown,
  capacities: unknown[][],
  weights?: unknown,
  names?: unknown,
): number[][] {
  return unwrap(
    allocateFormula(
      toCell(needed),
      toMatrix(capacities),
      weights === undefined || weights === null ? null : toMatrix(weights),
      names === undefined || names === null ? null : toMatrix(names),
    ),
  );
}
