import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import * as React from "react";
import type { Feature } from "../../excel/session";
import { usePane } from "../paneContext";
import { T } from "../text";

/** Says which features this Excel lacks (and which requirement set each needs), instead of failing. */
export function CapabilityNotice(): React.JSX.Element | null {
  const { state, t } = usePane();
  const missing = (Object.keys(state.capabilities) as Feature[]).filter(
    (f) => !state.capabilities[f].supported,
  );
  if (missing.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t(T.unsupported)}</MessageBarTitle>
        <ul>
          {missing.map((f) => (
            <li key={f}>
              {t(T.features[f])} — {t(T.needs)} {state.capabilities[f].requirement}
            </li>
          ))}
        </ul>
        {t(T.unsupportedHint)}
      </MessageBarBody>
    </MessageBar>
  );
}
