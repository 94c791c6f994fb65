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
const cli = require(entry);
cli.main(process.argv.slice(2), version).then((code) => {
  // An output that could not be written (closedPipe in main.ts) already set exit code 1: kept.
  process.exitCode = code === 0 ? (process.exitCode ?? 0) : code;
  // Once stdout and stderr have gone out: not waiting for the heap's teardown (see exitWhenFlushed).
  cli.exitWhenFlushed();
});
