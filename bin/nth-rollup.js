#!/usr/bin/env node
"use strict";
// The CLI is compiled from src/ to lib/ by `npm run build:cli` (run automatically by `npm ci` /
// `npm install` through the "prepare" script).
const path = require("node:path");
const fs = require("node:fs");
const entry = path.join(__dirname, "..", "lib", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write(
    "nth-rollup: chưa biên dịch; hãy chạy `npm run build:cli` / not built; run `npm run build:cli`\n",
  );
  process.exit(1);
}
const { version } = require("../package.json");
require(entry)
  .main(process.argv.slice(2), version)
  .then((code) => {
    process.exitCode = code;
  });
