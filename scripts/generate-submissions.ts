/**
 * Writes samples/submissions/: the Bình Gia district's data (from samples/lang-son.xlsx) split into
 * one submission workbook per commune, each made by the real `nth-rollup export`, plus the district's
 * list of expected units with deadlines (binh-gia-don-vi.xlsx). `npm run samples` runs it after the
 * samples. Deterministic: a fixed clock per commune, so the files' content is stable.
 *
 * Also the district clerk's review decisions (binh-gia-tiep-nhan.xlsx: one accepted, one returned).
 *
 * A district clerk's combination: `nth-rollup report samples/submissions/binh-gia/*.xlsx
 * samples/submissions/binh-gia-don-vi.xlsx` gives the same figures as the Bình Gia rows of
 * lang-son.xlsx (test/submissions.test.ts proves it).
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { parseArgs } from "../src/cli/args";
import { runRequest } from "../src/cli/commands";
import type { CellValue } from "../src/core/cells";
import type { SheetGrid } from "../src/core/grid";
import { readWorkbooks } from "../src/core/read/readWorkbook";
import { unitKey } from "../src/core/text/normalize";
import { readXlsxFile } from "../src/xlsx/readXlsx";
import { readManifest } from "../src/core/submission/manifest";
import { shortHash } from "../src/core/submission/contentHash";

const ROOT = path.join(__dirname, "..");
const DISTRICT = "Bình Gia";
const PERIOD = "Quý III/2021";

/** "Yên Lỗ" → "yen-lo". */
export function slug(name: string): string {
  return name
    .replace(/[Đđ]/g, "d")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

async function writeGrids(file: string, sheets: readonly SheetGrid[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const grid of sheets) {
    const ws = wb.addWorksheet(grid.name);
    grid.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && typeof v !== "object")
          ws.getCell((grid.firstRow ?? 1) + r, (grid.firstColumn ?? 1) + c).value = v;
      }),
    );
  }
  await wb.xlsx.writeFile(file);
}

/**
 * The rows of a sheet for one commune of the district: the rows above the data kept, then the data
 * rows of that commune (a ward of the same name in another district is not taken).
 */
function communeRows(
  grid: SheetGrid,
  headerIndex: number,
  columns: { commune: number; district: number },
  commune: string,
): CellValue[][] {
  const key = unitKey("commune", commune);
  return grid.rows.filter((row, r) => {
    if (r <= headerIndex) return true;
    const c = row[columns.commune];
    const d = columns.district >= 0 ? row[columns.district] : DISTRICT;
    return (
      typeof c === "string" &&
      unitKey("commune", c) === key &&
      typeof d === "string" &&
      unitKey("district", d) === unitKey("district", DISTRICT)
    );
  }) as CellValue[][];
}

export async function generateSubmissions(folder: string): Promise<string[]> {
  const source = await readXlsxFile(path.join(ROOT, "samples", "lang-son.xlsx"));
  const read = readWorkbooks([source]);
  const communes = [
    ...new Set(read.dataset.villages.filter((v) => v.district === DISTRICT).map((v) => v.commune)),
  ];
  const out = path.join(folder, "binh-gia");
  await fs.mkdir(out, { recursive: true });
  const temp = await fs.mkdtemp(path.join(os.tmpdir(), "nth-submissions-"));
  const written: string[] = [];
  try {
    for (const [k, commune] of communes.entries()) {
      const sheets: SheetGrid[] = [];
      for (const found of read.sheets) {
        const grid = source.sheets.find((g) => g.name === found.sheet)!;
        const headerIndex = found.headerRow - (grid.firstRow ?? 1);
        const header = grid.rows[headerIndex] ?? [];
        const column = (re: RegExp) => header.findIndex((h) => typeof h === "string" && re.test(h.trim()));
        if (found.kind === "targets") {
          // The targets that concern the district: for every unit, or for Bình Gia itself.
          const unit = column(/^đơn vị$/i);
          const rows = grid.rows.filter((row, r) => {
            const v = row[unit];
            return r <= headerIndex || v === null || v === undefined || v === "" || v === DISTRICT;
          });
          sheets.push({
            name: grid.name,
            rows: rows.map((r) => [...r]),
            firstRow: grid.firstRow,
            firstColumn: grid.firstColumn,
          });
          continue;
        }
        const columns = { commune: column(/^x[ãa]$/i), district: column(/^huy[ệe]n$/i) };
        if (columns.commune < 0) continue;
        sheets.push({
          name: grid.name,
          rows: communeRows(grid, headerIndex, columns, commune),
          firstRow: grid.firstRow,
          firstColumn: grid.firstColumn,
        });
      }
      const input = path.join(temp, `${slug(commune)}-du-lieu.xlsx`);
      await writeGrids(input, sheets);
      const target = path.join(out, `${slug(commune)}.xlsx`);
      // Each commune exports on its own day of September 2021 (fixed, so the files are stable).
      const now = new Date(Date.UTC(2021, 8, 1 + k, 2, 0, 0));
      let errors = "";
      const code = await runRequest(
        parseArgs(["export", input, "--out", target, "--period", PERIOD, "--date", "15/9/2021"]),
        {
          stdout: () => undefined,
          stderr: (t) => (errors += t),
          now: () => now,
          version: "samples",
        },
      );
      if (code !== 0) throw new Error(`export of ${commune} failed: ${errors}`);
      written.push(target);
    }
  } finally {
    await fs.rm(temp, { recursive: true, force: true });
  }
  // The district's list of expected communes, with the deadline of the period.
  const units = new ExcelJS.Workbook();
  const ws = units.addWorksheet("Đơn vị");
  ws.addRow(["DANH SÁCH ĐƠN VỊ BÁO CÁO — HUYỆN BÌNH GIA"]);
  ws.addRow(["Đơn vị", "Cấp", "Tỉnh", "Huyện", "Hạn nộp"]);
  for (const commune of communes) ws.addRow([commune, "xã", "Lạng Sơn", DISTRICT, "15/9/2021"]);
  const unitsFile = path.join(folder, "binh-gia-don-vi.xlsx");
  await units.xlsx.writeFile(unitsFile);
  written.push(unitsFile);
  written.push(await writeDecisions(folder, written));
  return written;
}

/**
 * The district clerk's review decisions (README, "Accepting submissions"): Bình La accepted, Yên
 * Lỗ returned with a note; the others not yet looked at. Each row names the submission by the
 * content hash its manifest carries (8 digits are enough): `--decisions binh-gia-tiep-nhan.xlsx`.
 */
async function writeDecisions(folder: string, files: readonly string[]): Promise<string> {
  const decided: Record<string, [string, string | null]> = {
    "binh-la.xlsx": ["Đã nhận", null],
    "yen-lo.xlsx": ["Trả lại", "Thôn Pò Mầm: cột Nhất thể hóa chưa khớp với tên bí thư và trưởng thôn"],
  };
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("Tiếp nhận");
  ws.addRow(["TIẾP NHẬN BÁO CÁO CỦA CÁC XÃ — HUYỆN BÌNH GIA"]);
  ws.addRow(["Đơn vị", "Tệp nộp", "Mã nội dung", "Tiếp nhận", "Ghi chú"]);
  for (const file of files) {
    const decision = decided[path.basename(file)];
    if (!decision) continue;
    const workbook = await readXlsxFile(file);
    const manifest = workbook.sheets.map(readManifest).find((m) => m !== null)!;
    ws.addRow([manifest.unitName, path.basename(file), shortHash(manifest.contentHash!), ...decision]);
  }
  const target = path.join(folder, "binh-gia-tiep-nhan.xlsx");
  await book.xlsx.writeFile(target);
  return target;
}

if (process.argv[1] === __filename) {
  const folder = process.argv[2] ?? path.join(ROOT, "samples", "submissions");
  generateSubmissions(folder).then(
    (files) =>
      process.stdout.write(
        `${files.length} submission files written under ${path.relative(process.cwd(), folder)}\n`,
      ),
    (error: unknown) => {
      process.stderr.write(
        `generate-submissions: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
