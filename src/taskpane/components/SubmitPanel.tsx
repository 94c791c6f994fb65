import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { usePane } from "../paneContext";
import { formatCount, T } from "../text";

const useStyles = makeStyles({
  section: { display: "grid", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  help: { color: tokens.colorNeutralForeground3 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
});

/**
 * "Nộp báo cáo / Submit": the period, then "Tạo tệp nộp" makes the submission for the level above;
 * it opens as a new workbook in Excel, or is downloaded where Excel cannot open one.
 */
export function SubmitPanel(): React.JSX.Element {
  const { state, store, t } = usePane();
  const styles = useStyles();
  const [period, setPeriod] = React.useState("");
  const s = state.submission;
  return (
    <section className={styles.section} aria-labelledby="nth-submit">
      <Subtitle2 as="h2" id="nth-submit" className={styles.heading}>
        {t(T.submitTitle)}
      </Subtitle2>
      <Caption1 className={styles.help}>{t(T.submitHelp)}</Caption1>
      <div className={styles.row}>
        <Field label={t(T.submitPeriod)}>
          <Input
            value={period}
            placeholder={t(T.submitPeriodPlaceholder)}
            onChange={(_, data) => setPeriod(data.value)}
          />
        </Field>
        <Button
          appearance="secondary"
          disabled={s.kind === "running" || !state.capabilities.read.supported}
          onClick={() => void store.submit(period)}
        >
          {t(T.submitMake)}
        </Button>
        {s.kind === "running" && <Spinner size="tiny" label={t(T.submitRunning)} />}
      </div>
      {s.kind === "done" && (
        <MessageBar intent="success">
          <MessageBarBody>
            {t(s.outcome.destination === "newWorkbook" ? T.submitOpened : T.submitDownloaded)}{" "}
            {`${s.outcome.fileName}: ${s.outcome.manifest.unitName}, ${formatCount(s.outcome.manifest.consolidated, state.lang)}/${formatCount(s.outcome.manifest.villages, state.lang)}`}
          </MessageBarBody>
        </MessageBar>
      )}
      {s.kind === "failed" && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t(s.message)}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
