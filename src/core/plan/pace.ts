/**
 * The pace to the deadline (issue 15): from two or more periods, villages consolidated per year,
 * the date the target is reached at that pace, and the pace needed to reach it by the deadline.
 *
 * Dates are ISO yyyy-mm-dd, counted in whole days (UTC); a year is 365 days. The reach date is
 * computed in integers: the current date plus ⌈needed × days ÷ gained⌉ days, so a sheet formula
 * =date+ROUNDUP(needed*days/gained,0) gives the same day.
 */

/** One period's figure for a unit: its cut-off date and how many villages were consolidated. */
export interface PacePoint {
  readonly date: string;
  readonly consolidated: number;
}

export interface Pace {
  /** The earliest period used and the current one. */
  readonly from: PacePoint;
  readonly to: PacePoint;
  /** Days between them. */
  readonly days: number;
  /** Villages consolidated between them (negative when the count fell). */
  readonly gained: number;
  /** gained × 365 ÷ days. */
  readonly perYear: number;
  /** Further villages needed for the target (0 when met). */
  readonly needed: number;
  /** The deadline (ISO), or null when the target has none. */
  readonly deadline: string | null;
  /** Days from the current period to the deadline (negative when past), or null. */
  readonly daysLeft: number | null;
  /**
   * When the target is reached at this pace (ISO): the current date when already met; null when
   * the pace is zero or negative (never, at this pace).
   */
  readonly reachedOn: string | null;
  /** needed × 365 ÷ days left: the pace that reaches the target on the deadline; null without one or when past. */
  readonly neededPerYear: number | null;
  /**
   * True when the reach date is on or before the deadline; null without a deadline. A target already
   * met counts as reached on the current date, so data dated after the deadline is never on time
   * (when it was met is not known).
   */
  readonly onTime: boolean | null;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date; null when not a valid yyyy-mm-dd. */
export function dayNumber(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t / DAY_MS;
}

/** ⌈a ÷ b⌉ for whole a ≥ 0, b > 0, in integers (a floating-point quotient is only corrected here). */
export function ceilDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  while (q * b < a) q++;
  while (q > 0 && (q - 1) * b >= a) q--;
  return q;
}

export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The pace from the earliest to the latest of `points` (at least two, with distinct dates); null
 * when fewer than two usable points. `needed`: further villages needed at the latest point.
 */
export function paceOf(points: readonly PacePoint[], needed: number, deadline: string | null): Pace | null {
  const usable = points
    .map((p) => ({ p, day: dayNumber(p.date) }))
    .filter((x): x is { p: PacePoint; day: number } => x.day !== null)
    .sort((a, b) => a.day - b.day);
  if (usable.length < 2) return null;
  const first = usable[0];
  const last = usable[usable.length - 1];
  const days = last.day - first.day;
  if (days <= 0) return null;
  const gained = last.p.consolidated - first.p.consolidated;
  const deadlineDay = deadline === null ? null : dayNumber(deadline);
  const daysLeft = deadlineDay === null ? null : deadlineDay - last.day;
  let reachedOn: string | null;
  if (needed <= 0) reachedOn = last.p.date;
  else if (gained <= 0) reachedOn = null;
  else reachedOn = isoOfDay(last.day + ceilDiv(needed * days, gained));
  const reachDay = reachedOn === null ? null : dayNumber(reachedOn);
  return {
    from: first.p,
    to: last.p,
    days,
    gained,
    perYear: (gained * 365) / days,
    needed,
    deadline: deadlineDay === null ? null : deadline,
    daysLeft,
    reachedOn,
    neededPerYear: daysLeft === null || daysLeft <= 0 ? null : (Math.max(needed, 0) * 365) / daysLeft,
    onTime: deadlineDay === null ? null : reachDay !== null && reachDay <= deadlineDay,
  };
}
