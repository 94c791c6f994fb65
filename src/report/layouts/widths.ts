/** Column width (characters) that fits the longest of these names, within sensible bounds. */
export function nameWidth(names: readonly string[], min = 16, max = 40): number {
  let longest = 0;
  for (const n of names) if (n.length > longest) longest = n.length;
  return Math.min(max, Math.max(min, Math.ceil(longest * 1.05) + 2));
}
