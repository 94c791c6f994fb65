import { Worker } from "node:worker_threads";

/** Small helpers for timing: medians of several runs, and the process's resident memory. */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn` `runs` times (after `warmups` untimed runs); returns each run's milliseconds. */
export function timeRuns(runs: number, fn: () => void, warmups = 1, between?: () => void): number[] {
  for (let i = 0; i < warmups; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    between?.();
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * Like `timeRuns`, with the CPU time of each run as well (user + system, all threads of the process,
 * so garbage collection on helper threads counts). On a machine shared with other work the CPU time
 * moves less than the wall time.
 */
export function timeRunsWithCpu(
  runs: number,
  fn: () => void,
  warmups = 1,
  between?: () => void,
): { wall: number[]; cpu: number[] } {
  for (let i = 0; i < warmups; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    between?.();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    fn();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

/** Full garbage collection when node runs with --expose-gc, so one run's garbage is not billed to the next. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Peak resident set size of this process so far, in megabytes (getrusage ru_maxrss). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function rssMb(): number {
  return process.memoryUsage.rss() / (1024 * 1024);
}

/**
 * Samples the process's RSS every few milliseconds from a worker thread, so the peak of one phase
 * can be told apart from the peak of what ran before it (ru_maxrss only ever grows).
 */
export class RssSampler {
  private readonly worker: Worker;
  private readonly shared = new Float64Array(new SharedArrayBuffer(8));

  constructor(intervalMs = 2) {
    this.worker = new Worker(
      `const { workerData } = require("node:worker_threads");
       const peak = new Float64Array(workerData.buffer);
       setInterval(() => { const r = process.memoryUsage.rss(); if (r > peak[0]) peak[0] = r; }, workerData.intervalMs);`,
      { eval: true, workerData: { buffer: this.shared.buffer, intervalMs } },
    );
    this.worker.unref();
  }

  /** Starts a new phase: the peak is reset to the current RSS. */
  reset(): void {
    this.shared[0] = process.memoryUsage.rss();
  }

  /** The highest RSS seen since the last reset, in megabytes. */
  peakMb(): number {
    return Math.max(this.shared[0], process.memoryUsage.rss()) / (1024 * 1024);
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

/** The line a child process prints last: its results as JSON, for the parent to pick up. */
export const RESULT_PREFIX = "BENCH-RESULT ";

export function emitResult(result: unknown): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}
