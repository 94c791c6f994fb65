import { makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { GlanceBar } from "../../app/glance";
import { usePane } from "../paneContext";
import { formatPercent, T } from "../text";

const ROW = 22;
const LABEL = 124;
const VALUE = 44;
const WIDTH = 320;

const useStyles = makeStyles({
  svg: { width: "100%", height: "auto", display: "block", overflow: "visible" },
  label: { fontSize: "11px", fill: tokens.colorNeutralForeground1, fontFamily: tokens.fontFamilyBase },
  value: { fontSize: "11px", fill: tokens.colorNeutralForeground2, fontFamily: tokens.fontFamilyBase },
  met: { fill: tokens.colorPaletteGreenBackground3 },
  notMet: { fill: tokens.colorBrandBackground },
  track: { fill: tokens.colorNeutralBackground3 },
  target: { stroke: tokens.colorPaletteRedBorderActive, strokeWidth: 2, strokeDasharray: "4 3" },
  targetLabel: {
    fontSize: "10px",
    fill: tokens.colorPaletteRedForeground1,
    fontFamily: tokens.fontFamilyBase,
  },
});

function shorten(name: string, max = 21): string {
  return name.length <= max ? name : `${name.slice(0, max - 1)}…`;
}

/**
 * A small horizontal bar chart of the consolidation rate by unit, with the target as a dashed line
 * (one line when every unit has the same target, else a mark per bar). Read out as one sentence.
 */
export function RateChart({ bars }: { bars: readonly GlanceBar[] }): React.JSX.Element | null {
  const { t, state } = usePane();
  const styles = useStyles();
  const titleId = React.useId();
  if (bars.length === 0) return null;
  const plot = WIDTH - LABEL - VALUE;
  const targets = new Set(bars.map((b) => b.target));
  const common = targets.size === 1 ? bars[0].target : null;
  // Room above the bars for the common target's label.
  const TOP = common !== null ? 18 : 2;
  const height = TOP + bars.length * ROW + 4;
  const x = (rate: number): number => LABEL + Math.max(0, Math.min(1, rate)) * plot;
  const description = bars
    .map(
      (b) =>
        `${b.name} ${formatPercent(b.rate, state.lang)}${b.target !== null ? ` (${t(T.target).toLowerCase()} ${formatPercent(b.target, state.lang)})` : ""}`,
    )
    .join("; ");
  return (
    <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={titleId}>
      <title id={titleId}>{`${t(T.chartTitle)}: ${description}`}</title>
      {common !== null && (
        <text className={styles.targetLabel} x={x(common)} y={10} textAnchor="middle">
          {`${t(T.target)} ${formatPercent(common, state.lang)}`}
        </text>
      )}
      {bars.map((b, i) => {
        const y = TOP + i * ROW;
        const barClass = b.met ? styles.met : styles.notMet;
        return (
          <g key={b.id}>
            <text className={styles.label} x={LABEL - 6} y={y + 14} textAnchor="end">
              {shorten(b.name)}
            </text>
            <rect className={styles.track} x={LABEL} y={y + 4} width={plot} height={ROW - 8} rx={2} />
            {b.rate !== null && (
              <rect
                className={barClass}
                x={LABEL}
                y={y + 4}
                width={x(b.rate) - LABEL}
                height={ROW - 8}
                rx={2}
              />
            )}
            <text className={styles.value} x={LABEL + plot + 4} y={y + 14}>
              {formatPercent(b.rate, state.lang)}
            </text>
            {common === null && b.target !== null && (
              <line className={styles.target} x1={x(b.target)} x2={x(b.target)} y1={y + 1} y2={y + ROW - 1} />
            )}
          </g>
        );
      })}
      {common !== null && (
        <line className={styles.target} x1={x(common)} x2={x(common)} y1={TOP - 2} y2={height - 2} />
      )}
    </svg>
  );
}
