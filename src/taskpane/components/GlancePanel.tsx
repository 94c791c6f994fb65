import { Badge, Caption1, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Glance } from "../../app/glance";
import { usePane } from "../paneContext";
import { formatCount, formatPercent, T } from "../text";
import { RateChart } from "./RateChart";

const useStyles = makeStyles({
  root: { display: "grid", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  figures: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  figure: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    display: "flex",
    // The number above its label, the label first for screen readers (dt before dd).
    flexDirection: "column-reverse",
    justifyContent: "flex-end",
  },
  number: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase500,
  },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  caption: { color: tokens.colorNeutralForeground3, display: "flex", alignItems: "center", gap: "4px" },
  legend: { display: "inline-block" },
  legendLine: { stroke: tokens.colorPaletteRedBorderActive, strokeWidth: 2, strokeDasharray: "4 3" },
});

/** The headline figures of the main indicator and the bar chart of the rate by unit. */
export function GlancePanel({
  glance,
  headingLevel = 3,
}: {
  glance: Glance;
  headingLevel?: 2 | 3;
}): React.JSX.Element {
  const { t, state } = usePane();
  const styles = useStyles();
  const headingId = React.useId();
  const lang = state.lang;
  const cmp = glance.comparator === ">" ? `${t(T.above)} ` : "";
  const target =
    glance.target === null ? t(T.noTarget) : `${t(T.target)} ${cmp}${formatPercent(glance.target, lang)}`;
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as={headingLevel === 2 ? "h2" : "h3"} id={headingId} className={styles.heading}>
        {t(T.glanceTitle)}
        {glance.unitName ? ` — ${glance.unitName}` : ""}
      </Subtitle2>
      <dl className={styles.figures}>
        <div className={styles.figure}>
          <dt className={styles.label}>{t(T.villages)}</dt>
          <dd className={styles.number}>{formatCount(glance.villages, lang)}</dd>
        </div>
        <div className={styles.figure}>
          <dt className={styles.label}>{t(T.consolidated)}</dt>
          <dd className={styles.number}>{formatCount(glance.consolidated, lang)}</dd>
        </div>
        <div className={styles.figure}>
          <dt className={styles.label}>
            {t(T.rate)} · {target}
          </dt>
          <dd className={styles.number}>
            {formatPercent(glance.rate, lang)}{" "}
            {glance.met !== null && (
              <Badge appearance="tint" color={glance.met ? "success" : "danger"} size="small">
                {t(glance.met ? T.met : T.notMet)}
              </Badge>
            )}
          </dd>
        </div>
        <div className={styles.figure}>
          <dt className={styles.label}>
            {t(T.stillNeeded)} ({t(glance.target === null ? T.noTarget : T.villagesMore)})
          </dt>
          <dd className={styles.number}>{glance.needed === null ? "—" : formatCount(glance.needed, lang)}</dd>
        </div>
      </dl>
      {glance.bars.length > 0 && (
        <>
          <Text weight="semibold" size={200}>
            {t(T.chartTitle)}
          </Text>
          <RateChart bars={glance.bars} />
          {glance.bars.some((b) => b.target !== null) && (
            <Caption1 className={styles.caption}>
              <svg width="22" height="8" aria-hidden="true" className={styles.legend}>
                <line x1="0" x2="22" y1="4" y2="4" className={styles.legendLine} />
              </svg>{" "}
              {t(T.chartTargetLine)}
            </Caption1>
          )}
        </>
      )}
    </section>
  );
}
