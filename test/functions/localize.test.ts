/**
 * The Vietnamese metadata: every function and parameter the JSDoc declares has a Vietnamese
 * description, and the localizer refuses a table that has fallen behind.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as path from "path";
import catalogue from "../../src/functions/catalogue.json";

// A CommonJS build script: required, not imported, so that it stays plain Node.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { finishMetadata } = require("../../scripts/localize-functions.js") as {
  finishMetadata: (
    metadata: string,
    catalogue: unknown,
    helpBase: string,
  ) => { english: string; vietnamese: string };
};

interface Metadata {
  allowErrorForDataTypeAny?: boolean;
  functions: {
    id: string;
    name: string;
    description: string;
    helpUrl?: string;
    parameters: { name: string; description: string }[];
  }[];
}

const FUNCTIONS_TS = path.resolve(__dirname, "../../src/functions/functions.ts");
const BASE = "https://localhost:3000/";
let generated: string;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([FUNCTIONS_TS], true);
  expect(result.errors).toEqual([]);
  generated = result.metadataJson;
});

it("declares the NTH functions of the catalogue, in its order, with English descriptions", () => {
  const metadata = JSON.parse(generated) as Metadata;
  expect(metadata.functions.map((f) => f.id)).toEqual(Object.keys(catalogue));
  for (const fn of metadata.functions) {
    expect(fn.description.length).toBeGreaterThan(20);
    for (const p of fn.parameters) expect(p.description.length).toBeGreaterThan(5);
  }
});

it("localizes every description and parameter name and keeps ids and function names", () => {
  const { english: englishText, vietnamese: vietnameseText } = finishMetadata(generated, catalogue, BASE);
  const english = JSON.parse(englishText) as Metadata;
  const vietnamese = JSON.parse(vietnameseText) as Metadata;
  expect(english.allowErrorForDataTypeAny).toBe(true);
  expect(vietnamese.functions.map((f) => [f.id, f.name])).toEqual(
    english.functions.map((f) => [f.id, f.name]),
  );
  vietnamese.functions.forEach((fn, i) => {
    expect(fn.helpUrl).toBe(`${BASE}taskpane.html#help/${fn.id}`);
    expect(fn.description).not.toBe(english.functions[i].description);
    fn.parameters.forEach((p, j) => {
      expect(p.description).not.toBe(english.functions[i].parameters[j].description);
      expect(p.name).not.toBe(english.functions[i].parameters[j].name);
    });
  });
  expect(vietnamese.functions.find((f) => f.id === "UNITS_NEEDED")?.description).toContain("Số đơn vị cần");
});

it("fails when the catalogue and the JSDoc disagree", () => {
  const withoutRollup = { ...catalogue } as Record<string, unknown>;
  delete withoutRollup.ROLLUP_RATE;
  expect(() => finishMetadata(generated, withoutRollup, BASE)).toThrow(/ROLLUP_RATE/);
  const gap = catalogue.TARGET_GAP;
  const withoutParameter = {
    ...catalogue,
    TARGET_GAP: { ...gap, vi: { ...gap.vi, parameters: { actual: gap.vi.parameters.actual } } },
  };
  expect(() => finishMetadata(generated, withoutParameter, BASE)).toThrow(
    /TARGET_GAP: Vietnamese parameters/,
  );
  const reworded = { ...catalogue, TARGET_GAP: { ...gap, en: { ...gap.en, description: "Gap." } } };
  expect(() => finishMetadata(generated, reworded, BASE)).toThrow(/TARGET_GAP: English description differs/);
  expect(() => finishMetadata(generated, { ...catalogue, OLD_NAME: gap }, BASE)).toThrow(/OLD_NAME/);
});
