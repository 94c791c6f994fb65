import { visible } from "./text";

/**
 * Progress on stderr for people at a terminal: nothing for a run that ends within a second, then
 * one line ("Đang đọc xa.xlsx… / reading xa.xlsx…") rewritten in place as the run moves on, and
 * cleared before anything else is printed and at the end. Never written when stderr is not a
 * terminal (a pipe, a file, a CI log), so scripts see exactly the lines they saw before.
 */
export interface Progress {
  /** The stage the run is in now (shown if the run has lasted a second or more). */
  readonly stage: (text: string) => void;
  /** Removes the line, if one is shown (before other output and at the end). */
  readonly clear: () => void;
  /** Clears the line for good: the run is over. */
  readonly end: () => void;
}

export const NO_PROGRESS: Progress = { stage: () => undefined, clear: () => undefined, end: () => undefined };

export interface ProgressClock {
  readonly now: () => number;
  /** Calls `f` once after `ms` without keeping the process alive. */
  readonly later: (f: () => void, ms: number) => void;
}

const NODE_CLOCK: ProgressClock = {
  now: () => Date.now(),
  later: (f, ms) => void setTimeout(f, ms).unref(),
};

/** Progress written with `write` (stderr), or none when `isTerminal` is false. */
export function terminalProgress(
  write: (text: string) => void,
  isTerminal: boolean,
  clock: ProgressClock = NODE_CLOCK,
  delayMs = 1000,
): Progress {
  if (!isTerminal) return NO_PROGRESS;
  const start = clock.now();
  let current: string | null = null;
  let shown = false;
  const show = (): void => {
    if (current === null || clock.now() - start < delayMs) return;
    write(`\r\x1b[K${visible(current)}`);
    shown = true;
  };
  clock.later(show, delayMs);
  const clear = (): void => {
    if (shown) write("\r\x1b[K");
    shown = false;
  };
  return {
    stage: (text) => {
      current = text;
      show();
    },
    clear,
    end: () => {
      current = null;
      clear();
    },
  };
}
