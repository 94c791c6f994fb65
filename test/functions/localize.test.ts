/**
 * The Vietnamese metadata: every function and parameter the JSDoc declares has a Vietnamese
 * description, and the localizer refuses a table that has fallen behind.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as path from "path";
import table from "../../src/functions/descriptions-vi.json";

// A CommonJS build script: required, not imported, so that it stays plain Node.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizeMetadata } = require("../../scripts/localize-functions.js") as {
  localizeMetadata: (metadata: string, table: unknown) => string;
};

interface Metadata {
  functions: {
    id: string;
    name: string;
    description: string;
    parameters: { name: string; description: string }[];
  }[];
}

const FUNCTIONS_TS = path.resolve(__dirname, "../../src/functions/functions.ts");
let generated: string;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([FUNCTIONS_TS], true);
  expect(result.errors).toEqual([]);
  generated = result.metadataJson;
});

it("declares the six NTH functions with English descriptions", () => {
  const metadata = JSON.parse(generated) as Metadata;
  expect(metadata.functions.map((f) => f.id).sort()).toEqual([
    "CONSOLIDATION_RATE",
    "COUNT_CONSOLIDATED",
    "IS_CONSOLIDATED",
    "ROLLUP_RATE",
    "TARGET_GAP",
    "UNITS_NEEDED",
  ]);
  for (const fn of metadata.functions) {
    expect(fn.description.length).toBeGreaterThan(20);
    for (const p of fn.parameters) expect(p.description.length).toBeGreaterThan(5);
  }
});

it("localizes every description and keeps ids, names and parameter names", () => {
  const english = JSON.parse(generated) as Metadata;
  const vietnamese = JSON.parse(localizeMetadata(generated, table)) as Metadata;
  expect(vietnamese.functions.map((f) => [f.id, f.name])).toEqual(
    english.functions.map((f) => [f.id, f.name]),
  );
  vietnamese.functions.forEach((fn, i) => {
    expect(fn.description).not.toBe(english.functions[i].description);
    expect(fn.parameters.map((p) => p.name)).toEqual(english.functions[i].parameters.map((p) => p.name));
    fn.parameters.forEach((p, j) =>
      expect(p.description).not.toBe(english.functions[i].parameters[j].description),
    );
  });
  expect(vietnamese.functions.find((f) => f.id === "UNITS_NEEDED")?.description).toContain("Số đơn vị cần");
});

it("fails when a function or a parameter lacks its Vietnamese description", () => {
  const withoutRollup = { ...table } as Record<string, unknown>;
  delete withoutRollup.ROLLUP_RATE;
  expect(() => localizeMetadata(generated, withoutRollup)).toThrow(/ROLLUP_RATE/);
  const withoutParameter = {
    ...table,
    TARGET_GAP: { description: table.TARGET_GAP.description, parameters: { actual: "Tỷ lệ" } },
  };
  expect(() => localizeMetadata(generated, withoutParameter)).toThrow(/TARGET_GAP\(target\)/);
  expect(() => localizeMetadata(generated, { ...table, OLD_NAME: { description: "x" } })).toThrow(/OLD_NAME/);
});
