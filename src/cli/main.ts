import { fstatSync, readlinkSync, writeSync } from "node:fs";
import { parseArgs, UsageError } from "./args";
import { runRequest } from "./commands";
import { terminalProgress } from "./progress";
import { errorCode, FileSystemError, isFileSystemError } from "../xlsx/fileErrors";
import { visible } from "./text";

/** Entry point of `nth-rollup`: parses, runs, and sets the exit code. */
export async function main(argv: readonly string[], version: string): Promise<number> {
  const progress = terminalProgress((t) => process.stderr.write(t), process.stderr.isTTY === true);
  const io = {
    stdout: isRegularFile(1) ? fileWriter(1, nameOfStdout()) : (t: string) => process.stdout.write(t),
    stderr: (t: string) => {
      progress.clear();
      process.stderr.write(t);
    },
    now: () => new Date(),
    version,
    progress,
  };
  process.stdout.on("error", (error: NodeJS.ErrnoException) => closedPipe(error, false));
  process.stderr.on("error", (error: NodeJS.ErrnoException) => closedPipe(error, true));
  try {
    return await runRequest(parseArgs(argv), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`nth-rollup: ${visible(error.message)} (nth-rollup --help)\n`);
      return 2;
    }
    // A file-system error the command did not place (a clerk's doing, not a bug): one line, exit 1.
    const code = errorCode(error);
    if (
      isFileSystemError(error) ||
      (code !== null && typeof (error as { path?: unknown }).path === "string")
    ) {
      const known = isFileSystemError(error)
        ? error
        : new FileSystemError((error as { path: string }).path, code!, "read");
      io.stderr(visible(`nth-rollup: ${known.message}`) + "\n");
      return 1;
    }
    io.stderr(`nth-rollup: lỗi không mong đợi / unexpected error: ${(error as Error).message}\n`);
    return 70;
  } finally {
    progress.end();
  }
}

/** True when the descriptor is open on a regular file (`> summary.json`), not a terminal or a pipe. */
function isRegularFile(fd: number): boolean {
  try {
    return fstatSync(fd).isFile();
  } catch {
    return false;
  }
}

/** The file stdout was sent to, as the system names it (Linux), else "stdout". */
function nameOfStdout(): string {
  try {
    return readlinkSync("/proc/self/fd/1");
  } catch {
    return "stdout";
  }
}

/**
 * Writes to a regular file, every byte or a `FileSystemError`. Node's stdout on a file writes each
 * chunk once and drops what a short write left: under a limit on file size (`ulimit -f`) the
 * summary was cut and the run still ended with exit 0. Here a short write is followed by the write
 * of the rest, which the system refuses with its reason (EFBIG, ENOSPC…): one line, exit 1.
 * Exported for its test.
 */
export function fileWriter(fd: number, name: string): (text: string) => void {
  return (text) => {
    const bytes = Buffer.from(text, "utf8");
    let offset = 0;
    try {
      while (offset < bytes.length) {
        const written = writeSync(fd, bytes, offset, bytes.length - offset);
        // A regular file takes some bytes or refuses with a reason; a write of none would loop.
        if (written <= 0) throw Object.assign(new Error("no byte written"), { code: "EIO" });
        offset += written;
      }
    } catch (error) {
      throw new FileSystemError(name, errorCode(error) ?? "EIO", "write", { cause: error });
    }
  };
}

/** What `exitWhenFlushed` needs of stdout and stderr: what is still queued, and a write that calls back. */
export interface FlushableStream {
  /** Bytes written but not yet handed to the system (0 for the synchronous files and pipes of Linux). */
  readonly writableLength: number;
  write(chunk: string, callback: (error?: Error | null) => void): boolean;
}

/**
 * Ends the process once everything written to `streams` (stdout and stderr) has been handed to the
 * system, with the exit code then set (`process.exitCode`: the code of the run, or 1 set by
 * `closedPipe` meanwhile). Ending here instead of when the event loop empties spares the teardown
 * of the heap, which a run leaves at about 500 MB at country size: from the "exit" event to the
 * end of the process took 0.13–0.15 s that way, 0.10 s this way at a load of 3–4, and 0.34–0.46 s
 * against 0.12–0.20 s at a load of 5–8 (the rest is the system freeing the process's memory).
 *
 * Output is never cut short: a stream with output still queued (an asynchronous pipe, as on
 * Windows, whose reader is slow) is given an empty write, which calls back only after the writes
 * before it have gone out. A stream with nothing queued is not written to at all: an empty write to
 * a stream that cannot be written (`2>/dev/full`) fails again and would raise an "error" event the
 * run never caused. The process ends a turn of the event loop later, after any "error" event of a
 * failed write (`closedPipe` may set the exit code), as it would have ended anyway.
 */
export function exitWhenFlushed(
  streams: readonly FlushableStream[] = [process.stdout, process.stderr],
  exit: () => void = () => process.exit(),
): void {
  const queued = streams.filter((stream) => stream.writableLength > 0);
  let waiting = queued.length;
  // A turn of the event loop later: after an "error" event the failed write has queued.
  const done = (): void => {
    if (--waiting === 0) setImmediate(exit);
  };
  if (waiting === 0) setImmediate(exit);
  for (const stream of queued) {
    try {
      stream.write("", () => done());
    } catch {
      done();
    }
  }
}

/** Whether `closedPipe` has said that the output could not be written (it says so once). */
let outputFailureSaid = false;

/**
 * A reader that stops reading early (`nth-rollup … --json - | head`) closes the pipe: the rest of
 * the output has nowhere to go and is dropped, as other command-line tools do, instead of Node's
 * "Unhandled 'error' event" and its stack trace. Any other failure of the terminal stream ends the
 * run with one line, where it can still be written.
 */
function closedPipe(error: NodeJS.ErrnoException, onStderr: boolean): void {
  if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") return;
  // A device or disk that refuses the output (`> /dev/full`, a full disk) is the clerk's to fix: exit 1.
  process.exitCode = 1;
  // Said once, and never on stderr when stderr is the stream that failed: writing there would fail
  // again and call this again, for ever (`>/dev/full 2>/dev/full` spun at full CPU).
  if (onStderr || outputFailureSaid) return;
  outputFailureSaid = true;
  const code = errorCode(error);
  const line =
    code !== null
      ? new FileSystemError(nameOfStdout(), code, "write").message
      : `lỗi ghi đầu ra / cannot write the output: ${error.message}`;
  try {
    process.stderr.write(`nth-rollup: ${visible(line)}\n`);
  } catch {
    // stderr is gone too: nothing more can be said.
  }
}
