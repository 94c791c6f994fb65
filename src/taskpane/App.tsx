import {
  Badge,
  Body1,
  Caption1,
  FluentProvider,
  makeStyles,
  Subtitle2,
  Title2,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import * as React from "react";
import { FunctionList } from "./components/FunctionList";
import { NoticeBar } from "./components/NoticeBar";
import { NTH_FUNCTIONS } from "./functionList";

const useStyles = makeStyles({
  root: {
    display: "grid",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

/** Props: the Office host the pane runs in, or null in a plain browser. */
export interface AppProps {
  readonly host: Office.HostType | null;
}

/** The task pane: title, what the add-in does, the NTH functions, and notices from the ribbon. */
export function App({ host }: AppProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <header>
          <Title2 as="h1">Nhất thể hóa — Tổng hợp</Title2>
          <Caption1 as="p" lang="en">
            Consolidation of leadership posts — rollup
          </Caption1>
          {host === null ? (
            <Badge appearance="tint" color="warning">
              Chế độ xem thử (ngoài Excel) / Preview mode (outside Excel)
            </Badge>
          ) : (
            <Badge appearance="tint" color="success">
              Đang chạy trong Excel / Running in Excel
            </Badge>
          )}
        </header>
        <NoticeBar />
        <section>
          <Body1 as="p">
            Theo dõi và tổng hợp việc nhất thể hóa chức danh (bí thư chi bộ kiêm trưởng thôn, bí thư đảng ủy
            kiêm chủ tịch UBND…) từ thôn lên xã, huyện, tỉnh: tỷ lệ, chỉ tiêu và số đơn vị còn thiếu.
          </Body1>
          <Caption1 as="p" lang="en">
            Track and roll up the consolidation of leadership posts (cell secretary also village head, commune
            secretary also People&apos;s Committee chair…) from villages to communes, districts and provinces:
            rates, targets and units still needed.
          </Caption1>
        </section>
        <section aria-labelledby="nth-functions">
          <Subtitle2 as="h2" id="nth-functions">
            Các hàm NTH trong ô tính / NTH functions in cells
          </Subtitle2>
          <FunctionList functions={NTH_FUNCTIONS} />
        </section>
      </main>
    </FluentProvider>
  );
}
