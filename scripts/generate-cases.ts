/**
 * Writes the reader's case folders, test/cases/reader/<case>/ (input*.xlsx + expected.json), from
 * the definitions in scripts/cases/readerCases.ts: `npm run cases`. The format of a folder is
 * described in scripts/cases/format.ts. Deterministic: regenerating leaves git clean.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { workbookBytes } from "./common/xlsxWrite";
import type { CaseDefinition } from "./cases/definitions";
import type { ExpectedCase, ExpectedIssue } from "./cases/format";
import { READER_CASES } from "./cases/readerCases";

export const READER_CASES_DIR = path.join(__dirname, "..", "test", "cases", "reader");

/** The files of one case folder, by name, as they are written. */
export async function caseFiles(definition: CaseDefinition): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const single = definition.inputs.length === 1;
  for (const [i, input] of definition.inputs.entries()) {
    const name = input.file ?? (single ? "input.xlsx" : `input-${i + 1}.xlsx`);
    if (!/^input.*\.xlsx$/.test(name))
      throw new Error(`${definition.name}: input files are named input*.xlsx, not ${name}`);
    if ("text" in input) {
      files.set(name, Buffer.from(input.text, "utf8"));
    } else if ("fixture" in input) {
      files.set(name, await fs.readFile(path.join(__dirname, "cases", "fixtures", input.fixture)));
    } else {
      const bytes = await workbookBytes(input.workbook);
      files.set(
        name,
        input.cut === undefined ? bytes : bytes.subarray(0, Math.floor(bytes.length * input.cut)),
      );
    }
  }
  files.set("expected.json", Buffer.from(`${formatJson(expectedOf(definition))}\n`, "utf8"));
  return files;
}

const PRINT_WIDTH = 110;

/**
 * JSON laid out as prettier lays it out (objects one key per line, short arrays of plain values on
 * one line), so that `prettier --check` passes without running prettier, which jest cannot load.
 */
export function formatJson(value: unknown, indent = "", prefix = ""): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const plain = value.every((v) => v === null || typeof v !== "object");
    const oneLine = `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
    if (plain && indent.length + prefix.length + oneLine.length + 1 <= PRINT_WIDTH) return oneLine;
    const inner = indent + "  ";
    return `[\n${value.map((v) => inner + formatJson(v, inner)).join(",\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    const inner = indent + "  ";
    const lines = entries.map(([k, v]) => {
      const key = `${JSON.stringify(k)}: `;
      return inner + key + formatJson(v, inner, key);
    });
    return `{\n${lines.join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

function expectedOf(definition: CaseDefinition): ExpectedCase {
  const { issues, ...rest } = definition.expected;
  return {
    ...rest,
    issues: issues.map(([code, severity, sheet, cell, ...contains]): ExpectedIssue => ({
      code,
      severity,
      sheet,
      cell,
      ...(contains.length > 0 ? { contains } : {}),
    })),
  };
}

/** Writes every case folder under `root`; old input files of a case are replaced. */
export async function generateCases(root: string = READER_CASES_DIR): Promise<string[]> {
  const written: string[] = [];
  const names = new Set<string>();
  for (const definition of READER_CASES) {
    if (names.has(definition.name)) throw new Error(`two cases are named ${definition.name}`);
    names.add(definition.name);
    const folder = path.join(root, definition.name);
    await fs.mkdir(folder, { recursive: true });
    for (const old of await fs.readdir(folder)) {
      if (/^input.*\.xlsx$/.test(old)) await fs.rm(path.join(folder, old));
    }
    for (const [name, bytes] of await caseFiles(definition)) {
      await fs.writeFile(path.join(folder, name), bytes);
    }
    written.push(folder);
  }
  return written;
}

if (process.argv[1] === __filename) {
  generateCases(process.argv[2]).then(
    (folders) => process.stdout.write(`${folders.length} reader cases written\n`),
    (error: unknown) => {
      process.stderr.write(
        `generate-cases: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
