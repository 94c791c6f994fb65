/**
 * The functions bundle as Excel loads it: `webpack --mode production` with the project's own
 * config, only the functions entry (about 6 s), then functions.js run in a fresh VM context with
 * the globals Excel's runtime gives it (`CustomFunctions.associate`, `CustomFunctions.Error`,
 * `Office.context.displayLanguage`). Arguments are shaped by functions.json as Excel shapes them:
 * a matrix parameter always gets rows of values, an omitted optional argument is null.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";

const ROOT = path.resolve(__dirname, "../..");
export const HELP_BASE = "https://nth.example.gov.vn/addin/";

export interface Metadata {
  allowErrorForDataTypeAny?: boolean;
  functions: {
    id: string;
    name: string;
    description: string;
    helpUrl?: string;
    parameters: {
      name: string;
      description: string;
      type?: string;
      dimensionality?: string;
      optional?: boolean;
    }[];
  }[];
}

/** What Excel shows: a value, or an error code with its message. */
export type Outcome = { value: unknown } | { error: string; message?: string };

class ExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

export interface BuiltFunctions {
  readonly dir: string;
  readonly english: Metadata;
  readonly vietnamese: Metadata;
  readonly source: string;
  /** Calls a function as Excel would, in Office's display language `language`. */
  call(language: string, id: string, ...args: unknown[]): Outcome;
  remove(): void;
}

export function buildFunctions(): BuiltFunctions {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nth-functions-"));
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules/webpack/bin/webpack.js"),
      "--mode",
      "production",
      "--entry-reset",
      "--entry",
      "./src/functions/functions.ts",
      "--output-filename",
      "functions.js",
      "--output-path",
      dir,
    ],
    { cwd: ROOT, stdio: "pipe", env: { ...process.env, NTH_PROD_URL: HELP_BASE, NTH_OFFICE_JS: "cdn" } },
  );
  const source = fs.readFileSync(path.join(dir, "functions.js"), "utf8");
  const english = JSON.parse(fs.readFileSync(path.join(dir, "functions.json"), "utf8")) as Metadata;
  const vietnamese = JSON.parse(fs.readFileSync(path.join(dir, "functions.vi-VN.json"), "utf8")) as Metadata;

  const office = { context: { displayLanguage: "vi-VN" } };
  const registered = new Map<string, (...args: unknown[]) => unknown>();
  const sandbox: Record<string, unknown> = {
    CustomFunctions: {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn),
      Error: ExcelError,
      ErrorCode: ERROR_CODES,
    },
    Office: office,
  };
  sandbox.self = sandbox;
  sandbox.window = sandbox;
  vm.runInNewContext(source, sandbox);

  return {
    dir,
    english,
    vietnamese,
    source,
    call(language, id, ...args) {
      office.context.displayLanguage = language;
      const fn = registered.get(id);
      const meta = english.functions.find((f) => f.id === id);
      if (!fn || !meta) throw new Error(`${id} is not registered`);
      if (args.length > meta.parameters.length) throw new Error(`${id}: too many arguments`);
      const shaped = meta.parameters.map((p, i) => {
        const arg = i < args.length ? args[i] : null;
        if (arg === null || arg === undefined) {
          if (!p.optional) throw new Error(`${id}: ${p.name} is required`);
          return null;
        }
        if (p.dimensionality === "matrix") return Array.isArray(arg) ? arg : [[arg]];
        if (Array.isArray(arg)) throw new Error(`${id}: ${p.name} takes one value`);
        return arg;
      });
      try {
        return { value: fn(...shaped) };
      } catch (e) {
        // The bundle's errors come from another realm: compare by shape, not by class.
        const err = e as { code?: unknown; message?: unknown; constructor?: { name?: string } };
        if (err && err.constructor?.name === "ExcelError")
          return { error: String(err.code), message: err.message as string | undefined };
        throw e;
      }
    },
    remove() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
