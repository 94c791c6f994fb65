"use strict";
// Lets `node -r ./bench/register-ts.js some.ts` run the benchmark's TypeScript without a build step:
// each .ts file is transpiled on load with the project's own TypeScript (no type check; `npm run
// typecheck` does that). Used only by `npm run bench`; the product itself is compiled by tsc.
const fs = require("node:fs");
const ts = require("typescript");

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  resolveJsonModule: true,
  jsx: ts.JsxEmit.ReactJSX,
  sourceMap: false,
  inlineSourceMap: true,
};

for (const ext of [".ts", ".tsx"]) {
  require.extensions[ext] = (module, filename) => {
    const source = fs.readFileSync(filename, "utf8");
    const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
    module._compile(outputText, filename);
  };
}
