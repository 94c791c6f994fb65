import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import * as React from "react";
import { currentNotice, subscribeNotice, type PaneNotice } from "../../commands/shared";

/** The latest notice from a ribbon command, Vietnamese first; nothing when there is none. */
export function NoticeBar(): React.JSX.Element | null {
  const notice = React.useSyncExternalStore<PaneNotice | null>(subscribeNotice, currentNotice);
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent}>
      <MessageBarBody>
        <MessageBarTitle>{notice.title.vi}</MessageBarTitle>
        {notice.body.vi}
        <br />
        <i lang="en">
          {notice.title.en}: {notice.body.en}
        </i>
      </MessageBarBody>
    </MessageBar>
  );
}
