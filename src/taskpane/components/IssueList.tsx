import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  CounterBadge,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { pageOf, type SeverityGroup, type SheetGroup } from "../../app/issueGroups";
import type { Issue } from "../../core/issues";
import { usePane } from "../paneContext";
import { countOf, T } from "../text";

/** Issues per page of a group: a page renders at once, whatever the total (thousands stay usable). */
export const ISSUES_PER_PAGE = 25;

const useStyles = makeStyles({
  headerText: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  severity: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
  },
  list: { listStyle: "none", margin: 0, padding: 0, display: "grid", rowGap: "2px" },
  issue: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    width: "100%",
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  noCell: { cursor: "default", ":hover": { backgroundColor: "transparent" } },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
    minWidth: "3.5em",
  },
  /** Read by screen readers, not shown: "Chọn ô Thôn!" before the cell. */
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
  pager: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXS,
  },
});

function IssueButton({ issue }: { issue: Issue }): React.JSX.Element {
  const { store, state, t } = usePane();
  const styles = useStyles();
  const message = t(issue.message);
  if (!issue.sheet || !issue.cell || !state.capabilities.selectCell.supported) {
    return (
      <div className={`${styles.issue} ${styles.noCell}`}>
        <span className={styles.cell}>{issue.cell || "—"}</span>
        <span>{message}</span>
      </div>
    );
  }
  return (
    <button type="button" className={styles.issue} onClick={() => void store.selectIssue(issue)}>
      <span className={styles.cell}>
        <span className={styles.hidden}>{`${t(T.selectCellOf)} ${issue.sheet}!`}</span>
        {issue.cell}
      </span>
      <span>{message}</span>
    </button>
  );
}

/** One severity of one sheet, a page at a time. */
function SeverityList({
  group,
  sheetLabel,
}: {
  group: SeverityGroup;
  sheetLabel: string;
}): React.JSX.Element {
  const { t } = usePane();
  const styles = useStyles();
  const [page, setPage] = React.useState(0);
  const shown = pageOf(group.issues, page, ISSUES_PER_PAGE);
  const heading =
    group.severity === "error"
      ? T.errorHeading
      : group.severity === "warning"
        ? T.warningHeading
        : T.infoHeading;
  const headingId = React.useId();
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.severity}>
        {t(heading)} ({group.issues.length})
      </h3>
      <ul className={styles.list}>
        {shown.items.map((issue, i) => (
          <li key={`${shown.page}-${i}`}>
            <IssueButton issue={issue} />
          </li>
        ))}
      </ul>
      {shown.pages > 1 && (
        <nav className={styles.pager} aria-label={`${sheetLabel} — ${t(heading)}`}>
          {/* disabledFocusable: a keyboard user pressing "Trang sau" up to the last page keeps
              focus on the button (a disabled button drops it on the page body). */}
          <Button size="small" disabledFocusable={shown.page === 0} onClick={() => setPage(shown.page - 1)}>
            {t(T.previous)}
          </Button>
          <Text size={200} aria-live="polite">
            {t(T.page)} {shown.page + 1} {t(T.of)} {shown.pages}
          </Text>
          <Button
            size="small"
            disabledFocusable={shown.page >= shown.pages - 1}
            onClick={() => setPage(shown.page + 1)}
          >
            {t(T.next)}
          </Button>
        </nav>
      )}
    </section>
  );
}

/** Issues grouped by sheet (collapsible) and severity, with counts. */
export function IssueList({ groups }: { groups: readonly SheetGroup[] }): React.JSX.Element {
  const { state, t } = usePane();
  const styles = useStyles();
  // Open the first sheet with an error (else the first sheet): that is where to start.
  const first = (groups.find((g) => g.errors > 0) ?? groups[0])?.key;
  return (
    <Accordion multiple collapsible defaultOpenItems={first ? [first] : []} aria-label={t(T.issueList)}>
      {groups.map((g) => {
        const label = g.sheet || t(T.wholeWorkbook);
        return (
          <AccordionItem key={g.key} value={g.key}>
            <AccordionHeader>
              <span className={styles.headerText}>
                <span>{g.file ? `${g.file} — ${label}` : label}</span>
                {g.errors > 0 && (
                  <CounterBadge
                    count={g.errors}
                    color="danger"
                    size="small"
                    overflowCount={99999}
                    aria-label={countOf(g.errors, T.error1, T.errors, state.lang)}
                  />
                )}
                {g.warnings > 0 && (
                  <CounterBadge
                    count={g.warnings}
                    color="informative"
                    overflowCount={99999}
                    size="small"
                    aria-label={countOf(g.warnings, T.warning1, T.warnings, state.lang)}
                  />
                )}
              </span>
            </AccordionHeader>
            <AccordionPanel>
              {g.groups.map((s) => (
                <SeverityList key={s.severity} group={s} sheetLabel={label} />
              ))}
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}
