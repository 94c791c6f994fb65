import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { isBlank } from "../src/core/cells";
import type { IndicatorId } from "../src/core/indicators";
import type { WorkbookGrids } from "../src/core/grid";
import { analyse, type Analysis } from "../src/core/pipeline";
import type { UnitLevel, UnitRollup } from "../src/core/rollup/types";
import { nameKey, unitKey } from "../src/core/text/normalize";
import { readXlsxFile } from "../src/xlsx/readXlsx";
import { generateSamples, SAMPLES } from "../scripts/generate-samples";

/**
 * The samples reproduce the published figures of the seed articles (docs/samples.md), and the
 * committed files are exactly what the generator writes (nobody edits them by hand).
 */

const SAMPLES_DIR = path.join(__dirname, "..", "samples");
let fresh: string;
const grids = new Map<string, WorkbookGrids>();
const analyses = new Map<string, Analysis>();

beforeAll(async () => {
  fresh = await fs.mkdtemp(path.join(os.tmpdir(), "nth-samples-"));
  await generateSamples(fresh);
  for (const { file } of SAMPLES) {
    const workbook = await readXlsxFile(path.join(fresh, file));
    grids.set(file, workbook);
    const result = analyse([workbook], { referenceYear: 2025 });
    if (!result.ok) throw new Error(`${file}: ${result.unusable.en}`);
    analyses.set(file, result.analysis);
  }
});
afterAll(async () => {
  await fs.rm(fresh, { recursive: true, force: true });
});

function unit(analysis: Analysis, level: UnitLevel, name: string, parent?: UnitRollup): UnitRollup {
  const found = analysis.rollup.units.filter(
    (u) =>
      u.level === level &&
      unitKey(level, u.name) === unitKey(level, name) &&
      (!parent || u.parentId === parent.id),
  );
  expect(found).toHaveLength(1);
  return found[0];
}

const ratio = (u: UnitRollup, id: IndicatorId): [number, number] => [
  u.indicators[id].numerator,
  u.indicators[id].denominator,
];

describe("committed samples", () => {
  it.each(SAMPLES.map((s) => s.file))(
    "%s equals a fresh run of scripts/generate-samples.ts, cell by cell",
    async (file) => {
      const committed = await readXlsxFile(path.join(SAMPLES_DIR, file));
      expect(committed.sheets).toEqual(grids.get(file)!.sheets);
    },
  );

  it("generation is deterministic: two runs write the same bytes", async () => {
    const again = await fs.mkdtemp(path.join(os.tmpdir(), "nth-samples-again-"));
    try {
      await generateSamples(again);
      for (const { file } of SAMPLES) {
        expect(
          (await fs.readFile(path.join(again, file))).equals(await fs.readFile(path.join(fresh, file))),
        ).toBe(true);
      }
    } finally {
      await fs.rm(again, { recursive: true, force: true });
    }
  });

  it.each(SAMPLES.map((s) => s.file))("%s reads without a single issue", (file) => {
    expect(analyses.get(file)!.issues).toEqual([]);
  });

  it.each(SAMPLES.map((s) => s.file))("%s has its standard sheets under title rows", (file) => {
    const sheets = analyses.get(file)!.read.sheets;
    // The previous period of lang-son.xlsx (issue 15) is a Villages sheet only.
    const kinds = file === "binh-gia-2020.xlsx" ? ["villages"] : ["officeHolders", "targets", "villages"];
    expect(sheets.map((s) => s.kind).sort()).toEqual(kinds);
    for (const s of sheets) expect(s.headerRow).toBeGreaterThan(1);
  });
});

describe("lang-son.xlsx: Bình Gia (seed 000)", () => {
  const a = (): Analysis => analyses.get("lang-son.xlsx")!;

  it("has 143 villages, 68 consolidated, rate 68/143 (printed 47,5%)", () => {
    const binhGia = unit(a(), "district", "Bình Gia");
    expect(binhGia.villages).toBe(143);
    expect(binhGia.consolidated).toBe(68);
    expect(binhGia.indicators.village_secretary_head.rate).toBe(68 / 143);
    expect(binhGia.childIds).toHaveLength(19);
  });

  it("needs 61 more villages for its target of above 90%", () => {
    const assessment = unit(a(), "district", "Bình Gia").assessments.village_secretary_head!;
    expect(assessment.comparator).toBe(">");
    expect(assessment.target).toBe(0.9);
    expect(assessment.needed).toBe(61);
    expect(assessment.met).toBe(false);
  });

  it("Yên Lỗ: 3 of 9, namely Pò Mầm, Khuổi Chặng and Khuổi Mè", () => {
    const yenLo = unit(a(), "commune", "Yên Lỗ");
    expect([yenLo.consolidated, yenLo.villages]).toEqual([3, 9]);
    const names = a()
      .rollup.villages.filter((v) => v.communeId === yenLo.id && v.consolidated === true)
      .map((v) => v.record.village)
      .sort();
    expect(names).toEqual(["Khuổi Chặng", "Khuổi Mè", "Pò Mầm"]);
  });

  it("Tân Văn, Hồng Phong and Vĩnh Yên are about 30%, and Suối Cáp is consolidated", () => {
    const expected: [string, number, number][] = [
      ["Tân Văn", 4, 12],
      ["Hồng Phong", 3, 10],
      ["Vĩnh Yên", 2, 7],
    ];
    for (const [name, yes, total] of expected) {
      const u = unit(a(), "commune", name);
      expect([u.consolidated, u.villages]).toEqual([yes, total]);
      expect(Math.abs(yes / total - 0.3)).toBeLessThan(0.05);
    }
    const tanVan = unit(a(), "commune", "Tân Văn");
    const suoiCap = a().rollup.villages.find(
      (v) => v.communeId === tanVan.id && nameKey(v.record.village) === nameKey("Suối Cáp"),
    );
    expect(suoiCap?.consolidated).toBe(true);
  });

  it("every village has a definite status, recorded by flag for some and by names for others", () => {
    const binhGia = unit(a(), "district", "Bình Gia");
    const communes = new Set(binhGia.childIds);
    const statuses = a().rollup.villages.filter((v) => communes.has(v.communeId));
    expect(statuses).toHaveLength(143);
    expect(statuses.filter((v) => v.consolidated === null)).toEqual([]);
    expect(new Set(statuses.map((v) => v.basis))).toEqual(new Set(["flag", "names"]));
  });

  it("communes have the default target of at least 90%", () => {
    const yenLo = unit(a(), "commune", "Yên Lỗ").assessments.village_secretary_head!;
    expect([yenLo.comparator, yenLo.target, yenLo.needed]).toEqual([">=", 0.9, 6]);
  });
});

describe("lang-son.xlsx: Lộc Bình (seed 003)", () => {
  const a = (): Analysis => analyses.get("lang-son.xlsx")!;

  it("21 communes: 10 secretary = PC chair, 11 secretary = council chair, 10 deputy = council chair", () => {
    const locBinh = unit(a(), "district", "Lộc Bình");
    expect(locBinh.childIds).toHaveLength(21);
    expect(ratio(locBinh, "commune_secretary_committee_chair")).toEqual([10, 21]);
    expect(ratio(locBinh, "commune_secretary_council_chair")).toEqual([11, 21]);
    expect(ratio(locBinh, "commune_deputy_council_chair")).toEqual([10, 21]);
  });

  it("is above the province's target for secretary = PC chair", () => {
    const assessment = unit(a(), "district", "Lộc Bình").assessments.commune_secretary_committee_chair!;
    expect(assessment.met).toBe(true);
    expect(assessment.gap).toBeLessThan(0);
  });
});

describe("lang-son.xlsx: Lạng Sơn city (seed 001)", () => {
  const a = (): Analysis => analyses.get("lang-son.xlsx")!;

  it("8 communes and wards, 87 village and khối phố cells", () => {
    const city = unit(a(), "district", "Thành phố Lạng Sơn");
    expect(city.childIds).toHaveLength(8);
    expect(ratio(city, "villages_own_cell")).toEqual([87, 87]);
  });

  it("secretaries: over 80% with 12/12, nearly 60% with theory sơ cấp or higher, 100% trained", () => {
    const city = unit(a(), "district", "Thành phố Lạng Sơn");
    expect(ratio(city, "secretary_education_12")).toEqual([71, 87]);
    expect(71 / 87).toBeGreaterThan(0.8);
    expect(ratio(city, "secretary_theory")).toEqual([52, 87]);
    expect(52 / 87).toBeGreaterThan(0.55);
    expect(52 / 87).toBeLessThan(0.6);
    expect(ratio(city, "secretary_trained")).toEqual([87, 87]);
  });

  it("takes the villages' status from the Office-holders sheet", () => {
    const city = unit(a(), "district", "Thành phố Lạng Sơn");
    const communes = new Set(city.childIds);
    const bases = a()
      .rollup.villages.filter((v) => communes.has(v.communeId))
      .map((v) => v.basis);
    expect(new Set(bases)).toEqual(new Set(["officeHolders"]));
    expect(city.consolidated).toBe(64);
  });
});

describe("thanh-hoa-quan-son.xlsx (seed 002)", () => {
  const a = (): Analysis => analyses.get("thanh-hoa-quan-son.xlsx")!;

  it("11 communes and 1 town, 94 of 94 bản and khu phố consolidated", () => {
    const quanSon = unit(a(), "district", "Quan Sơn");
    expect(quanSon.childIds).toHaveLength(12);
    expect(
      quanSon.childIds.filter((id) => /thị trấn/i.test(a().rollup.units.find((u) => u.id === id)!.name)),
    ).toHaveLength(1);
    expect([quanSon.consolidated, quanSon.villages]).toEqual([94, 94]);
    expect(new Set(a().rollup.villages.map((v) => v.basis))).toEqual(
      new Set(["flag", "names", "officeHolders"]),
    );
  });

  it("64 secretaries with 12/12, 16 with trung cấp, 7 with a university degree", () => {
    const quanSon = unit(a(), "district", "Quan Sơn");
    expect(ratio(quanSon, "secretary_education_12")).toEqual([64, 94]);
    expect(ratio(quanSon, "secretary_university")).toEqual([7, 94]);
    // "trung cấp or higher" counts the 16 trung cấp and the 7 university graduates.
    expect(ratio(quanSon, "secretary_professional")).toEqual([23, 94]);
    const secretaries = a().read.dataset.officeHolders.filter((h) => h.posts.includes("cellSecretary"));
    expect(secretaries).toHaveLength(94);
    expect(secretaries.filter((h) => h.professional === "trung-cap")).toHaveLength(16);
  });

  it("secretaries aged 30 to over 55 in 2021", () => {
    const ages = a()
      .read.dataset.officeHolders.filter((h) => h.posts.includes("cellSecretary"))
      .map((h) => 2021 - h.birthYear!);
    expect(Math.min(...ages)).toBe(30);
    expect(Math.max(...ages)).toBeGreaterThan(55);
  });

  it("mostly Thái and Mường", () => {
    const secretaries = a().read.dataset.officeHolders.filter((h) => h.posts.includes("cellSecretary"));
    const thaiMuong = secretaries.filter((h) => h.ethnicity === "Thái" || h.ethnicity === "Mường");
    expect(thaiMuong.length / secretaries.length).toBeGreaterThan(0.6);
  });

  it("meets its 100% target", () => {
    const assessment = unit(a(), "district", "Quan Sơn").assessments.village_secretary_head!;
    expect([assessment.met, assessment.needed]).toEqual([true, 0]);
  });
});

describe("lao-cai-two-tier.xlsx (seed 004)", () => {
  const a = (): Analysis => analyses.get("lao-cai-two-tier.xlsx")!;

  it("is two-tier: communes straight under the province, the District column empty", () => {
    expect(a().rollup.twoTier).toBe(true);
    expect(a().rollup.units.filter((u) => u.level === "district")).toEqual([]);
    const villages = a().read.sheets.find((s) => s.kind === "villages")!;
    const grid = grids.get("lao-cai-two-tier.xlsx")!.sheets.find((s) => s.name === villages.sheet)!;
    const header = grid.rows[villages.headerRow - (grid.firstRow ?? 1)];
    const column = header.indexOf("Huyện");
    expect(column).toBeGreaterThanOrEqual(0);
    const below = grid.rows.slice(villages.headerRow - (grid.firstRow ?? 1) + 1);
    expect(below.length).toBeGreaterThan(30);
    expect(below.every((row) => isBlank(row[column] ?? null))).toBe(true);
  });

  it("Xuân Hòa has 30 village party cells; Xóm Thượng's has 6 members", () => {
    const xuanHoa = unit(a(), "commune", "Xuân Hòa");
    expect(xuanHoa.parentId).toBe(unit(a(), "province", "Lào Cai").id);
    expect(ratio(xuanHoa, "villages_own_cell")[0]).toBe(30);
    const villages = a().rollup.villages.filter((v) => v.communeId === xuanHoa.id);
    const xomThuong = villages.find((v) => v.record.village === "Xóm Thượng")!;
    expect([xomThuong.record.hasOwnCell, xomThuong.record.partyMembers]).toEqual([true, 6]);
  });

  it("cells have at least 3 members, a couple exactly 3; villages without a cell have 0 to 2", () => {
    const records = a().read.dataset.villages;
    const cells = records.filter((v) => v.hasOwnCell === true);
    expect(cells.every((v) => v.partyMembers !== null && v.partyMembers >= 3)).toBe(true);
    const xuanHoaThrees = cells.filter((v) => v.commune === "Xuân Hòa" && v.partyMembers === 3);
    expect(xuanHoaThrees).toHaveLength(2);
    const without = records.filter((v) => v.hasOwnCell === false);
    expect(without.length).toBeGreaterThanOrEqual(2);
    expect(without.every((v) => v.partyMembers !== null && v.partyMembers <= 2)).toBe(true);
    expect(ratio(unit(a(), "province", "Lào Cai"), "small_cells")[0]).toBe(0);
  });
});
