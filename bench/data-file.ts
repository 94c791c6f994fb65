/** Child of `npm run bench`: makes sure the .xlsx input of one size exists; prints its path as JSON. */
import { ensureDataFile } from "./data";
import type { SizeName } from "./generator/generate";

ensureDataFile(process.argv[2] as SizeName)
  .then((d) => console.log(JSON.stringify(d)))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
