#!/usr/bin/env node
/**
 * Runs a TypeScript script without a build step: `node bin/dev/run-ts.js scripts/x.ts [args…]`.
 * Registers a require hook that transpiles each .ts file with the project's own `typescript`
 * (transpile only: no type check; `npm run typecheck` does that), then loads the script.
 * For development scripts only (samples, test cases); the shipped CLI is compiled.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2020,
  esModuleInterop: true,
  jsx: ts.JsxEmit.ReactJSX,
  sourceMap: false,
  inlineSourceMap: true,
};

function compile(module, filename) {
  const source = fs.readFileSync(filename, "utf8");
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
}
require.extensions[".ts"] = compile;
require.extensions[".tsx"] = compile;

const script = process.argv[2];
if (!script) {
  process.stderr.write("usage: node bin/dev/run-ts.js <script.ts> [args…]\n");
  process.exit(2);
}
// The script sees its own arguments from process.argv[2] on, as if run directly.
process.argv.splice(1, 1);
process.argv[1] = path.resolve(script);
require(process.argv[1]);
