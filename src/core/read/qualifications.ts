import type { Gender, ProfessionalLevel, TheoryLevel } from "../model";
import { foldKey } from "../text/normalize";

/**
 * Qualification vocabularies as clerks write them. Each parser returns the level, or `undefined` when
 * the text is not recognised (the reader reports it); blank text is handled by the caller.
 */

/**
 * Years of general education on today's 12-year scale. "12/12", "9/12", "THPT", "THCS", 12.
 * The old northern 10-year system ("10/10", "7/10") had 4 primary, 3 lower-secondary and 3
 * upper-secondary years, so x/10 above 4 is x + 2 years on the 12-year scale (10/10 = 12/12).
 */
export function parseEducationYears(text: string): number | undefined {
  const t = text.trim();
  const m = /^(\d{1,2})\s*\/\s*(\d{1,2})$/.exec(t);
  if (m) {
    const done = Number(m[1]);
    const scale = Number(m[2]);
    if (scale === 12 && done >= 0 && done <= 12) return done;
    if (scale === 10 && done >= 0 && done <= 10) return done <= 4 ? done : done + 2;
    return undefined;
  }
  if (/^\d{1,2}$/.test(t) && Number(t) <= 12) return Number(t);
  const key = foldKey(t);
  if (["thpt", "totnghiepthpt", "trunghocphothong", "bt", "botuc", "uppersecondary"].includes(key)) return 12;
  if (["thcs", "trunghoccoso", "lowersecondary"].includes(key)) return 9;
  if (["tieuhoc", "primary"].includes(key)) return 5;
  return undefined;
}

const NONE_WORDS = new Set(["khong", "chua", "chuaquadaotao", "chuadaotao", "none", "no", "khongco"]);

/** Professional qualification: sơ cấp < trung cấp < cao đẳng < đại học < thạc sĩ < tiến sĩ. */
export function parseProfessional(text: string): ProfessionalLevel | undefined {
  const key = foldKey(text);
  if (NONE_WORDS.has(key)) return "none";
  const prefixes: [string, ProfessionalLevel][] = [
    ["tiensi", "tien-si"],
    ["ts", "tien-si"],
    ["phd", "tien-si"],
    ["thacsi", "thac-si"],
    ["ths", "thac-si"],
    ["master", "thac-si"],
    ["daihoc", "dai-hoc"],
    ["dh", "dai-hoc"],
    ["cunhan", "dai-hoc"],
    ["kysu", "dai-hoc"],
    ["bacsi", "dai-hoc"],
    ["university", "dai-hoc"],
    ["bachelor", "dai-hoc"],
    ["caodang", "cao-dang"],
    ["cd", "cao-dang"],
    ["college", "cao-dang"],
    ["trungcap", "trung-cap"],
    ["tc", "trung-cap"],
    ["intermediate", "trung-cap"],
    ["socap", "so-cap"],
    ["sc", "so-cap"],
    ["elementary", "so-cap"],
  ];
  for (const [prefix, level] of prefixes) {
    // Short abbreviations must be the whole word ("TC", "ĐH"), long words may be followed by a field.
    if (prefix.length <= 3 ? key === prefix : key.startsWith(prefix)) return level;
  }
  return undefined;
}

/** Political theory: sơ cấp < trung cấp < cao cấp (cử nhân chính trị counts as cao cấp). */
export function parseTheory(text: string): TheoryLevel | undefined {
  const key = foldKey(text);
  if (NONE_WORDS.has(key)) return "none";
  if (key.startsWith("caocap") || key === "cc" || key.startsWith("cunhan") || key === "advanced")
    return "cao-cap";
  if (key.startsWith("trungcap") || key === "tc" || key === "intermediate") return "trung-cap";
  if (key.startsWith("socap") || key === "sc" || key === "elementary" || key === "basic") return "so-cap";
  return undefined;
}

export function parseGender(text: string): Gender | undefined {
  const key = foldKey(text);
  if (["nu", "female", "f"].includes(key)) return "female";
  if (["nam", "male", "m"].includes(key)) return "male";
  return undefined;
}

export function isEthnicMinority(ethnicity: string): boolean {
  const key = foldKey(ethnicity);
  return key !== "" && key !== "kinh" && key !== "viet";
}

const THEORY_ORDER: readonly TheoryLevel[] = ["none", "so-cap", "trung-cap", "cao-cap"];
const PROFESSIONAL_ORDER: readonly ProfessionalLevel[] = [
  "none",
  "so-cap",
  "trung-cap",
  "cao-dang",
  "dai-hoc",
  "thac-si",
  "tien-si",
];

export function theoryAtLeast(level: TheoryLevel, min: TheoryLevel): boolean {
  return THEORY_ORDER.indexOf(level) >= THEORY_ORDER.indexOf(min);
}

export function professionalAtLeast(level: ProfessionalLevel, min: ProfessionalLevel): boolean {
  return PROFESSIONAL_ORDER.indexOf(level) >= PROFESSIONAL_ORDER.indexOf(min);
}
