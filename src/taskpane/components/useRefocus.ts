import * as React from "react";

/**
 * Keeps keyboard focus in the pane when a run ends: the Cancel button a keyboard user pressed (or
 * was on) goes away with the progress, and the browser then puts focus on the page body. When
 * `running` turns false and focus is on the body, it moves to `fallback` (the button that starts
 * the run again), where the result is read next to it.
 */
export function useRefocusWhenRunEnds(running: boolean, fallback: React.RefObject<HTMLElement | null>): void {
  const was = React.useRef(running);
  React.useEffect(() => {
    if (was.current && !running) {
      const active = document.activeElement;
      if (active === null || active === document.body) fallback.current?.focus();
    }
    was.current = running;
  }, [running, fallback]);
}
