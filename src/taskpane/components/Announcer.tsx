import { makeStyles } from "@fluentui/react-components";
import * as React from "react";
import type { PaneState } from "../store";
import { usePane } from "../paneContext";
import { countOf, readingAnnouncement, T } from "../text";
import { stepText } from "./ReportsTab";

const useStyles = makeStyles({
  // Read by screen readers, not shown: the pane already shows each of these on screen.
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

type Say = (m: { vi: string; en: string }) => string;

/** What each part of the pane would say now; null when it has nothing to say. */
function sayings(state: PaneState, t: Say): Record<string, string | null> {
  const c = state.create;
  const k = state.check;
  const g = state.generation;
  const i = state.importing;
  return {
    create:
      c.kind === "running"
        ? t(T.announceCreating)
        : c.kind === "done"
          ? c.outcome.created.length === 0
            ? t(T.nothingCreated)
            : `${t(T.created)}: ${c.outcome.created.join(", ")}`
          : c.kind === "failed"
            ? t(c.message)
            : null,
    check:
      k.kind === "running"
        ? k.cancelling
          ? t(T.cancellingCheck)
          : k.progress
            ? readingAnnouncement(k.progress, state.lang)
            : t(T.announceChecking)
        : k.kind === "cancelled"
          ? t(T.checkCancelled)
          : k.kind === "ok"
            ? k.total === 0
              ? t(T.noIssues)
              : `${countOf(k.counts.errors, T.error1, T.errors, state.lang)} · ${countOf(k.counts.warnings, T.warning1, T.warnings, state.lang)}`
            : k.kind === "unusable"
              ? `${t(T.cannotUse)}. ${t(T.needsSheets)}`
              : k.kind === "failed"
                ? t(k.message)
                : null,
    generation:
      g.kind === "running"
        ? g.cancelling
          ? t(T.cancelling)
          : `${t(T.announceGenerating)} ${stepText(g.progress, t)}`
        : g.kind === "finished"
          ? g.outcome.status === "done"
            ? `${t(T.done)}: ${g.outcome.written.length} ${t(T.sheetsMade)}`
            : g.outcome.status === "cancelled"
              ? `${t(T.cancelled)}. ${t(T.cancelledBody)}`
              : `${t(g.outcome.status === "unusable" ? T.unusable : T.failed)}${g.outcome.message ? `: ${t(g.outcome.message)}` : ""}`
          : null,
    importing:
      i.kind === "reading"
        ? `${t(T.readingFiles)} ${countOf(i.count, T.file1, T.files, state.lang)}…`
        : i.kind === "applying" && i.step
          ? `${i.step.index + 1}/${i.step.total}: ${i.step.name}`
          : i.kind === "done"
            ? t(T.importDone)
            : i.kind === "failed"
              ? t(i.message)
              : null,
    status: state.status ? t(state.status.message) : null,
  };
}

/**
 * One polite live region for the whole pane: every progress step and every result (checked,
 * created, generated, imported, failed, a cell selected, a formula inserted) is said once, when
 * it changes, so a screen reader user hears what sighted users see appear. Always in the page
 * (a live region added together with its text is not read by every screen reader).
 */
export function Announcer(): React.JSX.Element {
  const { state, t } = usePane();
  const styles = useStyles();
  const said = React.useRef<Record<string, string | null>>({});
  const [text, setText] = React.useState("");
  const now = sayings(state, t);
  const key = JSON.stringify(now);
  React.useEffect(() => {
    const before = said.current;
    const changed = Object.keys(now).filter((part) => now[part] !== null && now[part] !== before[part]);
    said.current = now;
    if (changed.length > 0) setText(now[changed[changed.length - 1]] as string);
    // `key` stands for `now`: a new object each render, the same words most of the time.
  }, [key]);
  return (
    <div role="status" aria-live="polite" aria-atomic="true" id="nth-live" className={styles.hidden}>
      {text}
    </div>
  );
}
