import type { Rollup, TotalRollup, UnitLevel, UnitRollup } from "../core/rollup/types";
import { foldKey } from "../core/text/normalize";

/**
 * The unit a report is submitted from: the deepest unit that holds all the data. A district's
 * workbook (one province, one district) reports as that district; a province's as the province; a
 * commune's as the commune; several provinces together as the grand total (a national compilation).
 */
export interface ReportScope {
  readonly level: UnitLevel | "total";
  /** The submitting unit, or the total for several provinces. */
  readonly unit: UnitRollup | TotalRollup;
  /** Its parent unit (for the parent body line), or null. */
  readonly parent: UnitRollup | null;
}

/** The units by id; made once per list of units (every report asks, and a country has 3,355). */
export function unitIndex(rollup: Rollup): ReadonlyMap<string, UnitRollup> {
  let byId = unitIndexes.get(rollup.units);
  if (!byId) {
    const made = new Map<string, UnitRollup>();
    for (const u of rollup.units) made.set(u.id, u);
    unitIndexes.set(rollup.units, (byId = made));
  }
  return byId;
}

const unitIndexes = new WeakMap<readonly UnitRollup[], ReadonlyMap<string, UnitRollup>>();

export function reportScope(rollup: Rollup): ReportScope {
  const byId = unitIndex(rollup);
  if (rollup.total.childIds.length !== 1) return { level: "total", unit: rollup.total, parent: null };
  let unit = byId.get(rollup.total.childIds[0])!;
  let parent: UnitRollup | null = null;
  while (unit.level !== "commune" && unit.childIds.length === 1) {
    parent = unit;
    unit = byId.get(unit.childIds[0])!;
  }
  return { level: unit.level, unit, parent };
}

/** How many communes a unit (or the total) holds: 1 for a commune. */
export function communeCount(unit: UnitRollup | TotalRollup, byId: ReadonlyMap<string, UnitRollup>): number {
  if (unit.level === "commune") return 1;
  let n = 0;
  for (const child of childrenOf(unit, byId)) n += communeCount(child, byId);
  return n;
}

/** Children of a unit (or of the total) in tree order. */
export function childrenOf(
  unit: UnitRollup | TotalRollup,
  byId: ReadonlyMap<string, UnitRollup>,
): UnitRollup[] {
  return unit.childIds.map((id) => byId.get(id)).filter((u): u is UnitRollup => u !== undefined);
}

export type UnitKind =
  | "province"
  | "centralCity"
  | "district"
  | "urbanDistrict"
  | "town"
  | "provincialCity"
  | "commune"
  | "ward"
  | "township"
  | "specialZone";

/**
 * Kind words as written, with their diacritics (compared in lower case, NFC). A syllable that only
 * folds to a kind word is a name: "Quan Sơn" is not "Quận Sơn", "Phương Sơn" not "Phường Sơn",
 * "Xà Phìn" not "Xã Phìn". Abbreviations (TP., TX., TT.) are no Vietnamese syllables, so they are safe;
 * one-letter ones (H., Q., P., X.) count only with their dot. Longer words come first ("huyện đảo"
 * before "huyện": the island district "Huyện đảo Cô Tô" is "Cô Tô").
 */
const PREFIXES: readonly (readonly [string, UnitKind, UnitLevel])[] = [
  ["tỉnh", "province", "province"],
  ["thành phố", "centralCity", "province"],
  ["tp", "centralCity", "province"],
  ["huyện đảo", "district", "district"],
  ["huyện", "district", "district"],
  ["h.", "district", "district"],
  ["quận", "urbanDistrict", "district"],
  ["q.", "urbanDistrict", "district"],
  ["thị xã", "town", "district"],
  ["tx", "town", "district"],
  ["thành phố", "provincialCity", "district"],
  ["tp", "provincialCity", "district"],
  ["xã", "commune", "commune"],
  ["x.", "commune", "commune"],
  ["phường", "ward", "commune"],
  ["p.", "ward", "commune"],
  ["thị trấn", "township", "commune"],
  ["tt", "township", "commune"],
  ["đặc khu", "specialZone", "commune"],
];

/** An abbreviation glued to the name ("TP.Lạng Sơn", "TT.Na Sầm", "Q.Ba Đình") gets its space. */
const GLUED_ABBREVIATION = /^(tp|tx|tt|[hqpx])\.(?=\S)/iu;

/** Lower case, precomposed (NFC), diacritics kept: "Quận" and "quận" agree, "Quan" does not. */
const kindForm = (s: string): string => s.normalize("NFC").toLocaleLowerCase("vi");

/** Cities directly under the central government: "Hà Nội" alone means the city. */
const CENTRAL_CITIES = new Set(["hanoi", "hochiminh", "haiphong", "danang", "cantho", "hue"].map(foldKey));

/**
 * A unit's kind and bare name: "Huyện Bình Gia" → district "Bình Gia"; "Bình Gia" at district
 * level → district "Bình Gia"; "TP. Lạng Sơn" → provincial city "Lạng Sơn"; "Quan Sơn" →
 * district "Quan Sơn" (the kind word must be written as one, diacritics included). `given`: the
 * kind the data states (a unit list's type column), which wins over the name's first words.
 */
export function unitKind(
  level: UnitLevel,
  name: string,
  given?: UnitKind | null,
): { kind: UnitKind; bare: string } {
  const trimmed = name.trim().normalize("NFC");
  const words = trimmed.replace(GLUED_ABBREVIATION, "$1. ").split(/\s+/);
  for (const [prefix, kind, at] of PREFIXES) {
    if (at !== level) continue;
    const n = prefix.split(" ").length;
    const written = words.slice(0, n).join(" ");
    const head = prefix.endsWith(".") ? written : written.replace(/\.$/, "");
    if (words.length > n && kindForm(head) === prefix) {
      return {
        kind: given && kindLevel(given) === level ? given : kind,
        bare: words
          .slice(n)
          .join(" ")
          .replace(/^\.\s*/, ""),
      };
    }
  }
  if (given && kindLevel(given) === level) return { kind: given, bare: trimmed };
  if (level === "province") {
    return { kind: CENTRAL_CITIES.has(foldKey(trimmed)) ? "centralCity" : "province", bare: trimmed };
  }
  return { kind: level === "district" ? "district" : "commune", bare: trimmed };
}

/** The level a kind of unit is at. */
export function kindLevel(kind: UnitKind): UnitLevel {
  switch (kind) {
    case "province":
    case "centralCity":
      return "province";
    case "district":
    case "urbanDistrict":
    case "town":
    case "provincialCity":
      return "district";
    default:
      return "commune";
  }
}

/**
 * A kind word as a data column writes it ("Huyện", "thị trấn", "Đặc khu"; a `Loại`/`Cấp` cell),
 * at a level; null when it is not one (compared with diacritics: "Quan" is no kind).
 */
export function kindFromWord(level: UnitLevel, word: string): UnitKind | null {
  const w = kindForm(word.trim()).replace(/\.$/, "");
  for (const [prefix, kind, at] of PREFIXES) if (at === level && w === prefix) return kind;
  return null;
}

/** The kind word in Vietnamese: "tỉnh", "huyện", "xã"… */
export function kindWordVi(kind: UnitKind): string {
  switch (kind) {
    case "province":
      return "tỉnh";
    case "centralCity":
    case "provincialCity":
      return "thành phố";
    case "district":
      return "huyện";
    case "urbanDistrict":
      return "quận";
    case "town":
      return "thị xã";
    case "commune":
      return "xã";
    case "ward":
      return "phường";
    case "township":
      return "thị trấn";
    case "specialZone":
      return "đặc khu";
  }
}

/** The kind word in English: "province", "district", "commune"… */
export function kindWordEn(kind: UnitKind): string {
  switch (kind) {
    case "province":
      return "province";
    case "centralCity":
    case "provincialCity":
      return "city";
    case "district":
    case "urbanDistrict":
      return "district";
    case "town":
      return "town";
    case "commune":
      return "commune";
    case "ward":
      return "ward";
    case "township":
      return "township";
    case "specialZone":
      return "special zone";
  }
}
