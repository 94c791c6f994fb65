import { generate, SIZES } from "../../bench/generator/generate";
import type { OfficeHolderRecord } from "../../src/core/model";
import { analyse } from "../../src/core/pipeline";
import type { Rollup, VillageStatus } from "../../src/core/rollup/types";
import { nameKey, unitKey } from "../../src/core/text/normalize";
import fc from "fast-check";
import type { PostId } from "../../src/core/schema/posts";
import { leaderGroups, secretaryGroups, type Group } from "../../src/report/layouts/annex";

/**
 * The annex's section I against its plain definition: each consolidated village's secretary row is
 * the last Office-holders row of a cell secretary with the same commune, village and name (as
 * keys), with one key string built per row and no shortcut.
 */
function plainSecretaryGroups(rollup: Rollup, holders: readonly OfficeHolderRecord[]): Group[] {
  const communeKey = (district: string | null, commune: string): string =>
    `${district ? unitKey("district", district) : ""}/${unitKey("commune", commune)}`;
  const byRow = new Map<string, OfficeHolderRecord>();
  for (const h of holders) {
    if (!h.village || !h.posts.includes("cellSecretary")) continue;
    byRow.set(`${communeKey(h.district, h.commune)}|${nameKey(h.village)}|${nameKey(h.fullName)}`, h);
  }
  const groups: Group[] = [];
  for (const unit of rollup.units) {
    if (unit.level !== "commune") continue;
    const list = rollup.villages.filter(
      (v: VillageStatus) => v.communeId === unit.id && v.consolidated === true && !!v.secretaryName,
    );
    if (list.length === 0) continue;
    groups.push({
      commune: unit.name,
      people: list.map((v) => ({
        name: v.secretaryName!,
        what: v.record.village,
        record:
          byRow.get(
            `${communeKey(v.record.district, v.record.commune)}|${nameKey(v.record.village)}|${nameKey(v.secretaryName!)}`,
          ) ?? null,
      })),
    });
  }
  return groups;
}

/**
 * The annex's section II as first written: a key string per row, a set of posts per person, the
 * posts in words made for each person.
 */
function plainLeaderGroups(holders: readonly OfficeHolderRecord[]): Group[] {
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
  const communeKeyOf = (district: string | null, commune: string): string =>
    `${district ? unitKey("district", district) : ""}/${unitKey("commune", commune)}`;
  const people = new Map<
    string,
    { commune: string; communeKey: string; record: OfficeHolderRecord; posts: Set<PostId> }
  >();
  for (const h of holders) {
    if (h.village) continue;
    const posts = h.posts.filter((p) => COMMUNE_POSTS.includes(p));
    if (posts.length === 0) continue;
    const communeKey = communeKeyOf(h.district, h.commune);
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

function analysed(size: "district" | "province") {
  const result = analyse([generate(SIZES[size]).workbook], { referenceYear: 2025 });
  if (!result.ok) throw new Error(result.unusable.en);
  return result.analysis;
}

/** A small deterministic shuffle (rows of a village no longer follow one another). */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe("annex section I (secretaries) equals its plain definition", () => {
  for (const size of ["district", "province"] as const) {
    test(`generated ${size} data, as read`, () => {
      const a = analysed(size);
      const holders = a.read.dataset.officeHolders;
      const groups = secretaryGroups(a.rollup, holders);
      expect(groups).toEqual(plainSecretaryGroups(a.rollup, holders));
      expect(groups.some((g) => g.people.some((p) => p.record !== null))).toBe(true);
    });
  }

  test("rows out of order, names and places spelled differently, a person on two rows", () => {
    const a = analysed("district");
    const base = a.read.dataset.officeHolders;
    // Upper-cased and double-spaced spellings of the same names and places (same keys), second rows
    // for the same secretaries later in the sheet (the last wins), and the order shuffled.
    const respelled = base
      .filter((_, i) => i % 3 === 0)
      .map((h, i) => ({
        ...h,
        fullName: i % 2 ? h.fullName.toUpperCase() : h.fullName.replace(" ", "  "),
        village: h.village && i % 4 === 0 ? h.village.toUpperCase() : h.village,
        birthYear: 1900 + i,
      }));
    const holders = shuffled([...base, ...respelled], 7);
    const groups = secretaryGroups(a.rollup, holders);
    expect(groups).toEqual(plainSecretaryGroups(a.rollup, holders));
    const found = groups.flatMap((g) => g.people).filter((p) => p.record !== null);
    expect(
      found.some(
        (p) => p.record!.birthYear !== null && p.record!.birthYear < 2000 && p.record!.fullName !== p.name,
      ),
    ).toBe(true);
  });

  test("two secretaries at one place: villages written alike as keys, each with its own secretary", () => {
    const a = analysed("district");
    const base = a.read.dataset.officeHolders;
    const consolidated = a.rollup.villages.filter((v) => v.consolidated === true && v.secretaryName);
    // For every third consolidated village, a second village at the same place (its name upper-cased
    // or double-spaced: the same key) with another secretary, named on a row of its own.
    const extra: VillageStatus[] = [];
    const extraOf = new Map<VillageStatus, VillageStatus>();
    const extraRows: OfficeHolderRecord[] = [];
    consolidated.forEach((v, i) => {
      if (i % 3 !== 0) return;
      const village = i % 2 ? v.record.village.toUpperCase() : v.record.village.replace(" ", "  ");
      const secretaryName = i % 4 ? `Lò Văn ${i}` : v.secretaryName!.toUpperCase();
      const second = { ...v, record: { ...v.record, village }, secretaryName };
      extra.push(second);
      extraOf.set(v, second);
      const row = base.find((h) => h.village === v.record.village && h.posts.includes("cellSecretary"));
      if (row)
        extraRows.push({
          ...row,
          fullName: secretaryName,
          village: i % 5 ? village : v.record.village,
          birthYear: 1900 + i,
        });
    });
    // The second villages right after the first (a commune's villages together) or at the end.
    const after = a.rollup.villages.flatMap((v) => (extraOf.has(v) ? [v, extraOf.get(v)!] : [v]));
    const holders = shuffled([...base, ...extraRows], 11);
    for (const villages of [after, [...a.rollup.villages, ...extra]]) {
      const rollup = { ...a.rollup, villages };
      const groups = secretaryGroups(rollup, holders);
      expect(groups).toEqual(plainSecretaryGroups(rollup, holders));
      const found = groups
        .flatMap((g) => g.people)
        .filter((p) => p.record !== null && p.record.birthYear! < 2000);
      expect(found.length).toBeGreaterThan(5);
    }
    expect(extra.length).toBeGreaterThan(10);
  });
});

describe("annex section II (commune leaders) equals its plain definition", () => {
  for (const size of ["district", "province"] as const) {
    test(`generated ${size} data, as read`, () => {
      const holders = analysed(size).read.dataset.officeHolders;
      const groups = leaderGroups(holders);
      expect(groups).toEqual(plainLeaderGroups(holders));
      expect(groups.length).toBeGreaterThan(0);
    });
  }

  test("any posts, persons with and without an ID, names and places written several ways", () => {
    const posts: PostId[] = [
      "communeSecretary",
      "communeDeputySecretary",
      "peoplesCommitteeChair",
      "peoplesCouncilChair",
      "cellSecretary",
      "villageHead",
      "frontHead",
    ];
    const holder = fc.record({
      fullName: fc.constantFrom("Hoàng Văn An", "hoàng  văn an", "HOÀNG VĂN AN", "Vi Thị Cúc", "id:12", ""),
      posts: fc.subarray(posts),
      district: fc.constantFrom(null, "Bình Gia", "Huyện Bình Gia", "bình gia"),
      commune: fc.constantFrom("Yên Lỗ", "Xã Yên Lỗ", "yên lỗ", "Minh Tân"),
      village: fc.constantFrom(null, null, null, "Thôn 1"),
      personId: fc.constantFrom(null, null, "12", "007", "ID:12"),
      birthYear: fc.integer({ min: 1950, max: 2000 }),
    });
    fc.assert(
      fc.property(fc.array(holder, { maxLength: 40 }), (rows) => {
        const holders = rows as unknown as OfficeHolderRecord[];
        expect(leaderGroups(holders)).toEqual(plainLeaderGroups(holders));
      }),
      { numRuns: 500 },
    );
  });
});
