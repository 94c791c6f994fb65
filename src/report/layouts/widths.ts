/** Column width (characters) that fits the longest of these names, within sensible bounds. */
export function nameWidth(names: readonly string[], min = 16, max = 40): number {
  let longest = 0;
  for (const n of names) if (n.length > longest) longest = n.length;
  return widthForLongest(longest, min, max);
}

/** `nameWidth` of names whose longest has `longest` characters (for layouts that know it without a list). */
export function widthForLongest(longest: number, min = 16, max = 40): number {
  return Math.min(max, Math.max(min, Math.ceil(longest * 1.05) + 2));
}
