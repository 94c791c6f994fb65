import { Badge, Caption1, makeStyles, Subtitle1, Switch, tokens } from "@fluentui/react-components";
import * as React from "react";
import { usePane } from "../paneContext";
import { T } from "../text";

const useStyles = makeStyles({
  header: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    alignItems: "start",
    columnGap: tokens.spacingHorizontalS,
  },
  title: { margin: 0 },
  subtitle: { display: "block", color: tokens.colorNeutralForeground3 },
  badges: { display: "flex", gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXS },
});

/** Title, the mode (in Excel / demo) and the language switch. */
export function Header(): React.JSX.Element {
  const { state, store, t } = usePane();
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <div>
        <Subtitle1 as="h1" className={styles.title}>
          {t(T.title)}
        </Subtitle1>
        <Caption1 className={styles.subtitle}>{t(T.subtitle)}</Caption1>
        <div className={styles.badges}>
          {state.mode === "demo" ? (
            <Badge appearance="tint" color="warning">
              {t(T.demoBadge)}
            </Badge>
          ) : (
            <Badge appearance="tint" color="success">
              {t(T.excelBadge)}
            </Badge>
          )}
        </div>
      </div>
      <Switch
        checked={state.lang === "en"}
        onChange={(_, data) => store.setLang(data.checked ? "en" : "vi")}
        label={T.english.en}
        title={t(T.languageSwitch)}
        labelPosition="before"
      />
    </header>
  );
}
