import { readdirSync, statSync } from "fs";
import * as path from "path";

/** Every .xlsx file under a folder, its subfolders included, in name order. */
export function xlsxFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...xlsxFilesUnder(full));
    else if (name.endsWith(".xlsx")) out.push(full);
  }
  return out;
}
