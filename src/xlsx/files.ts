import * as fs from "node:fs";
import * as path from "node:path";
import { errorCode, FileSystemError, READ_ONLY } from "./fileErrors";

/**
 * The file-system calls the writer makes, in one small object so that a test can make one of them
 * fail (EBUSY, ENOSPC, EROFS…, which cannot be caused for real as root or without a special
 * disk) with `jest.spyOn(fileOps, "rename")`, without replacing Node's fs module.
 */
export const fileOps = {
  /** The operating system, for its ways of failing (a test can pretend to be Windows). */
  platform: process.platform as string,
  lstat: (p: string) => fs.promises.lstat(p),
  stat: (p: string) => fs.promises.stat(p),
  readlink: (p: string) => fs.promises.readlink(p),
  realpath: (p: string) => fs.promises.realpath(p),
  mkdir: (p: string) => fs.promises.mkdir(p, { recursive: true }),
  readdir: (p: string) => fs.promises.readdir(p),
  rm: (p: string) => fs.promises.rm(p, { force: true }),
  /**
   * Whether this user may write the existing file `p`: opened for writing (not truncated, nothing
   * written) and closed, so the system itself decides (mode, owner, effective user, ACLs, the
   * read-only attribute on Windows). False for EACCES and EPERM; other errors (EBUSY: held open
   * on Windows, EROFS…) are thrown for their own message.
   */
  writable: async (p: string): Promise<boolean> => {
    let handle: fs.promises.FileHandle;
    try {
      handle = await fs.promises.open(p, fs.constants.O_WRONLY);
    } catch (error) {
      const code = errorCode(error);
      if (code === "EACCES" || code === "EPERM") return false;
      if (code === "ENOENT") return true; // removed meanwhile: nothing to protect
      throw error;
    }
    await handle.close();
    return true;
  },
  open: (p: string, flags: string | number, mode?: number) => fs.promises.open(p, flags, mode),
  /** Writes all of `data` at the handle's position (a loop: one write may write less). */
  writeAll: async (handle: fs.promises.FileHandle, data: Uint8Array): Promise<void> => {
    for (let offset = 0; offset < data.length;) {
      const { bytesWritten } = await handle.write(data, offset, Math.min(data.length - offset, 1 << 24));
      offset += bytesWritten;
    }
  },
  /** Flushes a file's data to disk (fsync), before it is renamed over the target. */
  syncFile: (handle: fs.promises.FileHandle) => handle.sync(),
  rename: (from: string, to: string) => fs.promises.rename(from, to),
  /** Flushes a folder's entry (the rename) to disk; not possible on every system (Windows). */
  syncFolder: async (dir: string): Promise<void> => {
    let handle: fs.promises.FileHandle | undefined;
    try {
      handle = await fs.promises.open(dir, "r");
      await handle.sync();
    } catch {
      // Windows cannot open a folder; some file systems refuse fsync on one: the file itself is synced.
    } finally {
      await handle?.close().catch(() => undefined);
    }
  },
};

/** Symbolic links followed before giving up with ELOOP, as Linux does. */
const MAX_LINKS = 40;

/** Temporary files: `.nth-<pid>-<random>.tmp`, short whatever the target's name (NAME_MAX is 255 bytes). */
const TEMPORARY = /^\.nth-(\d+)-[0-9a-z]+\.tmp$/;
/** The older naming, `.<target>.<pid>.<time>.tmp`: still cleaned up. */
const OLD_TEMPORARY = /^\..+\.(\d+)\.\d+\.tmp$/;

/**
 * Writes a file so that a reader never sees it half-written and a failure never destroys the
 * old one: the data goes to a temporary file with a short name in the target's folder (created if
 * missing), is flushed to disk, then renamed over the target (atomic on one file system), and the
 * folder is flushed. Replacing an existing file keeps its permissions; a symbolic link is written
 * through (its target is replaced, the link stays a link). A target that is not a regular file (a
 * terminal, a pipe such as /dev/stdout) is written directly. An existing file this user may not
 * write (read-only) is refused, never replaced. Temporary files of runs that died are removed.
 *
 * `data`: text (written as UTF-8), bytes, or bytes in pieces written one after the other.
 *
 * Any file-system failure throws a `FileSystemError` naming `label` (default: `target` as given),
 * never the temporary file; the temporary file is removed and an existing target left as it was.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array | readonly Uint8Array[],
  label: string = target,
): Promise<void> {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const fail = (error: unknown): never => {
    const code = errorCode(error);
    if (code === null) throw error;
    throw new FileSystemError(label, code, "write", { cause: error });
  };
  // A pipe, terminal or device, however it is reached (/dev/stdout is a link to /proc/self/fd/1,
  // whose link text "pipe:[…]" names no path): written straight, by the name given.
  const reached = await fileOps.stat(path.resolve(target)).catch(() => null);
  if (reached && !reached.isFile() && !reached.isDirectory()) {
    await writeStraight(path.resolve(target), bytes).catch(fail);
    return;
  }
  const real = await resolveLinks(path.resolve(target)).catch(fail);
  const existing = await fileOps.stat(real).catch((error: unknown) => {
    if (errorCode(error) === "ENOENT") return null;
    return fail(error);
  });
  if (existing?.isDirectory()) fail(Object.assign(new Error("EISDIR"), { code: "EISDIR" }));
  if (existing && !existing.isFile()) {
    await writeStraight(real, bytes).catch(fail);
    return;
  }
  // A file its owner made read-only (or one this user may not write) is refused, not replaced: the
  // rename below needs only the folder's permission and would silently replace it (Windows would
  // refuse the rename itself, with an error that reads like "open in Excel").
  if (existing && !(await fileOps.writable(real).catch(fail)))
    throw new FileSystemError(label, READ_ONLY, "write");
  const dir = path.dirname(real);
  await fileOps.mkdir(dir).catch(fail);
  await removeAbandonedTemporaryFiles(dir);
  const temp = path.join(dir, `.nth-${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  let created = false;
  try {
    const handle = await fileOps.open(temp, "wx", existing ? existing.mode & 0o7777 : 0o666);
    created = true;
    try {
      await writePieces(handle, bytes);
      // The umask applied at creation: an existing file's permissions are set again exactly.
      if (existing) await handle.chmod(existing.mode & 0o7777);
      await fileOps.syncFile(handle);
    } finally {
      await handle.close();
    }
    await fileOps.rename(temp, real).catch((error: unknown) => {
      // Windows refuses to replace a file another program holds open (the old report still open
      // in Excel) with EPERM or EACCES as often as with EBUSY: say what the clerk can do about it.
      const code = errorCode(error);
      if (fileOps.platform === "win32" && existing && (code === "EPERM" || code === "EACCES"))
        throw Object.assign(new Error(`EBUSY (${code})`), { code: "EBUSY", cause: error });
      throw error;
    });
    created = false;
  } catch (error) {
    if (created) await fileOps.rm(temp).catch(() => undefined);
    fail(error);
  }
  await fileOps.syncFolder(dir);
}

/**
 * Writes bytes given whole or in pieces (the report's zip, not joined), in order; pieces under
 * 64 KiB (zip headers) are joined with their neighbours so that each write is a large one.
 */
async function writePieces(
  handle: fs.promises.FileHandle,
  bytes: Uint8Array | readonly Uint8Array[],
): Promise<void> {
  if (!Array.isArray(bytes)) return fileOps.writeAll(handle, bytes as Uint8Array);
  const small: Uint8Array[] = [];
  const flush = async (): Promise<void> => {
    if (small.length > 0) await fileOps.writeAll(handle, Buffer.concat(small));
    small.length = 0;
  };
  for (const piece of bytes as readonly Uint8Array[]) {
    if (piece.length < 1 << 16) {
      small.push(piece);
    } else {
      await flush();
      await fileOps.writeAll(handle, piece);
    }
  }
  await flush();
}

async function writeStraight(file: string, bytes: Uint8Array | readonly Uint8Array[]): Promise<void> {
  // Opening a pipe that nobody reads waits forever: first a non-blocking open, which fails at once
  // with ENXIO when there is no reader (and opens anything else as usual); it stays open until the
  // real one is (closing it first would end the reader's input).
  const probe = await fileOps.open(file, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
  let handle: fs.promises.FileHandle;
  try {
    handle = await fileOps.open(file, "w");
  } finally {
    await probe.close();
  }
  try {
    await writePieces(handle, bytes);
  } finally {
    await handle.close();
  }
}

/**
 * The file a write to `p` changes: symbolic links of the last component followed (relative ones
 * from their own folder), up to MAX_LINKS, then ELOOP. Folders on the way are left to the system.
 */
async function resolveLinks(p: string): Promise<string> {
  let current = p;
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    let stat: fs.Stats;
    try {
      stat = await fileOps.lstat(current);
    } catch (error) {
      if (errorCode(error) === "ENOENT") return current;
      throw error;
    }
    if (!stat.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), await fileOps.readlink(current));
  }
  throw Object.assign(new Error("ELOOP"), { code: "ELOOP" });
}

/**
 * A process killed while it wrote (power cut, Ctrl+C twice, out of memory) cannot remove its
 * temporary file: the next write into the same folder removes the temporary files of processes
 * that are no longer running. Those of a running process (another write at the same time) are left.
 */
async function removeAbandonedTemporaryFiles(dir: string): Promise<void> {
  for (const name of await fileOps.readdir(dir).catch(() => [] as string[])) {
    const pid = (TEMPORARY.exec(name) ?? OLD_TEMPORARY.exec(name))?.[1];
    if (pid === undefined || isRunning(Number(pid))) continue;
    await fileOps.rm(path.join(dir, name)).catch(() => undefined);
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

/**
 * The path a write to `p` would change, for comparing outputs with inputs and with each other:
 * symbolic links followed (also in the folders), `..` resolved; a file that does not exist yet is
 * placed in the real path of its nearest existing folder.
 */
export function writtenPath(p: string): string {
  let current = path.resolve(p);
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    try {
      return fs.realpathSync(current);
    } catch {
      // Missing, or a dangling link: follow the link by hand, or place the name in its real folder.
    }
    let link: string | null = null;
    try {
      if (fs.lstatSync(current).isSymbolicLink()) link = fs.readlinkSync(current);
    } catch {
      link = null;
    }
    if (link === null) {
      const parent = path.dirname(current);
      return parent === current ? current : path.join(writtenPath(parent), path.basename(current));
    }
    current = path.resolve(path.dirname(current), link);
  }
  return current;
}

/**
 * True when two paths name the same file: the same device and inode when both exist (hard links,
 * symbolic links, `..`, a different case on a case-insensitive disk), else the same resolved path.
 */
export function isSameFile(a: string, b: string): boolean {
  try {
    const sa = fs.statSync(a, { bigint: true });
    const sb = fs.statSync(b, { bigint: true });
    if (sa.ino !== 0n && sb.ino !== 0n) return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    // One of them does not exist (yet): compare where a write would go.
  }
  return writtenPath(a) === writtenPath(b);
}
