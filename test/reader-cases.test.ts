import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";
import type { WorkbookGrids } from "../src/core/grid";
import type { Issue } from "../src/core/issues";
import { analyse } from "../src/core/pipeline";
import { readWorkbooks } from "../src/core/read/readWorkbook";
import type { Rollup } from "../src/core/rollup/types";
import { isUnusableInputError } from "../src/xlsx/errors";
import { readXlsxBuffer, readXlsxFile } from "../src/xlsx/readXlsx";
import { COUNT_KEYS, type ExpectedCase, type ExpectedCounts } from "../scripts/cases/format";
import { READER_CASES } from "../scripts/cases/readerCases";
import { caseFiles } from "../scripts/generate-cases";

/**
 * Walks test/cases/reader/: every folder is one case (format: scripts/cases/format.ts). Adding a
 * folder adds a test. The issues read must be exactly the expected ones (none missing, none extra).
 */

const ROOT = path.join(__dirname, "cases", "reader");
const folders = readdirSync(ROOT)
  .filter((name) => statSync(path.join(ROOT, name)).isDirectory())
  .sort();
const REFERENCE_YEAR = 2025;

interface Outcome {
  fileError: string | null;
  unusable: boolean;
  issues: Issue[];
  sheets: { sheet: string; kind: string; headerRow: number }[];
  counts: Required<ExpectedCounts> | null;
  targets: { target: number; comparator: string }[];
}

async function run(folder: string): Promise<Outcome> {
  const inputs = readdirSync(folder)
    .filter((f) => /^input.*\.xlsx$/.test(f))
    .sort();
  if (inputs.length === 0) throw new Error(`${folder} has no input*.xlsx`);
  const workbooks: WorkbookGrids[] = [];
  for (const input of inputs) {
    try {
      workbooks.push(await readXlsxFile(path.join(folder, input)));
    } catch (error) {
      if (!isUnusableInputError(error)) throw error;
      return { fileError: error.reason, unusable: true, issues: [], sheets: [], counts: null, targets: [] };
    }
  }
  const read = readWorkbooks(workbooks);
  const sheets = read.sheets.map(({ sheet, kind, headerRow }) => ({ sheet, kind, headerRow }));
  const targets = read.dataset.targets.map((t) => ({ target: t.targetValue, comparator: t.comparator }));
  if (read.unusable) {
    return {
      fileError: null,
      unusable: true,
      issues: [...read.dataset.issues],
      sheets,
      counts: null,
      targets,
    };
  }
  const result = analyse(workbooks, { referenceYear: REFERENCE_YEAR });
  if (!result.ok) throw new Error("analyse disagrees with readWorkbooks about usability");
  const { rollup } = result.analysis;
  return {
    fileError: null,
    unusable: false,
    issues: [...result.analysis.issues],
    sheets,
    counts: countsOf(read.dataset, rollup),
    targets,
  };
}

function countsOf(
  dataset: ReturnType<typeof readWorkbooks>["dataset"],
  rollup: Rollup,
): Required<ExpectedCounts> {
  const level = (l: string): number => rollup.units.filter((u) => u.level === l).length;
  return {
    villages: dataset.villages.length,
    consolidated: rollup.total.consolidated,
    unknownStatus: rollup.villages.filter((v) => v.consolidated === null).length,
    partyMembers: dataset.villages.reduce((sum, v) => sum + (v.partyMembers ?? 0), 0),
    officeHolders: dataset.officeHolders.length,
    targets: dataset.targets.length,
    provinces: level("province"),
    districts: level("district"),
    communes: level("commune"),
  };
}

/** The comparable part of an issue; `file` only when the case compares files. */
function key(i: Pick<Issue, "code" | "severity" | "sheet" | "cell" | "file">, withFile: boolean): string {
  return JSON.stringify([i.code, i.severity, i.sheet, i.cell, ...(withFile ? [i.file] : [])]);
}

async function check(folder: string, expected: ExpectedCase): Promise<void> {
  const outcome = await run(folder);
  expect({ fileError: outcome.fileError }).toEqual({ fileError: expected.fileError ?? null });
  if (expected.fileError) {
    expect(expected.issues).toEqual([]);
    return;
  }
  expect({ unusable: outcome.unusable }).toEqual({ unusable: expected.unusable ?? false });

  // Issues: the same multiset, shown sorted so a failure reads as a diff.
  const withFile = expected.issues.some((i) => i.file !== undefined);
  const actualKeys = outcome.issues.map((i) => key(i, withFile)).sort();
  const expectedKeys = expected.issues.map((i) => key({ ...i, file: i.file ?? "" }, withFile)).sort();
  expect(actualKeys).toEqual(expectedKeys);
  for (const want of expected.issues.filter((i) => i.contains)) {
    const match = outcome.issues.find(
      (i) => key(i, withFile) === key({ ...want, file: want.file ?? "" }, withFile),
    )!;
    const text = `${match.message.vi}\n${match.message.en}`;
    for (const word of want.contains!)
      expect({ issue: want, message: text }).toEqual({ issue: want, message: expect.stringContaining(word) });
  }

  for (const s of expected.sheets ?? []) expect(outcome.sheets).toContainEqual(s);
  if (expected.counts) {
    const unknownKeys = Object.keys(expected.counts).filter(
      (k) => !COUNT_KEYS.includes(k as keyof ExpectedCounts),
    );
    expect(unknownKeys).toEqual([]);
    expect(outcome.counts).not.toBeNull();
    const actual: Record<string, number> = {};
    for (const k of Object.keys(expected.counts) as (keyof ExpectedCounts)[]) actual[k] = outcome.counts![k];
    expect(actual).toEqual(expected.counts);
  }
  if (expected.targets) expect(outcome.targets).toEqual(expected.targets);
}

describe("reader cases (test/cases/reader)", () => {
  it("has case folders", () => {
    expect(folders.length).toBeGreaterThan(0);
  });
  for (const name of folders) {
    const folder = path.join(ROOT, name);
    const expected = JSON.parse(readFileSync(path.join(folder, "expected.json"), "utf8")) as ExpectedCase;
    const title = `${name}: ${expected.description}`;
    if (expected.disputed) {
      // Recorded disagreement with the reader (see "disputed" in the case): must still fail.
      it.failing(`${title} [disputed: ${expected.disputed}]`, () => check(folder, expected));
    } else {
      it(title, () => check(folder, expected));
    }
  }
});

describe("case folders match their definitions (scripts/cases; regenerate with `npm run cases`)", () => {
  for (const definition of READER_CASES) {
    it(definition.name, async () => {
      const folder = path.join(ROOT, definition.name);
      for (const [file, bytes] of await caseFiles(definition)) {
        const committed = readFileSync(path.join(folder, file));
        if (file === "expected.json") {
          expect(committed.toString("utf8")).toBe(bytes.toString("utf8"));
          continue;
        }
        const fresh = await readXlsxBuffer(bytes, file).catch((e: unknown) => e);
        const stored = await readXlsxBuffer(committed, file).catch((e: unknown) => e);
        if (isUnusableInputError(fresh) || isUnusableInputError(stored)) {
          expect(committed.equals(bytes)).toBe(true);
        } else {
          expect(stored).toEqual(fresh);
        }
      }
    });
  }
});
