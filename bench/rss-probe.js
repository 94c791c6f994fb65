"use strict";
// Preloaded into a measured child process (`node -r ./bench/rss-probe.js …`): at exit, writes the
// process's peak resident set size (getrusage ru_maxrss, kB) and CPU time (user and system, µs) as
// JSON to the file named by NTH_BENCH_RSS_FILE, so the benchmark can report the CLI's peak memory
// and CPU time without changing the CLI.
const fs = require("node:fs");
const file = process.env.NTH_BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    fs.writeFileSync(
      file,
      JSON.stringify({ maxRss: usage.maxRSS, user: usage.userCPUTime, system: usage.systemCPUTime }),
    );
  });
}
