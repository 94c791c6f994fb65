import {
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { selfTestText } from "../../port/selfTest";
import { usePane } from "../paneContext";
import { T } from "../text";

const useStyles = makeStyles({
  about: {
    display: "grid",
    rowGap: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  report: { fontFamily: tokens.fontFamilyMonospace },
});

/** Copies a text: the clipboard API, else the selected text of `area` (older hosts). */
async function copy(text: string, area: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!area) return false;
    area.select();
    return document.execCommand?.("copy") ?? false;
  }
}

/**
 * The pane's about area: the compatibility self-test ("Kiểm tra tương thích"), its result and the
 * report as text with a Copy button.
 */
export function SelfTestPanel(): React.JSX.Element {
  const { state, store, t } = usePane();
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const [copied, setCopied] = React.useState(false);
  const area = React.useRef<HTMLTextAreaElement>(null);
  const s = state.selfTest;
  const text = s.kind === "done" ? selfTestText(s.report, state.lang) : "";
  const passed = s.kind === "done" ? s.report.checks.filter((c) => c.passed).length : 0;
  const total = s.kind === "done" ? s.report.checks.length : 0;
  return (
    <section className={styles.about} aria-label={t(T.selfTest)}>
      <div className={styles.row}>
        <Button appearance="subtle" size="small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t(T.selfTest)}
        </Button>
      </div>
      {open && (
        <>
          <Caption1>{t(T.selfTestAbout)}</Caption1>
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={s.kind === "running"}
              onClick={() => {
                setCopied(false);
                void store.runSelfTest();
              }}
            >
              {t(T.selfTestRun)}
            </Button>
            {s.kind === "running" && <Spinner size="tiny" label={t(T.selfTestRunning)} />}
          </div>
          {s.kind === "failed" && (
            <MessageBar intent="error">
              <MessageBarBody>{t(s.message)}</MessageBarBody>
            </MessageBar>
          )}
          {s.kind === "done" && (
            <>
              <MessageBar intent={passed === total && s.report.cleanedUp ? "success" : "warning"}>
                <MessageBarBody>
                  {t({
                    vi: `Đạt ${passed}/${total} mục kiểm tra.`,
                    en: `${passed} of ${total} checks passed.`,
                  })}
                </MessageBarBody>
              </MessageBar>
              <Field label={t(T.selfTestReport)}>
                <Textarea
                  ref={area}
                  className={styles.report}
                  value={text}
                  readOnly
                  resize="vertical"
                  rows={8}
                />
              </Field>
              <div className={styles.row}>
                <Button onClick={() => void copy(text, area.current).then(setCopied)}>
                  {t(T.selfTestCopy)}
                </Button>
                {copied && <Caption1 role="status">{t(T.selfTestCopied)}</Caption1>}
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
