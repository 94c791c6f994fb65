/**
 * State shared by the parts of the add-in that run in the one shared runtime: the ribbon commands,
 * the task pane and the custom functions.
 *
 * webpack builds them as separate entries (taskpane.js, commands.js, functions.js), each with its
 * own copy of every module it imports, so a module-level variable would exist once per bundle.
 * The page's global object is the one thing the bundles have in common; the state lives there.
 */
import type { Message } from "../core/issues";

/** A message for the task pane to show, e.g. the outcome of a ribbon command. */
export interface PaneNotice {
  readonly intent: "info" | "success" | "warning" | "error";
  readonly title: Message;
  readonly body: Message;
}

/**
 * Generates the report sheets of the open workbook. The reports issue registers one with
 * `setReportGenerator`; the ribbon button "Lập báo cáo / Generate reports" calls it.
 */
export type ReportGenerator = () => Promise<void>;

type Listener = (notice: PaneNotice | null) => void;

interface SharedState {
  notice: PaneNotice | null;
  readonly listeners: Set<Listener>;
  reportGenerator: ReportGenerator | null;
}

const KEY = "__nthSharedRuntimeState";

function state(): SharedState {
  const global = globalThis as typeof globalThis & { [KEY]?: SharedState };
  global[KEY] ??= { notice: null, listeners: new Set(), reportGenerator: null };
  return global[KEY];
}

/** Shows a notice in the task pane (now if it is open, or when it next renders). */
export function showNotice(notice: PaneNotice | null): void {
  const s = state();
  s.notice = notice;
  for (const listener of s.listeners) listener(notice);
}

/** The notice waiting to be shown, if any. */
export function currentNotice(): PaneNotice | null {
  return state().notice;
}

/** Calls `listener` whenever the notice changes; returns the function that stops it. */
export function subscribeNotice(listener: Listener): () => void {
  const s = state();
  s.listeners.add(listener);
  return () => {
    s.listeners.delete(listener);
  };
}

/** Registers (or, with null, removes) the function the ribbon's "Generate reports" runs. */
export function setReportGenerator(generator: ReportGenerator | null): void {
  state().reportGenerator = generator;
}

/** The registered report generator, or null while none is registered. */
export function reportGenerator(): ReportGenerator | null {
  return state().reportGenerator;
}
