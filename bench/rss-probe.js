"use strict";
// Preloaded into a measured child process (`node -r ./bench/rss-probe.js …`): at exit, writes the
// process's peak resident set size (getrusage ru_maxrss, in kB) to the file named by
// NTH_BENCH_RSS_FILE, so the benchmark can report the CLI's peak memory without changing the CLI.
const fs = require("node:fs");
const file = process.env.NTH_BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
