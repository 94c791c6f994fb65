/**
 * Planning an import of text typed in the legacy TCVN3 encoding (.VnTime fonts): the planner reads
 * the grids as the reader does (src/core/read/clean.ts), so a TCVN3 sheet's headers are found and
 * its rows are written in Unicode, the same as its Unicode twin's.
 */
import type { CellValue } from "../../src/core/cells";
import type { SheetGrid } from "../../src/core/grid";
import { encodeTcvn3 } from "../../src/core/text/legacyEncoding";
import { MANIFEST_SHEET_NAME } from "../../src/core/submission/manifest";
import { contentHash } from "../../src/core/submission/contentHash";
import {
  planImport,
  type ImportOptions,
  type IncomingFile,
  type ReceivingState,
} from "../../src/app/imports/plan";
import { receivingVillages, submission, villages } from "./importFixtures";

const OPTIONS: ImportOptions = {
  mode: "sheets",
  importedAt: "2021-09-20 08:30",
  language: "vi",
  referenceYear: 2021,
};

function tcvn3Sheet(grid: SheetGrid): SheetGrid {
  const encode = (v: CellValue): CellValue => (typeof v === "string" ? encodeTcvn3(v) : v);
  return { ...grid, rows: grid.rows.map((r) => r.map(encode)) };
}

/**
 * The same file with its data sheets typed in TCVN3 (the manifest, made by the add-in, stays
 * Unicode), exported as such: its content hash is that of the TCVN3 data, as the export computes it.
 */
function typedInTcvn3(file: IncomingFile): IncomingFile {
  const workbook = file.workbook!;
  const data = workbook.sheets.filter((s) => s.name !== MANIFEST_SHEET_NAME).map(tcvn3Sheet);
  const hash = contentHash(data);
  const manifest = workbook.sheets.find((s) => s.name === MANIFEST_SHEET_NAME)!;
  return {
    ...file,
    workbook: {
      ...workbook,
      sheets: [
        ...data,
        { ...manifest, rows: manifest.rows.map((r) => (r[0] === "contentHash" ? [r[0], hash, r[2]] : r)) },
      ],
    },
  };
}

function receiving(sheets: SheetGrid[]): ReceivingState {
  return {
    workbook: { file: "", sheets },
    marks: sheets.map((s) => ({ name: s.name, own: null })),
    tables: [],
    log: [],
  };
}

const SPEC = { file: "Hưng Đạo.xlsx", commune: "Hưng Đạo", generatedAt: "2021-09-15 10:00" };

describe("importing a submission typed in TCVN3", () => {
  const unicode = submission({ ...SPEC, villages: villages("Nà Lạn", 4, 3) });
  const tcvn3 = typedInTcvn3(unicode);

  it("is really typed in TCVN3 (headers and names unreadable as Unicode)", () => {
    const rows = tcvn3.workbook!.sheets[0].rows;
    expect(rows[2]).not.toEqual(unicode.workbook!.sheets[0].rows[2]);
    expect(JSON.stringify(rows)).not.toContain("Nà Lạn");
  });

  it("is taken with the same figures and rows, written in Unicode, as its Unicode twin", () => {
    const into = receiving([{ name: "Sheet1", rows: [] }]);
    const fromUnicode = planImport(into, [unicode], OPTIONS);
    const fromTcvn3 = planImport(into, [tcvn3], OPTIONS);

    const [u] = fromUnicode.submissions;
    const [t] = fromTcvn3.submissions;
    expect(u.status).toBe("new");
    expect(t.status).toBe("new");
    expect(t.rows).toEqual({ villages: 4, officeHolders: 0, targets: 0 });
    expect(t.rows).toEqual(u.rows);
    expect(t.skippedRows).toBe(u.skippedRows);
    expect(fromTcvn3.conflicts).toEqual([]);
    // The same, but for the content hash: the bytes typed differ, so the hashes do.
    const withoutHash = (c: typeof fromUnicode.completeness) =>
      c && { ...c, units: c.units.map((x) => ({ ...x, contentHash: null })) };
    expect(withoutHash(fromTcvn3.completeness)).toEqual(withoutHash(fromUnicode.completeness));
    expect(fromTcvn3.writes?.create).toEqual(fromUnicode.writes?.create);
    expect(fromTcvn3.writes?.edits).toEqual(fromUnicode.writes?.edits);
    expect(JSON.stringify(fromTcvn3.writes?.edits)).toContain("Nà Lạn 1");
  });

  it("replaces the unit's earlier rows in a receiving sheet typed in TCVN3, as in its Unicode twin", () => {
    const earlier = receivingVillages([
      { commune: "Hưng Đạo", v: { village: "Nà Lạn 1", consolidated: false }, unit: "Hưng Đạo (xã)" },
      { commune: "Hồng Phong", v: { village: "Khuổi Chặng", consolidated: true }, unit: null },
    ]);
    const fromUnicode = planImport(receiving([earlier]), [unicode], OPTIONS);
    const fromTcvn3 = planImport(receiving([tcvn3Sheet(earlier)]), [tcvn3], OPTIONS);

    expect(fromTcvn3.submissions[0].status).toBe("replaces");
    expect(fromTcvn3.submissions[0].replacedRows).toBe(1);
    expect(fromTcvn3.submissions[0].diff).toEqual(fromUnicode.submissions[0].diff);
    expect(fromTcvn3.writes?.create).toEqual([]);
    expect(fromTcvn3.writes?.edits.map((e) => e.sheet)).toEqual(["Thôn"]);
    expect(fromTcvn3.writes?.edits).toEqual(fromUnicode.writes?.edits);
  });
});
