import type { OfficeHolderRecord } from "../../core/model";
import type { Rollup, VillageStatus } from "../../core/rollup/types";
import type { PostId } from "../../core/schema/posts";
import { keyEachOnce, nameKey, unitKey } from "../../core/text/normalize";
import { cellRange, text, type CellContent, type SheetDescription } from "../description";
import { blocksFor, finishSheet, writeDocumentHeader, writeSignature, writeTableHeader } from "../frame";
import { labelsFor, villageWordsOf } from "../labels";
import { shortDate, type ReportSettings } from "../settings";
import { SheetBuilder } from "../sheetBuilder";
import { widthForLongest } from "./widths";

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
 * only when a differently written name must be compared with it) and the row found. The secretaries
 * wanted at one place are a chain (`next`): one, almost always.
 */
interface Wanted {
  readonly name: string;
  key: string | null;
  record: OfficeHolderRecord | null;
  next: Wanted | null;
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
 * at country size name a few thousand communes. The last pair asked is answered without a lookup
 * (rows of a commune follow one another; in a file read through its shared strings they are even
 * the same string objects).
 */
function communeKeys(): (district: string | null, commune: string) => string {
  const keys = new Map<string | null, Map<string, string>>();
  let lastDistrict: string | null = null;
  let lastCommune: string | null = null;
  let lastKey = "";
  return (district, commune) => {
    if (commune === lastCommune && district === lastDistrict) return lastKey;
    let inDistrict = keys.get(district);
    if (!inDistrict) keys.set(district, (inDistrict = new Map()));
    let key = inDistrict.get(commune);
    if (key === undefined) inDistrict.set(commune, (key = communeKeyOf(district, commune)));
    lastDistrict = district;
    lastCommune = commune;
    lastKey = key;
    return key;
  };
}

/**
 * The places of one commune where secretaries are wanted (each the first of its chain of secretaries):
 * by village key, and the same places by the village texts already met (a text always has the
 * place of its key; null: no place).
 */
interface CommunePlaces {
  readonly byKey: Map<string, Wanted>;
  readonly byText: Map<string, Wanted | null>;
}

/** The secretary of a place with this name as written, else with the same key (they are distinct as keys). */
function slotNamed(place: Wanted, name: string): Wanted | null {
  for (let w: Wanted | null = place; w !== null; w = w.next) if (w.name === name) return w;
  const key = nameKey(name);
  for (let w: Wanted | null = place; w !== null; w = w.next) if (keyOf(w) === key) return w;
  return null;
}

/**
 * Section I: consolidated villages' secretaries, by commune in tree order. Each village's
 * secretary row is the last Office-holders row of the cell secretary with the same commune,
 * village and name (as keys). Only the names wanted are kept, and the rows of a village, which
 * usually follow one another, look their place up once; a village written as a village of the
 * Villages sheet is found by its text, without its key. Exported for its test against the plain
 * definition (`test/report/annexSecretaries.test.ts`).
 */
export function secretaryGroups(rollup: Rollup, holders: readonly OfficeHolderRecord[]): Group[] {
  const communeKey = communeKeys();
  const villageKey = keyEachOnce(nameKey);
  // The consolidated villages with a secretary, by commune id (villages of a commune follow one
  // another), each with its slot below.
  const byCommune = new Map<string, { villages: VillageStatus[]; slots: Wanted[] }>();
  const wanted = new Map<string, CommunePlaces>();
  const villages = rollup.villages;
  let lastId: string | undefined;
  let ofCommune: { villages: VillageStatus[]; slots: Wanted[] } | undefined;
  let lastKey: string | undefined;
  let places: CommunePlaces | undefined;
  for (let i = 0; i < villages.length; i++) {
    const v = villages[i];
    const name = v.secretaryName;
    if (v.consolidated !== true || !name) continue;
    if (v.communeId !== lastId) {
      lastId = v.communeId;
      ofCommune = byCommune.get(lastId);
      if (!ofCommune) byCommune.set(lastId, (ofCommune = { villages: [], slots: [] }));
    }
    // The secretaries wanted, by commune key and village key: a few names at each place, distinct
    // as keys (a name written as another needs no key), each with the row found (null until one is).
    const record = v.record;
    const c = communeKey(record.district, record.commune);
    if (c !== lastKey) {
      lastKey = c;
      places = wanted.get(c);
      if (!places) wanted.set(c, (places = { byKey: new Map(), byText: new Map() }));
    }
    let place = places!.byText.get(record.village);
    let slot: Wanted | null = null;
    if (!place) {
      const vk = villageKey(record.village);
      place = places!.byKey.get(vk);
      if (!place) places!.byKey.set(vk, (place = slot = { name, key: null, record: null, next: null }));
      places!.byText.set(record.village, place);
    }
    if (!slot) {
      slot = slotNamed(place, name);
      if (!slot) {
        // A second secretary at one place (rare): after the last of the chain.
        let last = place;
        while (last.next !== null) last = last.next;
        last.next = slot = { name, key: null, record: null, next: null };
      }
    }
    ofCommune!.villages.push(v);
    ofCommune!.slots.push(slot);
  }
  // The last row of a person wins, as before. A name written as the village writes it needs no key.
  let lastDistrict: string | null | undefined;
  let lastCommune: string | undefined;
  let lastVillage: string | undefined;
  let place: Wanted | null | undefined;
  for (let i = 0; i < holders.length; i++) {
    const h = holders[i];
    const village = h.village;
    if (!village || !h.posts.includes("cellSecretary")) continue;
    if (village !== lastVillage || h.commune !== lastCommune || h.district !== lastDistrict) {
      lastVillage = village;
      lastCommune = h.commune;
      lastDistrict = h.district;
      const at = wanted.get(communeKey(h.district, h.commune));
      place = at?.byText.get(village);
      if (at && place === undefined) {
        place = at.byKey.get(villageKey(village)) ?? null;
        at.byText.set(village, place);
      }
    }
    if (!place) continue;
    const slot = slotNamed(place, h.fullName);
    if (slot) slot.record = h;
  }
  const groups: Group[] = [];
  const units = rollup.units;
  for (let u = 0; u < units.length; u++) {
    const unit = units[u];
    if (unit.level !== "commune") continue;
    const found = byCommune.get(unit.id);
    if (!found) continue;
    const people: Person[] = new Array<Person>(found.villages.length);
    for (let i = 0; i < people.length; i++) {
      const v = found.villages[i];
      people[i] = { name: v.secretaryName!, what: v.record.village, record: found.slots[i].record };
    }
    groups.push({ commune: unit.name, people });
  }
  return groups;
}

/** The bits of COMMUNE_POSTS among a holder's posts (bit i: COMMUNE_POSTS[i]; 0: none of them). */
function communePostBits(posts: readonly PostId[]): number {
  let bits = 0;
  for (let i = 0; i < posts.length; i++) {
    const k = COMMUNE_POSTS.indexOf(posts[i]);
    if (k >= 0) bits |= 1 << k;
  }
  return bits;
}

/** What a leader holds, in words ("Bí thư Đảng ủy kiêm chủ tịch UBND"), from the bits of the posts. */
function leaderPostsText(bits: number): string {
  const posts = COMMUNE_POSTS.filter((_, i) => bits & (1 << i)).map((id) => POST_VI[id]);
  return posts.map((x, i) => (i === 0 ? x : x.charAt(0).toLowerCase() + x.slice(1))).join(" kiêm ");
}

/**
 * Section II: commune leaders with two or more of the key posts, by commune in data order. Exported
 * for its test against the plain definition (`test/report/annexSecretaries.test.ts`).
 */
export function leaderGroups(holders: readonly OfficeHolderRecord[]): Group[] {
  const people = new Map<
    string,
    { commune: string; communeKey: string; record: OfficeHolderRecord; posts: number }
  >();
  const communeKeyOfHolder = communeKeys();
  for (let i = 0; i < holders.length; i++) {
    const h = holders[i];
    if (h.village) continue;
    const posts = communePostBits(h.posts);
    if (posts === 0) continue;
    const communeKey = communeKeyOfHolder(h.district, h.commune);
    const key = `${communeKey}|${h.personId ? `id:${h.personId}` : nameKey(h.fullName)}`;
    const person = people.get(key);
    if (person) person.posts |= posts;
    else people.set(key, { commune: h.commune, communeKey, record: h, posts });
  }
  const groups = new Map<string, Group>();
  // The words of each set of posts, made once (four posts: at most eleven sets of two or more).
  const whatOf = new Map<number, string>();
  for (const p of people.values()) {
    // Two or more posts: not a power of two.
    if ((p.posts & (p.posts - 1)) === 0) continue;
    let group = groups.get(p.communeKey);
    if (!group) groups.set(p.communeKey, (group = { commune: p.commune, people: [] }));
    let what = whatOf.get(p.posts);
    if (what === undefined) whatOf.set(p.posts, (what = leaderPostsText(p.posts)));
    group.people.push({ name: p.record.fullName, what, record: p.record });
  }
  return [...groups.values()];
}

/**
 * The rows of a section's groups from row `r`: a bold italic commune row (merged), then one
 * numbered row per person. Returns the next row. Its own function: a country's 75,000 rows make it
 * hot, and it is optimised alone.
 */
function writePeople(
  b: SheetBuilder,
  r: number,
  groups: readonly Group[],
  n: number,
  educationCells: Map<number, CellContent>,
): number {
  const communeStyle = { font: { bold: true, italic: true } };
  let k = 0;
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi];
    b.block(cellRange(r, 2, r, n), text(g.commune), communeStyle);
    r++;
    const people = g.people;
    for (let i = 0; i < people.length; i++) b.addRow(r++, personRow(++k, people[i], educationCells));
  }
  return r;
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
  // The longest name and the longest "what", for the widths (one pass, no list of 75,000 texts).
  let longestName = 0;
  let longestWhat = 0;
  for (const section of sections)
    for (const g of section.groups)
      for (let i = 0; i < g.people.length; i++) {
        const p = g.people[i];
        if (p.name.length > longestName) longestName = p.name.length;
        if (p.what.length > longestWhat) longestWhat = p.what.length;
      }
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
    widthForLongest(longestName, 20, 26),
    widthForLongest(longestWhat, 18, 34),
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
  for (let s = 0; s < sections.length; s++) {
    const section = sections[s];
    let count = 0;
    for (const g of section.groups) count += g.people.length;
    b.block(cellRange(r, 2, r, n), text(`${section.title} (${count})`), { font: { bold: true } });
    b.set(r, 1, s === 0 ? "I" : "II");
    boldRows.push(r++);
    if (count === 0) {
      b.block(cellRange(r, 2, r, n), text(A.none), { font: { italic: true } });
      r++;
      continue;
    }
    r = writePeople(b, r, section.groups, n, educationCells);
  }
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
