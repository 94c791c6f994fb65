import { TextDecoder, TextEncoder } from "node:util";

/**
 * jsdom (the pane's component tests) lacks TextEncoder/TextDecoder, which every browser the pane
 * runs in has and which the package writer and the reader use: give them Node's.
 */
const globals = globalThis as { TextEncoder?: unknown; TextDecoder?: unknown };
globals.TextEncoder ??= TextEncoder;
globals.TextDecoder ??= TextDecoder;
