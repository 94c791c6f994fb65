import {
  Caption1,
  FluentProvider,
  makeStyles,
  Tab,
  TabList,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import * as React from "react";
import { Announcer } from "./components/Announcer";
import { CapabilityNotice } from "./components/CapabilityNotice";
import { DataTab } from "./components/DataTab";
import { FunctionsTab } from "./components/FunctionsTab";
import { ImportTab } from "./components/ImportTab";
import { Header } from "./components/Header";
import { NoticeBar } from "./components/NoticeBar";
import { ReportsTab } from "./components/ReportsTab";
import { SelfTestPanel } from "./components/SelfTestPanel";
import { StatusBar } from "./components/StatusBar";
import { PaneContext, usePaneStore } from "./paneContext";
import type { PaneStore, Tab as TabId } from "./store";
import { T } from "./text";

const useStyles = makeStyles({
  root: {
    display: "grid",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: "640px",
  },
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  demo: { color: tokens.colorNeutralForeground3 },
  // Wraps rather than scrolls sideways in a narrow pane ("NTH functions" at 320 px in English).
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})`, flexWrap: "wrap", minWidth: 0 },
});

const TABS: readonly { id: TabId; label: keyof typeof T }[] = [
  { id: "data", label: "tabData" },
  { id: "import", label: "tabImport" },
  { id: "reports", label: "tabReports" },
  { id: "functions", label: "tabFunctions" },
];

const DEMO_NOTES = { sample: T.demoNote, empty: T.demoNoteEmpty, district: T.demoNoteDistrict } as const;

/** The function a help address names (`taskpane.html#help/TARGET_GAP`, the functions' helpUrl). */
function helpTarget(): string | null {
  const m = /^#help\/([A-Z_]+)$/.exec(typeof window === "undefined" ? "" : window.location.hash);
  return m ? m[1] : null;
}

/** The task pane: renders the store's state; every action goes through the store. */
export function App({ store }: { store: PaneStore }): React.JSX.Element {
  const pane = usePaneStore(store);
  const styles = useStyles();
  const { state, t } = pane;
  // Opened from a function's help link: the Functions tab, at that function.
  React.useEffect(() => {
    const id = helpTarget();
    if (!id) return;
    store.setTab("functions");
    requestAnimationFrame(() => document.getElementById(`help-${id}`)?.focus());
  }, [store]);
  const panelId = `nth-panel-${state.tab}`;
  return (
    <PaneContext.Provider value={pane}>
      <FluentProvider theme={webLightTheme} className={styles.provider} lang={state.lang}>
        <main className={styles.root}>
          <Header />
          {state.mode === "demo" && <Caption1 className={styles.demo}>{t(DEMO_NOTES[state.demo])}</Caption1>}
          <CapabilityNotice />
          <NoticeBar />
          <TabList
            className={styles.tabs}
            selectedValue={state.tab}
            onTabSelect={(_, data) => store.setTab(data.value as TabId)}
            aria-label={t(T.tabs)}
          >
            {TABS.map((tab) => (
              <Tab
                key={tab.id}
                value={tab.id}
                id={`nth-tab-${tab.id}`}
                aria-controls={tab.id === state.tab ? panelId : undefined}
              >
                {t(T[tab.label] as { vi: string; en: string })}
              </Tab>
            ))}
          </TabList>
          <StatusBar />
          <Announcer />
          <div role="tabpanel" id={panelId} aria-labelledby={`nth-tab-${state.tab}`}>
            {state.tab === "data" && <DataTab />}
            {state.tab === "import" && <ImportTab />}
            {state.tab === "reports" && <ReportsTab />}
            {state.tab === "functions" && <FunctionsTab />}
          </div>
          <SelfTestPanel />
        </main>
      </FluentProvider>
    </PaneContext.Provider>
  );
}
