import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Body1Strong,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { ImportPlan, SubmissionPreview, SubmissionStatus } from "../../app/imports/plan";
import { unitText } from "../../app/imports/plan";
import type { Completeness } from "../../core/submission/completeness";
import type { VillageFieldChange } from "../../core/submission/diff";
import { usePane } from "../paneContext";
import { SubmitPanel } from "./SubmitPanel";
import { formatCount, formatDate, formatTime, T } from "../text";

const useStyles = makeStyles({
  root: { display: "grid", rowGap: tokens.spacingVerticalL },
  section: { display: "grid", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  help: { color: tokens.colorNeutralForeground2 },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "grid", rowGap: tokens.spacingVerticalS },
  item: {
    display: "grid",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  refused: { backgroundColor: tokens.colorNeutralBackground2 },
  itemHead: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  reason: { color: tokens.colorPaletteRedForeground1 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  details: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  conflicts: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "grid",
    rowGap: tokens.spacingVerticalXS,
  },
  summary: { fontWeight: tokens.fontWeightSemibold },
  big: {
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase500,
  },
  panel: {
    display: "grid",
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "center", flexWrap: "wrap" },
  hidden: { display: "none" },
});

/** How many items of a long list are shown before "and n more". */
const SHOWN = 20;

const BADGE: Record<SubmissionStatus, "success" | "brand" | "danger" | "informative" | "warning"> = {
  new: "success",
  replaces: "brand",
  older: "danger",
  same: "informative",
  superseded: "informative",
  "not-submission": "danger",
  unreadable: "danger",
  "no-rows": "warning",
  "replaces-accepted": "warning",
};

const taken = (s: SubmissionPreview): boolean => s.status === "new" || s.status === "replaces";

function ModeChoice({ plan, disabled }: { plan: ImportPlan | null; disabled: boolean }): React.JSX.Element {
  const { state, store, t } = usePane();
  const locked = plan?.modeLocked === true;
  const value = plan?.mode ?? state.importMode;
  return (
    <Field label={t(T.importMode)} hint={locked ? t(T.modeLocked) : undefined}>
      <RadioGroup
        value={value}
        disabled={disabled || locked}
        onChange={(_, data) => void store.setImportMode(data.value === "copy" ? "copy" : "sheets")}
      >
        <Radio value="sheets" label={t(T.modeSheets)} />
        <Radio value="copy" label={t(T.modeCopy)} />
      </RadioGroup>
    </Field>
  );
}

function yesNo(v: VillageFieldChange["before"], t: (m: { vi: string; en: string }) => string): string {
  if (v === null || v === "") return t(T.empty);
  if (typeof v === "boolean") return t(v ? T.yes : T.no);
  return String(v);
}

function DiffSummary({ s }: { s: SubmissionPreview }): React.JSX.Element | null {
  const { t } = usePane();
  const styles = useStyles();
  const d = s.diff;
  if (!d) return null;
  const parts = [
    d.added.length > 0 ? `+${d.added.length} ${t(T.added)}` : null,
    d.removed.length > 0 ? `−${d.removed.length} ${t(T.removed)}` : null,
    d.changed.length > 0 ? `${d.changed.length} ${t(T.changedFields)}` : null,
  ].filter((p): p is string => p !== null);
  const lines = [
    ...d.added.map((v) => `${t(T.villageAdded)} ${v.village}`),
    ...d.removed.map((v) => `${t(T.villageRemoved)} ${v.village}`),
    ...d.changed.map(
      (c) => `${c.village.village} — ${t(T.fields[c.field])}: ${yesNo(c.before, t)} → ${yesNo(c.after, t)}`,
    ),
  ];
  return (
    <>
      <Caption1>
        {t(T.versusWorkbook)}: {parts.length > 0 ? parts.join(", ") : t(T.noChange)}
      </Caption1>
      {lines.length > 0 && (
        <Accordion collapsible>
          <AccordionItem value="diff">
            <AccordionHeader size="small">
              {t(T.details)} ({lines.length})
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.details}>
                {lines.slice(0, SHOWN).map((l, i) => (
                  <li key={i}>
                    <Caption1>{l}</Caption1>
                  </li>
                ))}
                {lines.length > SHOWN && (
                  <li>
                    <Caption1>
                      {t(T.andMore)} {lines.length - SHOWN} {t(T.more)}
                    </Caption1>
                  </li>
                )}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </>
  );
}

/**
 * A newer file of a unit whose submission was accepted: taken only when the clerk confirms, in a
 * dialog naming both files, their times and hashes (the reason's text).
 */
function ReplaceAccepted({ s }: { s: SubmissionPreview }): React.JSX.Element {
  const { store, t } = usePane();
  const [open, setOpen] = React.useState(false);
  return (
    <>
      <div>
        <Button size="small" onClick={() => setOpen(true)}>
          {t(T.replaceAccepted)}
        </Button>
      </div>
      <Dialog open={open} onOpenChange={(_, data) => setOpen(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t(T.replaceAcceptedTitle)}</DialogTitle>
            <DialogContent>{s.reason && t(s.reason)}</DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setOpen(false)}>
                {t(T.keepAccepted)}
              </Button>
              <Button
                appearance="primary"
                onClick={() => {
                  setOpen(false);
                  void store.confirmReplaceAccepted(s.file);
                }}
              >
                {t(T.replaceAcceptedConfirm)}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}

function SubmissionItem({ s }: { s: SubmissionPreview }): React.JSX.Element {
  const { state, t } = usePane();
  const styles = useStyles();
  const meta = [
    // Without a unit, the file is the item's title already.
    s.unit ? s.file : null,
    s.period ? `${t(T.period)} ${s.period}` : null,
    s.generatedAt ? `${t(T.madeAt)} ${formatTime(s.generatedAt, state.lang)}` : null,
    s.contentHash ? `${t(T.hashWord)} ${s.contentHash}` : null,
  ].filter((p): p is string => p !== null);
  return (
    <li className={taken(s) ? styles.item : `${styles.item} ${styles.refused}`}>
      <div className={styles.itemHead}>
        <Body1Strong>{s.unit ? unitText(s.unit) : s.file}</Body1Strong>
        <Badge appearance="tint" color={BADGE[s.status]} shape="rounded">
          {t(T.status[s.status])}
        </Badge>
      </div>
      {meta.length > 0 && <Caption1 className={styles.meta}>{meta.join(" · ")}</Caption1>}
      {s.unit && (
        <Body1>
          {formatCount(s.villages, state.lang)} {t(T.villagesWord)} ·{" "}
          {formatCount(s.consolidated, state.lang)} {t(T.consolidatedWord)}
        </Body1>
      )}
      {s.reason && <Caption1 className={styles.reason}>{t(s.reason)}</Caption1>}
      {s.content === "edited" && <Caption1 className={styles.warn}>{t(T.editedAfterExport)}</Caption1>}
      {s.status === "replaces-accepted" && <ReplaceAccepted s={s} />}
      {taken(s) && <DiffSummary s={s} />}
      {s.replacedRows > 0 && (
        <Caption1>
          {formatCount(s.replacedRows, state.lang)} {t(T.replacedRows)}
        </Caption1>
      )}
      {s.keptVillages > 0 && (
        <Caption1 className={styles.warn}>
          {formatCount(s.keptVillages, state.lang)} {t(T.keptVillages)}
        </Caption1>
      )}
      {taken(s) && s.skippedRows > 0 && (
        <Caption1>
          {formatCount(s.skippedRows, state.lang)} {t(T.skippedRows)}
        </Caption1>
      )}
    </li>
  );
}

function Conflicts({ plan }: { plan: ImportPlan }): React.JSX.Element | null {
  const { state, t } = usePane();
  const styles = useStyles();
  if (!plan.writes && plan.conflicts.length === 0) return null;
  const extra =
    plan.otherIssues > 0 ? (
      <Caption1>
        {formatCount(plan.otherIssues, state.lang)} {t(T.otherIssues)}
      </Caption1>
    ) : null;
  if (plan.conflicts.length === 0) {
    return (
      <div className={styles.section}>
        <Caption1>{t(T.noConflicts)}</Caption1>
        {extra}
      </div>
    );
  }
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {t(T.conflictsTitle)} ({formatCount(plan.conflicts.length, state.lang)})
        </MessageBarTitle>
        <ul className={styles.conflicts}>
          {plan.conflicts.slice(0, SHOWN).map((c, i) => (
            <li key={i}>{t(c.message)}</li>
          ))}
          {plan.conflicts.length > SHOWN && (
            <li>
              {t(T.andMore)} {plan.conflicts.length - SHOWN} {t(T.more)}
            </li>
          )}
        </ul>
        {extra}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Who has reported: n/m, late, missing, with the lists. */
export function CompletenessPanel({
  completeness,
  title,
}: {
  completeness: Completeness;
  title: { vi: string; en: string };
}): React.JSX.Element {
  const { state, t } = usePane();
  const styles = useStyles();
  const headingId = React.useId();
  const late = completeness.units.filter((u) => u.status === "late");
  const missing = completeness.units.filter((u) => u.status === "missing");
  const lists = [
    { key: "missing", label: T.unitStatus.missing, units: missing },
    { key: "late", label: T.unitStatus.late, units: late },
  ].filter((l) => l.units.length > 0);
  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {t(title)}
      </Subtitle2>
      <div>
        <span className={styles.big}>
          {formatCount(completeness.reported, state.lang)}/{formatCount(completeness.expected, state.lang)}
        </span>{" "}
        <Body1>{t(T.unitsReported)}</Body1>
      </div>
      <Caption1>
        {formatCount(late.length, state.lang)} {t(T.late)} · {formatCount(missing.length, state.lang)}{" "}
        {t(T.missing)} · {t(T.basis[completeness.basis])}
      </Caption1>
      {lists.length > 0 && (
        <Accordion collapsible multiple>
          {lists.map((l) => (
            <AccordionItem key={l.key} value={l.key}>
              <AccordionHeader size="small">
                {t(l.label)} ({l.units.length})
              </AccordionHeader>
              <AccordionPanel>
                <Caption1>
                  {l.units
                    .map((u) =>
                      u.deadline && u.status === "late" && u.submittedAt
                        ? `${u.name} (${formatTime(u.submittedAt, state.lang)}; ${t(T.deadline)} ${formatDate(u.deadline, state.lang)})`
                        : u.name,
                    )
                    .join(", ")}
                </Caption1>
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
    </section>
  );
}

function Preview({ plan, applying }: { plan: ImportPlan; applying: boolean }): React.JSX.Element {
  const { state, store, t } = usePane();
  const styles = useStyles();
  const i = state.importing;
  const count = plan.submissions.filter(taken).length;
  const refused = plan.submissions.length - count;
  return (
    <section className={styles.section} aria-labelledby="nth-import-preview">
      <Subtitle2 as="h3" id="nth-import-preview" className={styles.heading}>
        {t(T.previewTitle)}
      </Subtitle2>
      <Body1 className={styles.summary} role="status">
        {formatCount(plan.submissions.length, state.lang)} {t(T.files)}: {formatCount(count, state.lang)}{" "}
        {t(T.willImport)}
        {refused > 0 ? ` · ${formatCount(refused, state.lang)} ${t(T.notImported)}` : ""}
      </Body1>
      {i.kind === "preview" && i.notice && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t(i.notice)}</MessageBarBody>
        </MessageBar>
      )}
      <ul className={styles.list}>
        {plan.submissions.map((s, k) => (
          <SubmissionItem key={`${k}:${s.file}`} s={s} />
        ))}
      </ul>
      <Conflicts plan={plan} />
      {plan.unusable && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t(plan.unusable)}</MessageBarBody>
        </MessageBar>
      )}
      {plan.completeness && (
        <CompletenessPanel completeness={plan.completeness} title={T.completenessAfter} />
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={() => void store.confirmImport()}
          disabled={applying || !plan.writes}
        >
          {t(T.confirmImport)}
        </Button>
        <Button onClick={store.cancelImport} disabled={applying}>
          {t(T.cancelImport)}
        </Button>
        {i.kind === "applying" && (
          <Spinner
            size="tiny"
            label={`${t(T.applying)}${i.step ? `: ${i.step.name} (${i.step.index + 1}/${i.step.total})` : "…"}`}
          />
        )}
      </div>
    </section>
  );
}

function Done({ plan }: { plan: ImportPlan }): React.JSX.Element {
  const { state, store, t } = usePane();
  const taken = plan.submissions.filter((s) => s.status === "new" || s.status === "replaces");
  const villages = taken.reduce((n, s) => n + s.rows.villages, 0);
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {t(T.importDone)}: {formatCount(taken.length, state.lang)} {t(T.files)},{" "}
          {formatCount(villages, state.lang)} {t(T.villagesWord)}
        </MessageBarTitle>
        {t(T.importDoneBody)}
        <div>
          <Button size="small" appearance="transparent" onClick={() => store.setTab("reports")}>
            {t(T.toReports)} →
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

/** Import the submissions of the units below: pick files, see what changes, confirm; who has reported. */
export function ImportTab(): React.JSX.Element {
  const { state, store, t } = usePane();
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const i = state.importing;
  const busy = i.kind === "reading" || i.kind === "applying";
  const supported = state.capabilities.read.supported && state.capabilities.createSheets.supported;
  const plan = i.kind === "preview" || i.kind === "applying" ? i.plan : null;
  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="nth-import">
        <Subtitle2 as="h2" id="nth-import" className={styles.heading}>
          {t(T.importTitle)}
        </Subtitle2>
        <Caption1 className={styles.help}>{t(T.importHelp)}</Caption1>
        <ModeChoice plan={plan} disabled={busy} />
        <div className={styles.row}>
          <Button
            appearance={plan ? "secondary" : "primary"}
            onClick={() => input.current?.click()}
            disabled={busy || !supported}
          >
            {t(T.pickFiles)}
          </Button>
          <input
            ref={input}
            className={styles.hidden}
            type="file"
            multiple
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label={t(T.pickFilesLabel)}
            tabIndex={-1}
            onChange={(e) => {
              const files = Array.from(e.currentTarget.files ?? []);
              e.currentTarget.value = "";
              void store.pickFiles(files);
            }}
          />
          {i.kind === "reading" && (
            <Spinner
              size="tiny"
              label={`${t(T.readingFiles)} ${formatCount(i.count, state.lang)} ${t(T.files)}…`}
            />
          )}
        </div>
      </section>
      {plan && <Preview plan={plan} applying={i.kind === "applying"} />}
      {i.kind === "done" && <Done plan={i.plan} />}
      {i.kind === "failed" && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t(T.importFailed)}</MessageBarTitle>
            {t(i.message)}
          </MessageBarBody>
        </MessageBar>
      )}
      {!plan && <SubmitPanel />}
      {!plan && state.completeness && (
        <CompletenessPanel completeness={state.completeness} title={T.completenessTitle} />
      )}
    </div>
  );
}
