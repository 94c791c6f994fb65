import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { isStandardDataSheetName } from "../../app/standardSheets";
import { NTH_FUNCTIONS, withListSeparator } from "../functionList";
import { usePane } from "../paneContext";
import { excelDecimalSeparator } from "../officeLocale";
import { listSeparatorFor, T } from "../text";
import { FunctionList } from "./FunctionList";

const useStyles = makeStyles({
  root: { display: "grid", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  help: { color: tokens.colorNeutralForeground2 },
});

interface PendingInsert {
  readonly formula: string;
  readonly address: string;
  readonly sheet: string;
  readonly reason: "occupied" | "standardData";
}

/**
 * Function help: every NTH function, with examples to insert into the selected cell. Before writing,
 * the active cell is looked at: a cell that holds something, or one in a standard sheet's data rows,
 * is written only after the clerk says so.
 */
export function FunctionsTab(): React.JSX.Element {
  const { state, store, t } = usePane();
  const styles = useStyles();
  const [decimal, setDecimal] = React.useState<string | null>(null);
  const [pending, setPending] = React.useState<PendingInsert | null>(null);
  // The dialog is opened from code, not by a trigger: focus goes back to the button by hand.
  const returnTo = React.useRef<HTMLElement | null>(null);
  const close = (): void => {
    setPending(null);
    const target = returnTo.current;
    requestAnimationFrame(() => target?.focus());
  };
  const separator = listSeparatorFor(decimal, state.lang);
  // The status line shows the formula as the clerk's Excel shows it (";" in Vietnamese settings).
  const write = (formula: string): Promise<void> =>
    store.insertFormula(formula, withListSeparator(formula, separator));
  /**
   * Writes `formula` into the active cell, or asks first. `confirmed` is the cell the clerk agreed
   * to overwrite: when the selection moved while the dialog was open, the new cell is looked at again.
   */
  const insert = async (formula: string, confirmed?: string): Promise<void> => {
    if (confirmed === undefined)
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    let cell: Awaited<ReturnType<typeof store.session.activeCell>> | null = null;
    try {
      cell = await store.session.activeCell();
    } catch {
      cell = null; // the insert itself reports what went wrong
    }
    if (cell && confirmed !== undefined && cell.address === confirmed) await write(formula);
    else if (cell && isStandardDataSheetName(cell.sheet) && cell.row >= 1)
      setPending({ formula, address: cell.address, sheet: cell.sheet, reason: "standardData" });
    else if (cell && !cell.empty)
      setPending({ formula, address: cell.address, sheet: cell.sheet, reason: "occupied" });
    else await write(formula);
  };
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
        onInsert={(formula) => void insert(formula)}
        insertDisabled={!state.capabilities.insertFormula.supported}
        listSeparator={separator}
      />
      <Dialog open={pending !== null} onOpenChange={(_, data) => !data.open && close()}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>
              {t(pending?.reason === "standardData" ? T.dataAreaTitle : T.overwriteTitle)}
            </DialogTitle>
            <DialogContent>
              {pending &&
                t(pending.reason === "standardData" ? T.dataAreaBody : T.overwriteBody)
                  .replace("{cell}", pending.address)
                  .replace("{sheet}", pending.sheet)}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={close}>
                {t(T.keepCell)}
              </Button>
              <Button
                onClick={() => {
                  const confirmed = pending;
                  close();
                  if (confirmed) void insert(confirmed.formula, confirmed.address);
                }}
              >
                {t(T.insertAnyway)}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
