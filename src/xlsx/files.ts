import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Writes a file so that a reader never sees it half-written: the data goes to a temporary file in
 * the same folder (created if missing), which is then renamed over the target (atomic on one file
 * system). If anything
 * fails, the temporary file is removed and the old file, if any, is left as it was.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  await fs.promises.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.promises.writeFile(temp, data);
    await fs.promises.rename(temp, target);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
}

/** True when two paths name the same file (after resolving symbolic links where the file exists). */
export function isSameFile(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}
