import { generate, SIZES } from "../../bench/generator/generate";
import { readWorkbooks } from "../../src/core/read/readWorkbook";
import { OFFICE_HOLDERS, VILLAGES } from "../../src/core/schema/sheets";

/** The benchmark's synthetic data: deterministic, at the scale issue 6 asks for, and readable. */
describe("synthetic data generator", () => {
  it("gives the same grids for the same seed, different ones for another", () => {
    expect(generate(SIZES.district)).toEqual(generate(SIZES.district));
    expect(generate({ ...SIZES.district, seed: 99 })).not.toEqual(generate(SIZES.district));
  });

  it("makes a country: 34 provinces, 3,321 communes, 100,000 villages, about 300,000 office-holders", () => {
    const { counts, workbook } = generate(SIZES.country);
    expect(counts).toMatchObject({ provinces: 34, districts: 0, communes: 3321, villageRows: 100_000 });
    expect(counts.officeHolderRows).toBeGreaterThan(270_000);
    expect(counts.officeHolderRows).toBeLessThan(330_000);
    const read = readWorkbooks([workbook]);
    expect(read.unusable).toBeNull();
    expect(read.sheets.map((s) => s.kind)).toEqual(["villages", "officeHolders", "targets"]);
    // A few rows carry deliberate errors (duplicates, missing names); nearly all are villages.
    expect(read.dataset.villages.length).toBeGreaterThan(99_800);
  }, 60_000);

  it("writes three-tier data with districts, and canonical Vietnamese headers", () => {
    const { counts, workbook } = generate({ ...SIZES.countryThreeTier, villages: 5000, communes: 300 });
    expect(counts.districts).toBeGreaterThan(34);
    const villageHeader = workbook.sheets[0].rows[3];
    expect(villageHeader).toContain(VILLAGES.columns.find((c) => c.key === "district")!.vi);
    const holderHeader = workbook.sheets[1].rows[2];
    for (const column of OFFICE_HOLDERS.columns) expect(holderHeader).toContain(column.vi);
    const read = readWorkbooks([workbook]);
    expect(read.dataset.villages.every((v) => v.district !== null)).toBe(true);
  });
});
