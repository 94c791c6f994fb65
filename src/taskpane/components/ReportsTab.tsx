import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { UnitChoice } from "../../app/focus";
import { SOURCE_LABELS, shownValue } from "../../app/settingsForm";
import { MANUAL_CALCULATION, type GenerateOutcome, type GenerateProgress } from "../../app/workflows";
import type { UnitLevel } from "../../core/rollup/types";
import { REPORT_IDS } from "../../report/description";
import { labelsFor } from "../../report/labels";
import { usePane } from "../paneContext";
import { T } from "../text";
import { GlancePanel } from "./GlancePanel";
import { useRefocusWhenRunEnds } from "./useRefocus";

const useStyles = makeStyles({
  root: { display: "grid", rowGap: tokens.spacingVerticalL },
  section: { display: "grid", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  help: { color: tokens.colorNeutralForeground2 },
  checks: { display: "grid", margin: 0, padding: 0, border: "none" },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  fields: { display: "grid", rowGap: tokens.spacingVerticalS },
  sheets: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

const LEVELS: readonly UnitLevel[] = ["province", "district", "commune"];

function unitLabel(u: UnitChoice, units: readonly UnitChoice[]): string {
  if (u.level !== "commune") return u.name;
  // A commune with its district (or province) to tell apart communes of the same name.
  const parentId = u.id.slice(0, u.id.lastIndexOf("/"));
  const parent = units.find((p) => p.id === parentId);
  return parent ? `${u.name} (${parent.name})` : u.name;
}

function UnitPicker(): React.JSX.Element {
  const { state, store, t } = usePane();
  const styles = useStyles();
  if (state.units.length === 0) {
    return (
      <div className={styles.row}>
        <Caption1 className={styles.help}>{t(T.unitsUnknown)}</Caption1>
        <Button
          size="small"
          onClick={() => void store.check()}
          disabledFocusable={state.check.kind === "running"}
        >
          {t(T.readUnits)}
        </Button>
      </div>
    );
  }
  const chosen = state.units.find((u) => u.id === state.choices.unitId) ?? state.units[0];
  const levels = LEVELS.filter((l) => state.units.some((u) => u.level === l));
  const atLevel = state.units.filter((u) => u.level === chosen.level);
  return (
    <div className={styles.fields}>
      <Field label={t(T.level)}>
        <Select
          value={chosen.level}
          onChange={(_, data) => {
            const first = state.units.find((u) => u.level === data.value);
            if (first) store.setChoices({ unitId: first.id });
          }}
        >
          {levels.map((l) => (
            <option key={l} value={l}>
              {t(T.levels[l])}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t(T.unit)}>
        <Select value={chosen.id} onChange={(_, data) => store.setChoices({ unitId: data.value })}>
          {atLevel.map((u) => (
            <option key={u.id} value={u.id}>
              {unitLabel(u, state.units)}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

function ReportChoices(): React.JSX.Element {
  const { state, store, t } = usePane();
  const styles = useStyles();
  const names = labelsFor(state.lang).sheetNames;
  return (
    <fieldset className={styles.checks}>
      <legend className={styles.legend}>{t(T.whichReports)}</legend>
      {REPORT_IDS.map((id) => (
        <Checkbox
          key={id}
          checked={state.choices.reports.includes(id)}
          onChange={(_, data) => store.toggleReport(id, data.checked === true)}
          label={names[id]}
        />
      ))}
    </fieldset>
  );
}

function HeaderFields(): React.JSX.Element | null {
  const { state, store, t } = usePane();
  const styles = useStyles();
  if (state.form.length === 0) return null;
  return (
    <Accordion collapsible>
      <AccordionItem value="header">
        <AccordionHeader>{t(T.headerBlock)}</AccordionHeader>
        <AccordionPanel>
          <div className={styles.fields}>
            <Caption1 className={styles.help}>{t(T.headerHelp)}</Caption1>
            {state.form.map((f) => {
              const edit = state.edits.get(f.key);
              const value = edit ?? f.value;
              const shown = shownValue(f, edit);
              const onChange = (_: unknown, data: { value: string }): void =>
                store.setEdit(f.key, data.value);
              const used =
                shown.source === "none"
                  ? t(SOURCE_LABELS.none)
                  : `${t(T.headerUsed)}: ${shown.effective.replace(/\n/g, "; ")} (${t(SOURCE_LABELS[shown.source])})`;
              return (
                <Field key={f.key} label={t(f.label)} hint={used}>
                  {f.key === "recipients" ? (
                    <Textarea
                      value={value}
                      placeholder={f.placeholder}
                      onChange={onChange}
                      resize="vertical"
                    />
                  ) : (
                    <Input value={value} placeholder={f.placeholder} onChange={onChange} />
                  )}
                </Field>
              );
            })}
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

export function stepText(
  progress: GenerateProgress | null,
  t: (m: { vi: string; en: string }) => string,
): string {
  const step = progress?.step;
  if (!step || step.kind === "read") return t(T.stepRead);
  if (step.kind === "analyse") return t(T.stepAnalyse);
  if (step.kind === "write") return `${t(T.stepWrite)} ${step.index + 1}/${step.total}: ${step.name}`;
  return t(T.stepChart);
}

function Progress(): React.JSX.Element | null {
  const { state, store, t } = usePane();
  const styles = useStyles();
  const g = state.generation;
  if (g.kind !== "running") return null;
  return (
    <div className={styles.section}>
      <Field
        label={t(T.progressLabel)}
        validationMessage={g.cancelling ? t(T.cancelling) : stepText(g.progress, t)}
        validationState="none"
      >
        <ProgressBar value={g.progress?.fraction ?? 0} max={1} thickness="large" />
      </Field>
      <div>
        <Button onClick={store.cancel} disabledFocusable={g.cancelling}>
          {t(T.cancel)}
        </Button>
      </div>
    </div>
  );
}

function Result({ outcome }: { outcome: GenerateOutcome }): React.JSX.Element {
  const { store, t } = usePane();
  const styles = useStyles();
  const links =
    outcome.written.length > 0 ? (
      <ul className={styles.sheets}>
        {outcome.written.map((w) => (
          <li key={w.name}>
            <Link
              as="button"
              onClick={() => void store.select(w.name, "")}
              aria-label={`${t(T.openSheet)} ${w.name}`}
            >
              {w.name}
            </Link>
            {w.replaced ? ` (${t(T.replaced)})` : ""}
          </li>
        ))}
      </ul>
    ) : null;
  if (outcome.status === "done") {
    return (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            {t(T.done)}: {outcome.written.length} {t(T.sheetsMade)}
          </MessageBarTitle>
          {links}
          {outcome.chart && <div>{t(T.withChart)}</div>}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (outcome.status === "cancelled") {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t(T.cancelled)}</MessageBarTitle>
          {t(T.cancelledBody)}
          {links}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t(outcome.status === "unusable" ? T.unusable : T.failed)}</MessageBarTitle>
        {outcome.message ? t(outcome.message) : null}
        {links}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Generate the reports in one click: unit, sheets, language, header block; progress, cancel, result. */
export function ReportsTab(): React.JSX.Element {
  const { state, store, t } = usePane();
  const styles = useStyles();
  const g = state.generation;
  const supported = state.capabilities.reports.supported;
  const none = state.choices.reports.length === 0;
  // The layout matters only for a province whose districts have communes.
  const chosen = state.units.find((u) => u.id === state.choices.unitId) ?? state.units[0];
  const showLayout = chosen?.level === "province" && state.units.some((u) => u.level === "district");
  const generateButton = React.useRef<HTMLButtonElement>(null);
  useRefocusWhenRunEnds(g.kind === "running", generateButton);
  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="nth-reports">
        <Subtitle2 as="h2" id="nth-reports" className={styles.heading}>
          {t(T.reportsTitle)}
        </Subtitle2>
        <Caption1 className={styles.help}>{t(T.reportsHelp)}</Caption1>
        <UnitPicker />
        <ReportChoices />
        <Field label={t(T.reportLanguage)}>
          <RadioGroup
            layout="horizontal"
            value={state.choices.language}
            onChange={(_, data) => store.setChoices({ language: data.value === "en" ? "en" : "vi" })}
          >
            <Radio value="vi" label={t(T.vietnamese)} />
            <Radio value="en" label={t(T.englishLanguage)} />
          </RadioGroup>
        </Field>
        {showLayout && (
          <Field label={t(T.layout)}>
            <RadioGroup
              value={state.choices.layout}
              onChange={(_, data) => store.setChoices({ layout: data.value === "flat" ? "flat" : "nested" })}
            >
              <Radio value="nested" label={t(T.nested)} />
              <Radio value="flat" label={t(T.flat)} />
            </RadioGroup>
          </Field>
        )}
        <HeaderFields />
        <div className={styles.row}>
          <Button
            ref={generateButton}
            appearance="primary"
            size="large"
            onClick={() => void store.generate()}
            disabledFocusable={!supported || none || g.kind === "running"}
          >
            {t(T.generateButton)}
          </Button>
          {none && <Caption1>{t(T.chooseOne)}</Caption1>}
        </div>
        <Progress />
        {g.kind === "finished" && <Result outcome={g.outcome} />}
        {g.kind === "finished" && g.outcome.manualCalculation && (
          <MessageBar intent="warning">
            <MessageBarBody>{t(MANUAL_CALCULATION)}</MessageBarBody>
          </MessageBar>
        )}
      </section>
      {g.kind === "finished" && g.outcome.glance && g.outcome.glance.villages > 0 && (
        <GlancePanel glance={g.outcome.glance} />
      )}
    </div>
  );
}
