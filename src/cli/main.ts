import { parseArgs, UsageError, USAGE } from "./args";
import { runRequest } from "./commands";

/** Entry point of `nth-rollup`: parses, runs, and sets the exit code. */
export async function main(argv: readonly string[], version: string): Promise<number> {
  const io = {
    stdout: (t: string) => process.stdout.write(t),
    stderr: (t: string) => process.stderr.write(t),
    now: () => new Date(),
    version,
  };
  for (const stream of [process.stdout, process.stderr]) stream.on("error", closedPipe);
  try {
    return await runRequest(parseArgs(argv), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`nth-rollup: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    io.stderr(`nth-rollup: lỗi không mong đợi / unexpected error: ${(error as Error).message}\n`);
    return 70;
  }
}

/**
 * A reader that stops reading early (`nth-rollup … --json - | head`) closes the pipe: the rest of
 * the output has nowhere to go and is dropped, as other command-line tools do, instead of Node's
 * "Unhandled 'error' event" and its stack trace. Any other failure of the terminal stream ends the
 * run with one line, where it can still be written.
 */
function closedPipe(error: NodeJS.ErrnoException): void {
  if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") return;
  process.exitCode = 70;
  try {
    process.stderr.write(`nth-rollup: lỗi ghi đầu ra / cannot write the output: ${error.message}\n`);
  } catch {
    // stderr is gone too: nothing more can be said.
  }
}
