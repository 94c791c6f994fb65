import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { columnLetters } from "../src/core/a1";
import type { CellValue } from "../src/core/cells";
import type { SheetGrid, WorkbookGrids } from "../src/core/grid";
import { VILLAGES } from "../src/core/schema/sheets";
import { writeSheetsXlsx, type FileCell, type FileSheet } from "./generator/writeXlsx";

/**
 * The alternative a clerk has without the add-in: the same summary by COUNTIFS/SUMIFS formulas,
 * recalculated by LibreOffice. `countifsWorkbook` writes a copy of the input with a helper column
 * on the Villages sheet (secretary is also head: the flag, else the two names) and a summary sheet
 * with one row per commune (villages, consolidated, rate, own cells, party members: COUNTIFS and
 * SUMIFS over the whole Villages sheet), a SUMIFS row per district or province and a total row.
 */

export const SUMMARY_SHEET = "Tổng hợp COUNTIFS";

interface Columns {
  readonly province: number;
  readonly district: number | null;
  readonly commune: number;
  readonly hasOwnCell: number;
  readonly members: number;
  readonly secretary: number;
  readonly head: number;
  readonly flag: number;
}

/** Finds the Villages sheet's header row (canonical headers, as the generator writes them). */
function villageLayout(sheet: SheetGrid): { headerIndex: number; columns: Columns } {
  const vi = (key: string): string => VILLAGES.columns.find((c) => c.key === key)!.vi;
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    const at = (key: string): number => row.indexOf(vi(key));
    if (at("village") < 0 || at("province") < 0) continue;
    const district = at("district");
    return {
      headerIndex: r,
      columns: {
        province: at("province"),
        district: district < 0 ? null : district,
        commune: at("commune"),
        hasOwnCell: at("hasOwnCell"),
        members: at("partyMembers"),
        secretary: at("secretary"),
        head: at("head"),
        flag: at("consolidated"),
      },
    };
  }
  throw new Error("no Villages header");
}

export interface CommuneRef {
  readonly province: string;
  readonly district: string | null;
  readonly commune: string;
}

/** Writes the COUNTIFS workbook for `input`; `communes` are the summary's rows (names as written). */
export async function countifsWorkbook(
  file: string,
  input: WorkbookGrids,
  communes: readonly CommuneRef[],
): Promise<{ formulas: number }> {
  const villagesSheet = input.sheets[0];
  const { headerIndex, columns } = villageLayout(villagesSheet);
  const width = Math.max(...villagesSheet.rows.map((r) => r.length));
  const helperColumn = width; // 0-based, right of the data
  const L = (c: number): string => columnLetters(c + 1);
  const firstData = headerIndex + 2; // Excel row of the first data row
  const lastData = villagesSheet.rows.length;
  const quoted = `'${villagesSheet.name.replace(/'/g, "''")}'`;
  const range = (c: number): string => `${quoted}!$${L(c)}$${firstData}:$${L(c)}$${lastData}`;
  let formulas = 0;

  const villageRows: FileCell[][] = villagesSheet.rows.map((row, r) => {
    const out: FileCell[] = [...row];
    while (out.length < width) out.push(null);
    if (r === headerIndex) out.push("NTH (tính)");
    else if (r > headerIndex) {
      const n = r + 1;
      const f = `${L(columns.flag)}${n}`;
      const s = `${L(columns.secretary)}${n}`;
      const h = `${L(columns.head)}${n}`;
      out.push({
        formula: `=IF(${f}<>"",IF(OR(${f}="x",${f}="có",${f}=1,${f}=TRUE),1,0),IF(AND(${s}<>"",${s}=${h}),1,0))`,
      });
      formulas++;
    }
    return out;
  });

  const summary: FileCell[][] = [
    ["TỔNG HỢP NHẤT THỂ HÓA BẰNG COUNTIFS/SUMIFS"],
    ["Tỉnh", "Huyện", "Xã", "Số thôn", "Đã nhất thể hóa", "Tỷ lệ", "Có chi bộ", "Số đảng viên"],
  ];
  const criteria = (row: number): string => {
    const parts = [`${range(columns.province)},$A${row}`];
    if (columns.district !== null) parts.push(`${range(columns.district)},$B${row}`);
    parts.push(`${range(columns.commune)},$C${row}`);
    return parts.join(",");
  };
  const firstCommuneRow = summary.length + 1;
  for (const c of communes) {
    const n = summary.length + 1;
    summary.push([
      c.province,
      c.district,
      c.commune,
      { formula: `=COUNTIFS(${criteria(n)})` },
      { formula: `=SUMIFS(${range(helperColumn)},${criteria(n)})` },
      { formula: `=IF(D${n}>0,E${n}/D${n},0)` },
      { formula: `=COUNTIFS(${range(columns.hasOwnCell)},"x",${criteria(n)})` },
      { formula: `=SUMIFS(${range(columns.members)},${criteria(n)})` },
    ]);
    formulas += 5;
  }
  const lastCommuneRow = summary.length;
  summary.push([]);
  // Subtotals per district (three-tier) or province, by SUMIFS over the commune rows.
  const groups = new Map<string, { province: string; district: string | null }>();
  for (const c of communes)
    groups.set(`${c.province}/${c.district ?? ""}`, { province: c.province, district: c.district });
  const rows = (col: string): string => `$${col}$${firstCommuneRow}:$${col}$${lastCommuneRow}`;
  for (const g of groups.values()) {
    const n = summary.length + 1;
    const by = `${rows("A")},$A${n}` + (g.district !== null ? `,${rows("B")},$B${n}` : "");
    summary.push([
      g.province,
      g.district,
      "Cộng",
      { formula: `=SUMIFS(${rows("D")},${by})` },
      { formula: `=SUMIFS(${rows("E")},${by})` },
      { formula: `=IF(D${n}>0,E${n}/D${n},0)` },
      { formula: `=SUMIFS(${rows("G")},${by})` },
      { formula: `=SUMIFS(${rows("H")},${by})` },
    ]);
    formulas += 5;
  }
  const t = summary.length + 1;
  summary.push([
    "Tổng cộng",
    null,
    null,
    { formula: `=SUM(${rows("D")})` },
    { formula: `=SUM(${rows("E")})` },
    { formula: `=IF(D${t}>0,E${t}/D${t},0)` },
    { formula: `=SUM(${rows("G")})` },
    { formula: `=SUM(${rows("H")})` },
  ]);
  formulas += 5;

  const sheets: FileSheet[] = [
    { name: villagesSheet.name, rows: villageRows },
    ...input.sheets
      .slice(1)
      .map((s) => ({ name: s.name, rows: s.rows as readonly (readonly CellValue[])[] })),
    { name: SUMMARY_SHEET, rows: summary, widths: [22, 18, 22, 10, 14, 10, 10, 12] },
  ];
  await writeSheetsXlsx(file, sheets);
  return { formulas };
}

/** A LibreOffice profile that recalculates every formula on load (as ../shared/tools/xlsx-check does). */
export function recalculatingProfile(): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "nth-bench-lo-"));
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
`,
  );
  return profile;
}

export function hasLibreOffice(): boolean {
  return spawnSync("libreoffice", ["--version"], { encoding: "utf8" }).status === 0;
}

/**
 * Runs `libreoffice --headless --convert-to <format>` on a file with the given profile; returns
 * the wall time in milliseconds and the output file. Throws when LibreOffice writes nothing.
 */
export function convert(
  profile: string,
  input: string,
  format: string,
  outDir: string,
): { ms: number; output: string } {
  fs.mkdirSync(outDir, { recursive: true });
  const extension = format.split(":")[0];
  const output = path.join(outDir, `${path.basename(input, path.extname(input))}.${extension}`);
  fs.rmSync(output, { force: true });
  const start = performance.now();
  const result = spawnSync(
    "libreoffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--convert-to",
      format,
      "--outdir",
      outDir,
      input,
    ],
    { encoding: "utf8", timeout: 30 * 60 * 1000 },
  );
  const ms = performance.now() - start;
  if (!fs.existsSync(output)) {
    throw new Error(
      `LibreOffice made no ${extension} of ${input}: ${result.stderr || result.stdout || result.error}`,
    );
  }
  return { ms, output };
}
