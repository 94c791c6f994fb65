import { Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { FunctionSummary } from "../functionList";

const useStyles = makeStyles({
  item: { "& p": { margin: 0 } },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "grid",
    rowGap: tokens.spacingVerticalS,
  },
  syntax: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
});

/** The NTH functions with their meaning in both languages and an example. */
export function FunctionList(props: { functions: readonly FunctionSummary[] }): React.JSX.Element {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {props.functions.map((f) => (
        <li key={f.syntax} className={styles.item}>
          <Body1 as="p" className={styles.syntax}>
            {f.syntax}
          </Body1>
          <Body1 as="p">{f.meaning.vi}</Body1>
          <Caption1 as="p" lang="en">
            {f.meaning.en} {f.example}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}
