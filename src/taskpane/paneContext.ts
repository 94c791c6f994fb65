import * as React from "react";
import type { Message } from "../core/issues";
import type { PaneState, PaneStore } from "./store";
import { tr } from "./text";

/** The store and its current state, for every component of the pane. */
export interface PaneContextValue {
  readonly store: PaneStore;
  readonly state: PaneState;
  /** A text in the pane's language. */
  readonly t: (message: Message) => string;
}

export const PaneContext = React.createContext<PaneContextValue | null>(null);

export function usePane(): PaneContextValue {
  const value = React.useContext(PaneContext);
  if (!value) throw new Error("usePane outside <App>");
  return value;
}

/** Subscribes to a store and gives the context value. */
export function usePaneStore(store: PaneStore): PaneContextValue {
  const state = React.useSyncExternalStore(store.subscribe, store.getState);
  return React.useMemo(() => ({ store, state, t: (m: Message) => tr(state.lang, m) }), [store, state]);
}
