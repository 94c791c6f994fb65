import type { OfficeHolderRecord } from "../../core/model";
import type { Rollup, VillageStatus } from "../../core/rollup/types";
import type { PostId } from "../../core/schema/posts";
import { keyEachOnce, nameKey, unitKey } from "../../core/text/normalize";
import { cellRange, text, type CellContent, type SheetDescription } from "../description";
import { blocksFor, finishSheet, writeDocumentHeader, writeSignature, writeTableHeader } from "../frame";
import { labelsFor, villageWordsOf } from "../labels";
import { shortDate, type ReportSettings } from "../settings";
import { SheetBuilder } from "../sheetBuilder";
import { nameWidth } from "./widths";

/**
 * The named annex district and provincial offices ask for (official list layout): I. the village
 * cell secretaries who are also village heads, II. the commune leaders holding two posts, each
 * grouped by commune (a bold commune row, then one numbered row per person) with birth year,
 * gender, ethnic group, general education, professional qualification and political theory from
 * the Office-holders sheet (blank where the data has none).
 */

/** The annex's words for a professional qualification, by the reader's value. */
export const PROFESSIONAL: Readonly<Record<string, string>> = {
  none: "Không",
  "so-cap": "Sơ cấp",
  "trung-cap": "Trung cấp",
  "cao-dang": "Cao đẳng",
  "dai-hoc": "Đại học",
  "thac-si": "Thạc sĩ",
  "tien-si": "Tiến sĩ",
};
/** The annex's words for a political-theory level, by the reader's value. */
export const THEORY: Readonly<Record<string, string>> = {
  none: "Không",
  "so-cap": "Sơ cấp",
  "trung-cap": "Trung cấp",
  "cao-cap": "Cao cấp",
};
const COMMUNE_POSTS: readonly PostId[] = [
  "communeSecretary",
  "communeDeputySecretary",
  "peoplesCommitteeChair",
  "peoplesCouncilChair",
];
const POST_VI: Record<string, string> = {
  communeSecretary: "Bí thư Đảng ủy",
  communeDeputySecretary: "Phó Bí thư Đảng ủy",
  peoplesCommitteeChair: "Chủ tịch UBND",
  peoplesCouncilChair: "Chủ tịch HĐND",
};

export interface Person {
  readonly name: string;
  readonly what: string;
  readonly record: OfficeHolderRecord | null;
}

export interface Group {
  readonly commune: string;
  readonly people: Person[];
}

/**
 * A secretary section I looks for at one place: the name as the village gives it, its key (computed
 * only when a differently written name must be compared with it) and the row found.
 */
interface Wanted {
  readonly name: string;
  key: string | null;
  record: OfficeHolderRecord | null;
}

const keyOf = (w: Wanted): string => (w.key ??= nameKey(w.name));

const communeKeyOf = (district: string | null, commune: string): string =>
  `${district ? unitKey("district", district) : ""}/${unitKey("commune", commune)}`;

/** The cells of the few texts every row repeats, made once (a row of the annex at country size is one of 70,000). */
const FEMALE = text("Nữ");
const MALE = text("Nam");
const PROFESSIONAL_CELL = cellsOf(PROFESSIONAL);
const THEORY_CELL = cellsOf(THEORY);

function cellsOf(words: Record<string, string>): Record<string, CellContent> {
  return Object.fromEntries(Object.entries(words).map(([k, w]) => [k, text(w)]));
}

/** General education "9/12" (text, as Excel would read it as a date): one cell per number of years. */
function educationCell(years: number, made: Map<number, CellContent>): CellContent {
  let cell = made.get(years);
  if (cell === undefined) made.set(years, (cell = text(`${years}/12`)));
  return cell;
}

/**
 * A person's row: number, name, what they hold, then the details (blank where the data has none).
 * `educationCells`: the education cells made so far, shared by the rows (cells are never changed).
 */
export function personRow(
  k: number,
  p: Person,
  educationCells = new Map<number, CellContent>(),
): CellContent[] {
  const r = p.record;
  if (!r) return [k, text(p.name), text(p.what), null, null, null, null, null, null];
  return [
    k,
    text(p.name),
    text(p.what),
    r.birthYear,
    r.gender ? (r.gender === "female" ? FEMALE : MALE) : null,
    r.ethnicity ? text(r.ethnicity) : null,
    r.educationYears !== null ? educationCell(r.educationYears, educationCells) : null,
    r.professional ? PROFESSIONAL_CELL[r.professional] : null,
    r.politicalTheory ? THEORY_CELL[r.politicalTheory] : null,
  ];
}

/**
 * `communeKeyOf` remembered for each (district, commune) pair as written: 290,000 office-holders
 * at country size name a few thousand communes.
 */
function communeKeys(): (district: string | null, commune: string) => string {
  const keys = new Map<string | null, Map<string, string>>();
  return (district, commune) => {
    let inDistrict = keys.get(district);
    if (!inDistrict) keys.set(district, (inDistrict = new Map()));
    let key = inDistrict.get(commune);
    if (key === undefined) inDistrict.set(commune, (key = communeKeyOf(district, commune)));
    return key;
  };
}

/**
 * Section I: consolidated villages' secretaries, by commune in tree order. Each village's
 * secretary row is the last Office-holders row of the cell secretary with the same commune,
 * village and name (as keys). Only the names wanted are kept, and the rows of a village, which
 * usually follow one another, look their place up once. Exported for its test against the plain
 * definition (`test/report/annexSecretaries.test.ts`).
 */
export function secretaryGroups(rollup: Rollup, holders: readonly OfficeHolderRecord[]): Group[] {
  const communeKey = communeKeys();
  const villageKey = keyEachOnce(nameKey);
  const byCommune = new Map<string, VillageStatus[]>();
  for (const v of rollup.villages) {
    if (v.consolidated !== true || !v.secretaryName) continue;
    const list = byCommune.get(v.communeId) ?? [];
    list.push(v);
    byCommune.set(v.communeId, list);
  }
  // The secretaries wanted, by commune key and village key: a few names at each place, distinct as
  // keys (a name written as another needs no key), each with the row found (null until one is).
  const wanted = new Map<string, Map<string, Wanted[]>>();
  const slots = new Map<VillageStatus[], Wanted[]>();
  for (const list of byCommune.values()) {
    const ofList: Wanted[] = [];
    slots.set(list, ofList);
    for (const v of list) {
      const c = communeKey(v.record.district, v.record.commune);
      let villages = wanted.get(c);
      if (!villages) wanted.set(c, (villages = new Map()));
      const vk = villageKey(v.record.village);
      let place = villages.get(vk);
      if (!place) villages.set(vk, (place = []));
      const name = v.secretaryName!;
      let slot = place.find((x) => x.name === name);
      if (!slot && place.length > 0) {
        const key = nameKey(name);
        slot = place.find((x) => keyOf(x) === key);
      }
      if (!slot) place.push((slot = { name, key: null, record: null }));
      ofList.push(slot);
    }
  }
  // The last row of a person wins, as before. A name written as the village writes it needs no key.
  let lastDistrict: string | null | undefined;
  let lastCommune: string | undefined;
  let lastVillage: string | undefined;
  let place: Wanted[] | undefined;
  for (const h of holders) {
    if (!h.village || !h.posts.includes("cellSecretary")) continue;
    if (h.village !== lastVillage || h.commune !== lastCommune || h.district !== lastDistrict) {
      lastVillage = h.village;
      lastCommune = h.commune;
      lastDistrict = h.district;
      place = wanted.get(communeKey(h.district, h.commune))?.get(villageKey(h.village));
    }
    if (!place) continue;
    let slot = place.find((x) => x.name === h.fullName);
    if (!slot) {
      const key = nameKey(h.fullName);
      slot = place.find((x) => keyOf(x) === key);
    }
    if (slot) slot.record = h;
  }
  const groups: Group[] = [];
  for (const unit of rollup.units) {
    const list = byCommune.get(unit.id);
    if (unit.level !== "commune" || !list) continue;
    const ofList = slots.get(list)!;
    groups.push({
      commune: unit.name,
      people: list.map((v, i) => ({
        name: v.secretaryName!,
        what: v.record.village,
        record: ofList[i].record,
      })),
    });
  }
  return groups;
}

/** Section II: commune leaders with two or more of the key posts, by commune in data order. */
function leaderGroups(holders: readonly OfficeHolderRecord[]): Group[] {
  const people = new Map<
    string,
    { commune: string; communeKey: string; record: OfficeHolderRecord; posts: Set<PostId> }
  >();
  const communeKeyOfHolder = communeKeys();
  for (const h of holders) {
    if (h.village) continue;
    const posts = h.posts.filter((p) => COMMUNE_POSTS.includes(p));
    if (posts.length === 0) continue;
    const communeKey = communeKeyOfHolder(h.district, h.commune);
    const key = `${communeKey}|${h.personId ? `id:${h.personId}` : nameKey(h.fullName)}`;
    const person = people.get(key) ?? { commune: h.commune, communeKey, record: h, posts: new Set<PostId>() };
    posts.forEach((p) => person.posts.add(p));
    people.set(key, person);
  }
  const groups = new Map<string, Group>();
  for (const p of people.values()) {
    if (p.posts.size < 2) continue;
    const group = groups.get(p.communeKey) ?? { commune: p.commune, people: [] };
    const posts = COMMUNE_POSTS.filter((id) => p.posts.has(id)).map((id) => POST_VI[id]);
    group.people.push({
      name: p.record.fullName,
      what: posts.map((x, i) => (i === 0 ? x : x.charAt(0).toLowerCase() + x.slice(1))).join(" kiêm "),
      record: p.record,
    });
    groups.set(p.communeKey, group);
  }
  return [...groups.values()];
}

export function annexReport(
  rollup: Rollup,
  holders: readonly OfficeHolderRecord[],
  settings: ReportSettings,
): SheetDescription {
  const labels = labelsFor(settings.language, villageWordsOf(rollup));
  const A = labels.annex;
  const sections: { title: string; groups: Group[] }[] = [
    { title: A.sectionSecretaries, groups: secretaryGroups(rollup, holders) },
    { title: A.sectionLeaders, groups: leaderGroups(holders) },
  ];
  const all = sections.flatMap((s) => s.groups.flatMap((g) => g.people));
  const header = [
    { label: labels.stt },
    { label: A.name },
    { label: A.what },
    { label: A.birthYear },
    { label: A.gender },
    { label: A.ethnicity },
    { label: A.education },
    { label: A.professional },
    { label: A.theory },
  ];
  const n = header.length;
  const widths = [
    6,
    nameWidth(
      all.map((p) => p.name),
      20,
      26,
    ),
    nameWidth(
      all.map((p) => p.what),
      18,
      34,
    ),
    8,
    8,
    9,
    9,
    11,
    11,
  ];
  const b = new SheetBuilder(n);
  const blocks = blocksFor(widths);
  // The annex names the document it goes with (its own setting, else one made from the number and date).
  const attached =
    settings.attachedTo.trim() ||
    `${A.attachedTo} ${settings.documentNumber.replace(/^(Số:?|No\.) /, "")}, ${A.dated} ${shortDate(settings.date, settings.language)}`;
  const top = writeDocumentHeader(b, { ...settings, attachedTo: attached }, labels, "annex", blocks);
  const headerBottom = writeTableHeader(b, top, header, widths);
  const bodyTop = headerBottom + 1;
  let r = bodyTop;
  const boldRows: number[] = [];
  const educationCells = new Map<number, CellContent>();
  sections.forEach((section, s) => {
    const count = section.groups.reduce((k, g) => k + g.people.length, 0);
    b.block(cellRange(r, 2, r, n), text(`${section.title} (${count})`), { font: { bold: true } });
    b.set(r, 1, s === 0 ? "I" : "II");
    boldRows.push(r++);
    if (count === 0) {
      b.block(cellRange(r, 2, r, n), text(A.none), { font: { italic: true } });
      r++;
      return;
    }
    let k = 0;
    for (const g of section.groups) {
      b.block(cellRange(r, 2, r, n), text(g.commune), { font: { bold: true, italic: true } });
      r++;
      for (const p of g.people) b.setRow(r++, personRow(++k, p, educationCells));
    }
  });
  const bodyBottom = r - 1;
  b.style(cellRange(bodyTop, 1, bodyBottom, n), { border: "thin", font: { size: 11 } });
  b.style(cellRange(bodyTop, 1, bodyBottom, 1), { horizontal: "center" });
  b.style(cellRange(bodyTop, 4, bodyBottom, n), { horizontal: "center" });
  for (const row of boldRows) b.style(cellRange(row, 1, row, n), { font: { bold: true }, fill: "#F2F2F2" });
  const last = writeSignature(b, bodyBottom + 1, settings, labels, blocks);
  b.reserve(last);
  return finishSheet(b, {
    reportId: "annex",
    name: labels.sheetNames.annex,
    widths,
    labels,
    table: { headerTop: top, headerBottom, bodyTop, bodyBottom, totalRow: null, left: 1, right: n },
    freezeColumns: 2,
  });
}
