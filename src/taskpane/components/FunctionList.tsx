import { Body1, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Language } from "../../core/summary";
import { withListSeparator, type FunctionSummary } from "../functionList";
import { T, tr } from "../text";

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyle: "none", display: "grid", rowGap: tokens.spacingVerticalM },
  item: {
    display: "grid",
    rowGap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    "& p": { margin: 0 },
  },
  syntax: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
  },
  // A name, a parameter or an argument never breaks inside; lines break between them.
  piece: { whiteSpace: "nowrap" },
  example: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  exampleText: { display: "flex", flexDirection: "column", rowGap: "2px", minWidth: 0 },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: `1px ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    justifySelf: "start",
  },
  hint: { color: tokens.colorNeutralForeground3 },
});

/**
 * A formula or syntax split where a line may break: after "(" and after each argument's separator,
 * never inside a name, a parameter or a range ("số_đã_nhất_thể_hóa", "I2:I144").
 */
function Breakable({ text, className }: { text: string; className: string }): React.JSX.Element {
  const pieces = text.split(/(?<=[(,;] ?)/);
  return (
    <>
      {pieces.map((piece, i) => (
        <React.Fragment key={i}>
          <span className={className}>{piece}</span>
          {i < pieces.length - 1 && <wbr />}
        </React.Fragment>
      ))}
    </>
  );
}

/**
 * The NTH functions with their meaning and an example; with `onInsert`, each example has a button
 * that writes it into the selected cell.
 */
export function FunctionList(props: {
  functions: readonly FunctionSummary[];
  lang?: Language;
  onInsert?: (formula: string) => void;
  insertDisabled?: boolean;
  /** The clerk's list separator ("," or ";"): examples are shown with it. */
  listSeparator?: string;
}): React.JSX.Element {
  const styles = useStyles();
  const lang = props.lang ?? "vi";
  const shown = (formula: string): string => withListSeparator(formula, props.listSeparator ?? ",");
  return (
    <ul className={styles.list}>
      {props.functions.map((f) => (
        <li key={f.id} id={`help-${f.id}`} className={styles.item} tabIndex={-1}>
          <Body1 as="p" className={styles.syntax}>
            <Breakable text={f.syntax[lang]} className={styles.piece} />
          </Body1>
          <Body1 as="p">{f.meaning[lang]}</Body1>
          <div className={styles.example}>
            <div className={styles.exampleText}>
              <Caption1 className={styles.hint}>{tr(lang, T.example)}:</Caption1>
              <code className={styles.code}>
                <Breakable text={shown(f.example)} className={styles.piece} />
              </code>
            </div>
            {props.onInsert && (
              <Button
                size="small"
                disabled={props.insertDisabled}
                disabledFocusable={props.insertDisabled}
                onClick={() => props.onInsert?.(f.example)}
                aria-label={`${tr(lang, T.insert)} ${shown(f.example)} ${tr(lang, T.insertInto)}`}
              >
                {tr(lang, T.insert)}
              </Button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
