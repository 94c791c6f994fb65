import { parseArgs } from "../../src/cli/args";
import { runRequest } from "../../src/cli/commands";

/**
 * Runs one `nth-rollup` command line in this process, as the bin does, on a fixed clock
 * (1 June 2025): its exit code and everything it printed. A usage error throws, as `parseArgs` does.
 */
export async function runCli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runRequest(parseArgs(argv), {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    now: () => new Date("2025-06-01T00:00:00Z"),
    version: "test",
  });
  return { code, stdout, stderr };
}
