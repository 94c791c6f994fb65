import { Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import * as React from "react";
import { NTH_FUNCTIONS } from "../functionList";
import { usePane } from "../paneContext";
import { excelDecimalSeparator } from "../officeLocale";
import { listSeparatorFor, T } from "../text";
import { FunctionList } from "./FunctionList";

const useStyles = makeStyles({
  root: { display: "grid", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  help: { color: tokens.colorNeutralForeground2 },
});

/** Function help: every NTH function, with examples to insert into the selected cell. */
export function FunctionsTab(): React.JSX.Element {
  const { state, store, t } = usePane();
  const styles = useStyles();
  const [decimal, setDecimal] = React.useState<string | null>(null);
  React.useEffect(() => {
    let live = true;
    void excelDecimalSeparator().then((d) => live && setDecimal(d));
    return () => {
      live = false;
    };
  }, []);
  return (
    <section className={styles.root} aria-labelledby="nth-functions">
      <Subtitle2 as="h2" id="nth-functions" className={styles.heading}>
        {t(T.functionsTitle)}
      </Subtitle2>
      <Caption1 className={styles.help}>{t(T.functionsHelp)}</Caption1>
      <FunctionList
        functions={NTH_FUNCTIONS}
        lang={state.lang}
        onInsert={(formula) => void store.insertFormula(formula)}
        insertDisabled={!state.capabilities.insertFormula.supported}
        listSeparator={listSeparatorFor(decimal, state.lang)}
      />
    </section>
  );
}
