import { generate, SIZES } from "../../bench/generator/generate";
import type { OfficeHolderRecord } from "../../src/core/model";
import { analyse } from "../../src/core/pipeline";
import type { Rollup, VillageStatus } from "../../src/core/rollup/types";
import { nameKey, unitKey } from "../../src/core/text/normalize";
import { secretaryGroups, type Group } from "../../src/report/layouts/annex";

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
});
