/**
 * The NTH functions as the pane lists them, generated from src/functions/catalogue.json: the
 * table the build also checks functions.json against and writes the Vietnamese metadata from
 * (scripts/localize-functions.js), so the pane, Excel's formula help and the docs cannot disagree.
 */
import type { Language } from "../core/summary";
import type { Message } from "../core/issues";
import catalogue from "../functions/catalogue.json";

/** One NTH custom function as the pane lists it. */
export interface FunctionSummary {
  /** The function's id, e.g. `TARGET_GAP` (also the anchor of its help: `#help/TARGET_GAP`). */
  readonly id: string;
  /** The syntax in each language, with Excel's parameter names for that language. */
  readonly syntax: Message;
  readonly meaning: Message;
  /** The example formula, written with "," between arguments (see `withListSeparator`). */
  readonly example: string;
}

interface CatalogueEntry {
  readonly example: string;
  readonly optional: readonly string[];
  readonly summary: Message;
  readonly en: { readonly parameters: Record<string, string> };
  readonly vi: { readonly parameters: Record<string, { readonly name: string }> };
}

function syntaxOf(id: string, entry: CatalogueEntry, lang: Language): string {
  const names = Object.keys(entry.en.parameters).map((p) => {
    const shown = lang === "vi" ? entry.vi.parameters[p].name : p;
    return entry.optional.includes(p) ? `[${shown}]` : shown;
  });
  return `NTH.${id}(${names.join(", ")})`;
}

/** The NTH functions, in the order a clerk meets them (details: docs/custom-functions.md). */
export const NTH_FUNCTIONS: readonly FunctionSummary[] = Object.entries(
  catalogue as Record<string, CatalogueEntry>,
).map(([id, entry]) => ({
  id,
  syntax: { vi: syntaxOf(id, entry, "vi"), en: syntaxOf(id, entry, "en") },
  meaning: entry.summary,
  example: entry.example,
}));

/**
 * A formula written with "," between arguments, as the clerk's Excel shows it: with `;` where the
 * decimal separator is a comma (Vietnamese settings), "," otherwise. Commas inside quoted text
 * are left alone.
 */
export function withListSeparator(formula: string, separator: string): string {
  if (separator === ",") return formula;
  let out = "";
  let quoted = false;
  for (const ch of formula) {
    if (ch === '"') quoted = !quoted;
    out += ch === "," && !quoted ? separator : ch;
  }
  return out;
}
