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
