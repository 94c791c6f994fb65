import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { usePane } from "../paneContext";
import type { PaneState } from "../store";
import { countOf, readingText, T } from "../text";
import { GlancePanel } from "./GlancePanel";
import { IssueList } from "./IssueList";
import { useRefocusWhenRunEnds } from "./useRefocus";

const useStyles = makeStyles({
  root: { display: "grid", rowGap: tokens.spacingVerticalL },
  section: { display: "grid", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  help: { color: tokens.colorNeutralForeground2 },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  counts: { fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function CreateSection(): React.JSX.Element {
  const { state, store, t } = usePane();
  const styles = useStyles();
  const c = state.create;
  const supported = state.capabilities.createSheets.supported;
  return (
    <section className={styles.section} aria-labelledby="nth-create">
      <Subtitle2 as="h2" id="nth-create" className={styles.heading}>
        {t(T.createTitle)}
      </Subtitle2>
      <Caption1 className={styles.help}>{t(T.createHelp)}</Caption1>
      <div className={styles.row}>
        <Button
          onClick={() => void store.createSheets()}
          disabledFocusable={!supported || c.kind === "running"}
          appearance={firstRun(state) ? "primary" : "secondary"}
        >
          {t(T.createButton)}
        </Button>
        {c.kind === "running" && <Spinner size="tiny" label={t(T.creating)} />}
      </div>
      {c.kind === "done" && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {c.outcome.created.length === 0 ? (
              t(T.nothingCreated)
            ) : (
              <>
                <MessageBarTitle>{t(T.created)}:</MessageBarTitle> {c.outcome.created.join(", ")}
              </>
            )}
            {c.outcome.skipped.length > 0 && c.outcome.created.length > 0 && (
              <div>
                {t(T.alreadyThere)}: {c.outcome.skipped.map((s) => s.sheet).join(", ")}
              </div>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {c.kind === "failed" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t(c.message)}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

function CheckSection(): React.JSX.Element {
  const { state, store, t } = usePane();
  const styles = useStyles();
  const c = state.check;
  const supported = state.capabilities.read.supported;
  const checkButton = React.useRef<HTMLButtonElement>(null);
  useRefocusWhenRunEnds(c.kind === "running", checkButton);
  return (
    <section className={styles.section} aria-labelledby="nth-check">
      <Subtitle2 as="h2" id="nth-check" className={styles.heading}>
        {t(T.checkTitle)}
      </Subtitle2>
      <Caption1 className={styles.help}>{t(T.checkHelp)}</Caption1>
      <div className={styles.row}>
        <Button
          ref={checkButton}
          appearance={firstRun(state) ? "secondary" : "primary"}
          onClick={() => void store.check()}
          disabledFocusable={!supported || c.kind === "running"}
        >
          {t(T.checkButton)}
        </Button>
        {c.kind === "running" && (
          <>
            <Spinner
              size="tiny"
              label={
                c.cancelling
                  ? t(T.cancellingCheck)
                  : c.progress
                    ? readingText(c.progress, state.lang)
                    : t(T.checking)
              }
            />
            <Button onClick={store.cancelCheck} disabledFocusable={c.cancelling}>
              {t(T.cancel)}
            </Button>
          </>
        )}
        {c.kind === "ok" && (
          <Body1 className={styles.counts}>
            {countOf(c.counts.errors, T.error1, T.errors, state.lang)} ·{" "}
            {countOf(c.counts.warnings, T.warning1, T.warnings, state.lang)}
          </Body1>
        )}
      </div>
      {c.kind === "ok" && c.total === 0 && (
        <MessageBar intent="success">
          <MessageBarBody>{t(T.noIssues)}</MessageBarBody>
        </MessageBar>
      )}
      {c.kind === "ok" && c.total > 0 && <IssueList groups={c.groups} />}
      {c.kind === "unusable" && (
        <MessageBar intent={c.empty ? "info" : "warning"} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t(T.cannotUse)}</MessageBarTitle>
            {t(T.needsSheets)}
          </MessageBarBody>
        </MessageBar>
      )}
      {c.kind === "cancelled" && (
        <MessageBar intent="info">
          <MessageBarBody>{t(T.checkCancelled)}</MessageBarBody>
        </MessageBar>
      )}
      {c.kind === "failed" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t(c.message)}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

/**
 * A first run: the workbook has no standard sheets yet (the demo's empty workbook, or a check found
 * nothing to read) and none were created. Creating them is then the primary action, shown first.
 */
function firstRun(state: PaneState): boolean {
  if (state.create.kind === "done") return false;
  return (
    state.check.kind === "unusable" ||
    (state.check.kind === "none" && state.demo === "empty" && state.mode === "demo")
  );
}

/** Create the standard sheets; check the data; the figures at a glance after a check. */
export function DataTab(): React.JSX.Element {
  const { state } = usePane();
  const styles = useStyles();
  const first = firstRun(state);
  return (
    <div className={styles.root}>
      {first && <CreateSection />}
      <CheckSection />
      {state.check.kind === "ok" && state.check.glance.villages > 0 && (
        <GlancePanel glance={state.check.glance} />
      )}
      {!first && <CreateSection />}
    </div>
  );
}
