import fc from "fast-check";
import { issue, type Issue } from "../../src/core/issues";
import type { OfficeHolderRecord, VillageRecord } from "../../src/core/model";
import { Hierarchy, NO_DISTRICT } from "../../src/core/rollup/hierarchy";
import { rollup } from "../../src/core/rollup/rollup";
import { unitKey } from "../../src/core/text/normalize";

/** The private steps of the tree, for the plain definitions below. */
interface TreeSteps {
  commune(province: string, district: string | null, commune: string, code: string | null): string;
  findCommune(province: string, commune: string): string | null;
}

const source = { file: "x.xlsx", sheet: "Thôn", columns: new Map<string, number>() };
const villageArb = fc.record({
  province: fc.constantFrom("Lạng Sơn", "Tỉnh Lạng Sơn", "Cao Bằng"),
  district: fc.constantFrom(null, null, "Bình Gia", "Huyện Bình Gia", "Văn Lãng"),
  commune: fc.constantFrom("Yên Lỗ", "Xã Yên Lỗ", "Minh Tân"),
  communeCode: fc.constantFrom(null, "10003", "10005"),
});
/** Runs of equal rows, as sheets have them (rows of one commune follow each other). */
const villagesArb = fc
  .array(fc.tuple(villageArb, fc.integer({ min: 1, max: 3 })), { maxLength: 12 })
  .map((runs) =>
    runs.flatMap(([v, n]) =>
      Array.from(
        { length: n },
        () => ({ ...v, village: "Thôn 1", source, row: 2 }) as unknown as VillageRecord,
      ),
    ),
  );

describe("the unit tree", () => {
  it("gives each village the commune of the plain definition (one lookup per row)", () => {
    fc.assert(
      fc.property(villagesArb, (villages) => {
        const fast = new Hierarchy([]);
        const ids = fast.addVillages(villages);
        // The plain definition: rows with a district first, then the others, each looked up.
        const plainIssues: Issue[] = [];
        const plain = new Hierarchy(plainIssues);
        const steps = plain as unknown as TreeSteps;
        const withDistrict = new Set(
          villages.filter((v) => v.district).map((v) => unitKey("province", v.province)),
        );
        const expected = new Array<string>(villages.length);
        villages.forEach((v, i) => {
          if (v.district) expected[i] = steps.commune(v.province, v.district, v.commune, v.communeCode);
        });
        villages.forEach((v, i) => {
          if (v.district) return;
          expected[i] = withDistrict.has(unitKey("province", v.province))
            ? (steps.findCommune(v.province, v.commune) ??
              steps.commune(v.province, NO_DISTRICT, v.commune, v.communeCode))
            : steps.commune(v.province, null, v.commune, v.communeCode);
        });
        expect(ids).toEqual(expected);
        expect([...fast.nodes.values()]).toEqual([...plain.nodes.values()]);
      }),
      { numRuns: 300 },
    );
  });

  it("reports a province that mixes rows with and without a district as the plain count does", () => {
    // Provinces' rows interleaved and repeated, as combined files give them.
    const interleaved = fc
      .array(fc.tuple(villagesArb, fc.constantFrom("x.xlsx", "y.xlsx")), { maxLength: 4 })
      .map((parts) =>
        parts.flatMap(([villages, file], part) =>
          villages.map(
            (v, i) => ({ ...v, source: { ...source, file }, row: 10 * part + i + 2 }) as VillageRecord,
          ),
        ),
      );
    fc.assert(
      fc.property(interleaved, (villages) => {
        const issues: Issue[] = [];
        new Hierarchy(issues).addVillages(villages);
        // The plain definition: per province key, in order of its first row without a district.
        const expected: Issue[] = [];
        const keyOf = (v: VillageRecord): string => unitKey("province", v.province);
        const seen = new Set<string>();
        for (const v of villages) {
          const pk = keyOf(v);
          if (v.district || seen.has(pk)) continue;
          seen.add(pk);
          const withDistrict = villages.filter((w) => w.district && keyOf(w) === pk).length;
          if (withDistrict === 0) continue;
          const withoutDistrict = villages.filter((w) => !w.district && keyOf(w) === pk).length;
          expected.push(
            issue(
              "mixed-hierarchy",
              { file: v.source.file, sheet: v.source.sheet, cell: `A${v.row}` },
              { province: v.province, withDistrict, withoutDistrict },
            ),
          );
        }
        expect(issues.filter((i) => i.code === "mixed-hierarchy")).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("reports a commune code written under two communes once, as a look-up of every village does", () => {
    const coded = fc
      .array(
        fc.tuple(
          fc.constantFrom("Bình Gia", "Văn Lãng", "Huyện Bình Gia"),
          fc.constantFrom("Yên Lỗ", "Minh Tân", "Xã Yên Lỗ"),
          fc.constantFrom(null, "10003", " 10003", "10005"),
          fc.integer({ min: 1, max: 3 }),
        ),
        { maxLength: 14 },
      )
      .map((runs) =>
        runs.flatMap(([district, commune, communeCode, n], r) =>
          Array.from(
            { length: n },
            (_, i) =>
              ({
                province: "Lạng Sơn",
                district,
                commune,
                communeCode,
                village: `Thôn ${i}`,
                source,
                row: 10 * r + i + 2,
              }) as unknown as VillageRecord,
          ),
        ),
      );
    fc.assert(
      fc.property(coded, (villages) => {
        const result = rollup(
          { villages, officeHolders: [], targets: [], expectedUnits: [], issues: [] },
          { referenceYear: 2025 },
        );
        // The plain definition: every village with a code looked up.
        const tree = new Hierarchy([]);
        const ids = tree.addVillages(villages);
        const expected: Issue[] = [];
        const byCode = new Map<string, string>();
        const reported = new Set<string>();
        villages.forEach((v, i) => {
          if (!v.communeCode) return;
          const code = v.communeCode.trim();
          const first = byCode.get(code);
          if (first === undefined) byCode.set(code, ids[i]);
          else if (first !== ids[i] && !reported.has(code)) {
            reported.add(code);
            const a = tree.nodes.get(first)!;
            const b = tree.nodes.get(ids[i])!;
            expected.push(
              issue(
                "commune-in-two-districts",
                { file: source.file, sheet: source.sheet, cell: `A${v.row}` },
                {
                  commune: `${v.commune} (${code})`,
                  first: a.district ?? a.province,
                  second: b.district ?? b.province,
                },
              ),
            );
          }
        });
        expect(result.issues.filter((i) => i.code === "commune-in-two-districts")).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("gives office-holder rows, row by row, the communes, units and issues of one plain call per row", () => {
    // Spellings of one commune interleaved, units missing from the Villages sheet, rows without a
    // province or district: the kept texts must follow every unit the rows add.
    // A few distinct rows each, repeated in any order: the same names come back after others.
    const holderArb = fc.record({
      province: fc.constantFrom(null, "Lạng Sơn", "Tỉnh Lạng Sơn", "Cao Bằng"),
      district: fc.constantFrom(null, "Bình Gia", "Huyện Bình Gia", "Văn Lãng"),
      commune: fc.constantFrom("Yên Lỗ", "Xã Yên Lỗ", "YÊN LỖ", "Minh Tân", "Quảng Khê"),
    });
    const holdersArb = fc
      .tuple(fc.array(holderArb, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 20 }))
      .map(([distinct, order]) =>
        order.map(
          (n) => ({ ...distinct[n % distinct.length], source, row: 2 }) as unknown as OfficeHolderRecord,
        ),
      );
    fc.assert(
      fc.property(villagesArb, holdersArb, (villages, holders) => {
        const fastIssues: Issue[] = [];
        const fast = new Hierarchy(fastIssues);
        fast.addVillages(villages);
        const fastReported = new Set<string>();
        const communeOf = fast.officeHolderCommunes(holders, fastReported);
        const ids = holders.map((_, i) => communeOf(i));
        const plainIssues: Issue[] = [];
        const plain = new Hierarchy(plainIssues);
        plain.addVillages(villages);
        const plainReported = new Set<string>();
        expect(ids).toEqual(holders.map((h) => plain.communeOfOfficeHolder(h, plainReported)));
        expect([...fast.nodes.values()]).toEqual([...plain.nodes.values()]);
        expect(fastIssues).toEqual(plainIssues);
        expect([...fastReported]).toEqual([...plainReported]);
      }),
      { numRuns: 1000 },
    );
  });

  it("looks a commune text up again once a row has added a unit that changes its answer", () => {
    // Lạng Sơn has no district in the Villages sheet: "Yên Lỗ" under "Bình Gia" is the sheet's Yên
    // Lỗ until a row adds the district Bình Gia (with Minh Tân); from then on it is a commune of
    // that district, missing from the Villages sheet.
    const village = { province: "Lạng Sơn", district: null, commune: "Yên Lỗ", communeCode: null };
    const villages = [{ ...village, village: "Thôn 1", source, row: 2 } as unknown as VillageRecord];
    const holders = ["Yên Lỗ", "Minh Tân", "Yên Lỗ"].map(
      (commune) =>
        ({
          province: "Lạng Sơn",
          district: "Bình Gia",
          commune,
          source,
          row: 2,
        }) as unknown as OfficeHolderRecord,
    );
    const fast = new Hierarchy([]);
    fast.addVillages(villages);
    const communeOf = fast.officeHolderCommunes(holders, new Set());
    const plain = new Hierarchy([]);
    plain.addVillages(villages);
    const reported = new Set<string>();
    const expected = holders.map((h) => plain.communeOfOfficeHolder(h, reported));
    expect(expected[0]).not.toBe(expected[2]);
    expect(holders.map((_, i) => communeOf(i))).toEqual(expected);
  });

  it("gives an office-holder row the same commune twice in a row, changing nothing the second time", () => {
    // The rollup relies on it: a row naming the previous row's units takes the previous commune.
    const holderArb = fc.record({
      province: fc.constantFrom(null, "Lạng Sơn", "Cao Bằng", "Bắc Kạn"),
      district: fc.constantFrom(null, "Bình Gia", "Văn Lãng", "Ba Bể"),
      commune: fc.constantFrom("Yên Lỗ", "Xã Yên Lỗ", "Minh Tân", "Quảng Khê"),
    });
    fc.assert(
      fc.property(villagesArb, fc.array(holderArb, { maxLength: 12 }), (villages, holders) => {
        const issues: Issue[] = [];
        const tree = new Hierarchy(issues);
        tree.addVillages(villages);
        const reported = new Set<string>();
        for (const h of holders) {
          const record = { ...h, source, row: 2 } as unknown as OfficeHolderRecord;
          const first = tree.communeOfOfficeHolder(record, reported);
          const nodes = JSON.stringify([...tree.nodes.values()]);
          const issueCount = issues.length;
          expect(tree.communeOfOfficeHolder(record, reported)).toBe(first);
          expect(JSON.stringify([...tree.nodes.values()])).toBe(nodes);
          expect(issues.length).toBe(issueCount);
        }
      }),
      { numRuns: 300 },
    );
  });
});
