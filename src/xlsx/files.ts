import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Writes a file so that a reader never sees it half-written: the data goes to a temporary file in
 * the same folder (created if missing), which is then renamed over the target (atomic on one file
 * system). If anything fails, the temporary file is removed and the old file, if any, is left as it
 * was; temporary files left by a killed process are removed by the next write.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  await fs.promises.mkdir(dir, { recursive: true });
  await removeAbandonedTemporaryFiles(dir, path.basename(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.promises.writeFile(temp, data);
    await fs.promises.rename(temp, target);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
}

/**
 * A process killed while it wrote (power cut, Ctrl+C twice, out of memory) cannot remove its
 * temporary file: the next write to the same target removes the temporary files of processes that
 * are no longer running. Those of a running process (another write at the same time) are left.
 */
async function removeAbandonedTemporaryFiles(dir: string, base: string): Promise<void> {
  const pattern = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(\\d+)\\.\\d+\\.tmp$`);
  for (const name of await fs.promises.readdir(dir).catch(() => [] as string[])) {
    const pid = pattern.exec(name)?.[1];
    if (pid === undefined || isRunning(Number(pid))) continue;
    await fs.promises.rm(path.join(dir, name), { force: true }).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
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
