/** Writes the hostile corpus into a folder: `node bin/dev/run-ts.js scripts/hostile/generate.ts OUTDIR`. */
import { writeHostileCorpus } from "./corpus";

const out = process.argv[2];
if (!out) throw new Error("usage: scripts/hostile/generate.ts OUTDIR");
for (const c of writeHostileCorpus(out)) console.log(`${c.name}\t${c.what}`);
