import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import * as React from "react";
import { usePane } from "../paneContext";
import { T } from "../text";

/** The outcome of the last small action (a selected cell, an inserted formula), politely announced. */
export function StatusBar(): React.JSX.Element | null {
  const { state, store, t } = usePane();
  if (!state.status) return null;
  return (
    <MessageBar
      intent={state.status.intent}
      layout="multiline"
      role={state.status.intent === "error" ? "alert" : "status"}
    >
      <MessageBarBody>{t(state.status.message)}</MessageBarBody>
      <MessageBarActions>
        <Button appearance="transparent" size="small" onClick={store.clearStatus}>
          {t(T.dismiss)}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
