import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "../../src/cli/args";
import { runRequest } from "../../src/cli/commands";
import type { SheetDescription } from "../../src/report/description";
import { summaryReport } from "../../src/report/layouts/summary";
import { reportXlsxBytes } from "../../src/xlsx/writeReport";
import { roll, settingsFor, synthetic, VILLAGE_HEADER, villageRows } from "./fixtures";
import { contentLines, missingRenderer, pagesBySheet, render, ROOT, type Rendered } from "./render";

/**
 * End to end, on every bundled sample: `nth-rollup report … --out report.xlsx`, then the project's
 * own scripts/xlsx-check.sh renders it with LibreOffice (every formula recalculated) into a PDF,
 * pages and CSVs. Each workbook is rendered once (beforeAll) and every assertion reads those outputs:
 *  - the recalculated figures of the Lạng Sơn report equal the JSON summary;
 *  - the header, the place line and the recipients are right for Quan Sơn, Quản Bạ, Phương Sơn,
 *    Xà Phìn and Thị trấn Phố Bảng (kind words only when written as one);
 *  - on every printed page of every report: the signature block (its heading, the signer's title
 *    and name) is never split and stands on the page of the total row; "Nơi nhận" is never alone
 *    on a page; no page holds only a repeated table header.
 * Never skipped: without LibreOffice and poppler the suite fails and says how to install them.
 */

const SIGNER = "Nguyễn Trung Kiên";
const PREPARER = "Nguyễn Văn A";
const work = fs.mkdtempSync(path.join(os.tmpdir(), "nth-rendered-"));
const rendered = new Map<string, Rendered>();
const json = new Map<string, Summary>();

interface UnitJson {
  level: string;
  name: string;
  district: string | null;
  villages: number;
  consolidated: number;
  rate: number | null;
  indicators: Record<string, { numerator: number; denominator: number; rate: number | null }>;
}
interface Summary {
  units: UnitJson[];
  total: UnitJson;
  issues: unknown[];
}

async function cliReport(
  name: string,
  inputs: readonly string[],
  extra: readonly string[] = [],
): Promise<void> {
  const out = path.join(work, `${name}.xlsx`);
  const jsonFile = path.join(work, `${name}.json`);
  const errors: string[] = [];
  const code = await runRequest(
    parseArgs([
      "report",
      ...inputs,
      "--out",
      out,
      "--json",
      jsonFile,
      "--signer",
      SIGNER,
      "--preparer",
      PREPARER,
      ...extra,
    ]),
    {
      stdout: () => undefined,
      stderr: (t) => errors.push(t),
      now: () => new Date(2026, 10, 29),
      version: "test",
    },
  );
  if (code !== 0) throw new Error(`${name}: exit ${code}: ${errors.join("")}`);
  json.set(name, JSON.parse(fs.readFileSync(jsonFile, "utf8")) as Summary);
  rendered.set(name, render(out, path.join(work, name)));
}

/** Summaries of units whose names begin with a syllable that folds to a kind word, in one workbook. */
async function namesWorkbook(): Promise<void> {
  const district = (province: string, name: string) =>
    roll({
      file: "",
      sheets: [
        {
          name: "Thôn",
          rows: [
            VILLAGE_HEADER,
            ...villageRows(province, name, [
              { name: "Quyết Tiến", villages: 4, consolidated: 2 },
              { name: "Thị trấn Tam Sơn", villages: 3, consolidated: 3 },
            ]),
          ],
        },
      ],
    });
  const commune = (province: string, districtName: string, name: string) =>
    roll({
      file: "",
      sheets: [
        {
          name: "Thôn",
          rows: [
            VILLAGE_HEADER,
            ...villageRows(province, districtName, [{ name, villages: 5, consolidated: 2 }]),
          ],
        },
      ],
    });
  const units = [
    ["QB", district("Hà Giang", "Quản Bạ")],
    ["PS", commune("Bắc Giang", "Lục Nam", "Phương Sơn")],
    ["XP", commune("Hà Giang", "Đồng Văn", "Xà Phìn")],
    ["PB", commune("Hà Giang", "Đồng Văn", "Thị trấn Phố Bảng")],
  ] as const;
  const sheets: SheetDescription[] = units.map(([tag, f]) => {
    const d = summaryReport(f.rollup, settingsFor(f.rollup, { signerName: SIGNER, preparerName: PREPARER }));
    return { ...d, name: `${d.name} ${tag}` };
  });
  const file = path.join(work, "names.xlsx");
  fs.writeFileSync(file, await reportXlsxBytes(sheets));
  rendered.set("names", render(file, path.join(work, "names")));
}

/**
 * Summaries whose natural page end falls in the signature block: without the manual break, LibreOffice
 * prints "Nơi nhận" alone (43–44 communes) or the signer's name apart from the heading (45–48).
 */
async function boundaryWorkbook(): Promise<void> {
  const sheets: SheetDescription[] = [];
  for (let communes = 42; communes <= 48; communes++) {
    const f = synthetic(communes * 30);
    const d = summaryReport(f.rollup, settingsFor(f.rollup, { signerName: SIGNER, preparerName: PREPARER }));
    sheets.push({ ...d, name: `Tổng hợp ${communes}` });
  }
  const file = path.join(work, "boundary.xlsx");
  fs.writeFileSync(file, await reportXlsxBytes(sheets));
  rendered.set("boundary", render(file, path.join(work, "boundary")));
}

const missing = missingRenderer();

beforeAll(async () => {
  if (missing) return;
  const submissions = path.join(ROOT, "samples", "submissions");
  await cliReport("lang-son", [path.join(ROOT, "samples", "lang-son.xlsx")], ["--date", "19/9/2021"]);
  await cliReport("quan-son", [path.join(ROOT, "samples", "thanh-hoa-quan-son.xlsx")]);
  await cliReport("lao-cai", [path.join(ROOT, "samples", "lao-cai-two-tier.xlsx")]);
  await cliReport("binh-gia-submissions", [
    ...fs
      .readdirSync(path.join(submissions, "binh-gia"))
      .sort()
      .map((f) => path.join(submissions, "binh-gia", f)),
    path.join(submissions, "binh-gia-don-vi.xlsx"),
  ]);
  await namesWorkbook();
  await boundaryWorkbook();
}, 900_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

it("LibreOffice and poppler are installed (scripts/install-system-packages.sh)", () => {
  expect(missing).toBeNull();
});

const ifRendered = missing ? it.skip : it;
const REPORTS = ["lang-son", "quan-son", "lao-cai", "binh-gia-submissions", "names", "boundary"];
const HEADER_MARK = /ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/;

describe.each(REPORTS)("every printed page of %s", (name) => {
  const sheets = (): string[][] => pagesBySheet(rendered.get(name)!.pages, HEADER_MARK);

  ifRendered(
    "each sheet's signature block is whole, on one page, with the total row and the recipients",
    () => {
      for (const pages of sheets()) {
        const withHeading = pages.filter((p) => p.includes("T/M BAN THƯỜNG VỤ"));
        expect(withHeading).toHaveLength(1);
        const page = withHeading[0];
        expect(page).toContain("NGƯỜI LẬP BIỂU");
        expect(page).toMatch(/(^|\s{2,})BÍ THƯ\s*$/m);
        expect(page).toContain(SIGNER);
        expect(page).toContain(PREPARER);
        // The recipients with it, never alone on a page.
        const withRecipients = pages.filter((p) => p.includes("Nơi nhận:"));
        expect(withRecipients).toEqual([page]);
        // The total row, when the sheet has one, is on the signature's page.
        if (pages.some((p) => /(^|\s)Tổng cộng(\s|$)/m.test(p)))
          expect(page).toMatch(/(^|\s)Tổng cộng(\s|$)/m);
      }
    },
  );

  ifRendered("no page holds only a repeated table header", () => {
    for (const pages of sheets()) {
      pages.slice(1).forEach((page) => {
        const rows = contentLines(page).filter(
          (l) => /^([0-9]+|[IVXLCDM]+)\s+\S/.test(l) || /(^|\s)Tổng cộng(\s|$)/.test(l),
        );
        expect(rows.length).toBeGreaterThan(0);
      });
    }
  });
});

describe("headers, place lines and recipients as printed", () => {
  const firstPages = (name: string): string[] =>
    pagesBySheet(rendered.get(name)!.pages, HEADER_MARK).map((pages) => pages[0]);
  const signaturePages = (name: string): string[] =>
    pagesBySheet(rendered.get(name)!.pages, HEADER_MARK).map((pages) =>
      pages.find((p) => p.includes("Nơi nhận:"))!,
    );

  ifRendered(
    "Quan Sơn (sample): HUYỆN ỦY QUAN SƠN, “Quan Sơn, ngày …”, the data's period, bản and khu phố",
    () => {
      for (const page of firstPages("quan-son")) {
        expect(page).toContain("ĐẢNG BỘ TỈNH THANH HÓA");
        expect(page).toContain("HUYỆN ỦY QUAN SƠN");
        expect(page).toContain("Quan Sơn, ngày 29 tháng 11 năm 2026");
        expect(page).toContain("(Số liệu đến 31/12/2021)");
        expect(page).not.toMatch(/QUẬN|Quận/);
      }
      expect(firstPages("quan-son")[0]).toContain("BẢN, KHU PHỐ");
      for (const page of signaturePages("quan-son")) expect(page).toContain("- Lưu Văn phòng Huyện ủy.");
    },
  );

  ifRendered("Quản Bạ, Phương Sơn, Xà Phìn and Thị trấn Phố Bảng", () => {
    const [qb, ps, xp, pb] = firstPages("names");
    expect(qb).toContain("HUYỆN ỦY QUẢN BẠ");
    expect(qb).toContain("Quản Bạ, ngày 19 tháng 9 năm 2021");
    expect(ps).toContain("ĐẢNG ỦY XÃ PHƯƠNG SƠN");
    expect(ps).toContain("Phương Sơn, ngày 19 tháng 9 năm 2021");
    expect(xp).toContain("ĐẢNG ỦY XÃ XÀ PHÌN");
    expect(xp).toContain("Xà Phìn, ngày 19 tháng 9 năm 2021");
    expect(pb).toContain("ĐẢNG ỦY THỊ TRẤN PHỐ BẢNG");
    expect(pb).toContain("ĐẢNG BỘ HUYỆN ĐỒNG VĂN");
    expect(pb).toContain("Phố Bảng, ngày 19 tháng 9 năm 2021");
    const sig = signaturePages("names");
    expect(sig[0]).toContain("- Lưu Văn phòng Huyện ủy.");
    for (const page of sig.slice(1)) expect(page).toContain("- Lưu Văn phòng Đảng ủy.");
  });

  ifRendered("Lạng Sơn, Lào Cai and the compiled submissions: the period the data states", () => {
    expect(firstPages("lang-son")[0]).toContain("(Số liệu có đến ngày 15-9-2021)");
    expect(firstPages("lang-son")[0]).toContain("TỈNH ỦY LẠNG SƠN");
    expect(firstPages("lao-cai")[0]).toContain("(Số liệu đến 30/9/2025)");
    expect(firstPages("lao-cai")[0]).toContain("TỈNH ỦY LÀO CAI");
    const bg = firstPages("binh-gia-submissions")[0];
    expect(bg).toContain("HUYỆN ỦY BÌNH GIA");
    expect(bg).toContain("Số liệu có đến ngày 15-9-2021");
  });
});

const percent = (rate: number | null): string =>
  rate === null ? "" : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;

describe("the Lạng Sơn report recalculated by LibreOffice", () => {
  const csv = (sheet: string): string[][] => rendered.get("lang-son")!.csv(sheet);

  ifRendered("has its sheets, and every figure of the summary equals the JSON summary", () => {
    const summary = json.get("lang-son")!;
    const units = summary.units;
    const rows = csv("Tổng hợp");
    const headerAt = rows.findIndex((r) => r[0] === "STT");
    const totalAt = rows.findIndex((r) => r[1] === "Tổng cộng");
    const body = rows.slice(headerAt + 1, totalAt).filter((r) => r[0] !== "" || r[1] !== "");
    let district = "";
    const seen: string[] = [];
    for (const r of body) {
      if (!/^([IVXLC]+|\d+)$/.test(r[0])) continue;
      const isDistrict = /^[IVXLC]+$/.test(r[0]);
      if (isDistrict) district = r[1];
      const unit = units.find((u) =>
        isDistrict
          ? u.level === "district" && u.name === r[1]
          : u.level === "commune" && u.name === r[1] && u.district === district,
      );
      expect(unit).toBeDefined();
      expect([r[2], r[3], r[4]]).toEqual([
        String(unit!.villages),
        String(unit!.consolidated),
        percent(unit!.rate),
      ]);
      seen.push(`${unit!.level}:${unit!.name}`);
    }
    expect(seen.length).toBe(units.filter((u) => u.level !== "province").length);
    const total = rows[totalAt];
    expect([total[2], total[3], total[4]]).toEqual([
      String(summary.total.villages),
      String(summary.total.consolidated),
      percent(summary.total.rate),
    ]);
    // Bình Gia, seed 000: 143 villages, 68 consolidated, 47.6%, 61 more for "above 90%".
    const binhGia = body.find((r) => r[1] === "Bình Gia")!;
    expect(binhGia.slice(2, 5)).toEqual(["143", "68", "47.6%"]);
    expect(binhGia[7]).toBe("61");
  });

  ifRendered("the other reports' totals equal the JSON summary", () => {
    const summary = json.get("lang-son")!;
    const totalOf = (sheet: string): string[] => csv(sheet).find((r) => r[1] === "Tổng cộng")!;
    const ind = summary.total.indicators;
    const posts = totalOf("Chức danh cấp xã");
    expect([posts[2], posts[3], posts[4]]).toEqual([
      String(ind.commune_secretary_committee_chair.denominator),
      String(ind.commune_secretary_committee_chair.numerator),
      percent(ind.commune_secretary_committee_chair.rate),
    ]);
    expect(posts).toContain(String(ind.commune_secretary_council_chair.numerator));
    const quality = totalOf("Chất lượng bí thư");
    expect([quality[2], quality[3], quality[4]]).toEqual([
      String(ind.secretary_education_12.denominator),
      String(ind.secretary_education_12.numerator),
      percent(ind.secretary_education_12.rate),
    ]);
    const cells = totalOf("Chi bộ thôn");
    expect([cells[2], cells[3], cells[4], cells[5]]).toEqual([
      String(ind.villages_own_cell.denominator),
      String(ind.villages_own_cell.numerator),
      percent(ind.villages_own_cell.rate),
      String(ind.small_cells.numerator),
    ]);
    // Report 5: the villages still to consolidate add up to villages − consolidated.
    expect(totalOf("Thôn chưa NTH")[4]).toBe(String(summary.total.villages - summary.total.consolidated));
    // Report 6: one row per issue.
    const check = csv("Kiểm tra dữ liệu");
    const checkHeader = check.findIndex((r) => r[0] === "STT");
    expect(check.slice(checkHeader + 1).filter((r) => /^\d+$/.test(r[0])).length).toBe(summary.issues.length);
  });
});
