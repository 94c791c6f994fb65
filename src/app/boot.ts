import type { Message } from "../core/issues";

/**
 * How the task pane starts, decided from what the page knows (pure: the bootstrap in
 * src/taskpane/index.tsx gathers the facts and acts on the answer):
 * - inside Excel (office.js loaded, `Office.onReady` says Excel, the Excel API present): the open
 *   workbook;
 * - demo mode (the in-memory Excel and the Lạng Sơn sample, in their own chunk) only when asked
 *   (`?demo=1`) or when the page is plainly outside Office (office.js loaded and `onReady` says no
 *   host);
 * - anything else — office.js missing or blocked, `onReady` never answering, another Office
 *   application, an Excel without its API — says what is wrong, in both languages.
 */

export interface BootFacts {
  /** `?demo=1` in the page's address. */
  readonly demoAsked: boolean;
  /** office.js loaded (`Office` defined). */
  readonly officeLoaded: boolean;
  /** What `Office.onReady` said: the host name, null for "no host", "timeout" when it never answered. */
  readonly host: string | null | "timeout";
  /** `Excel` defined. */
  readonly excelApi: boolean;
}

export type BootMode =
  | { readonly kind: "excel" }
  | { readonly kind: "demo" }
  | { readonly kind: "error"; readonly message: Message };

/** The messages of a start that cannot go on. */
export const BOOT_MESSAGES = {
  officeMissing: {
    vi: "Không tải được thư viện Office (office.js). Bảng điều khiển chưa kết nối được với Excel: hãy kiểm tra mạng hoặc tường lửa (cần truy cập appsforoffice.microsoft.com), rồi đóng và mở lại bảng điều khiển. Xem thử không cần Excel: thêm ?demo=1 vào địa chỉ.",
    en: "The Office library (office.js) did not load. The pane cannot reach Excel: check the network or firewall (appsforoffice.microsoft.com must be reachable), then close and reopen the pane. To try it without Excel, add ?demo=1 to the address.",
  },
  timeout: {
    vi: "Office không trả lời (Office.onReady không kết thúc). Hãy đóng và mở lại bảng điều khiển, hoặc khởi động lại Excel.",
    en: "Office did not answer (Office.onReady never finished). Close and reopen the pane, or restart Excel.",
  },
  notExcel: (host: string): Message => ({
    vi: `Phần bổ trợ này chỉ chạy trong Excel (đang mở trong ${host}).`,
    en: `This add-in runs in Excel only (it was opened in ${host}).`,
  }),
  noExcelApi: {
    vi: "Excel này không có giao diện lập trình Excel JavaScript API mà phần bổ trợ cần. Hãy cập nhật Excel (Microsoft 365, Excel 2019 trở lên hoặc Excel trên web).",
    en: "This Excel lacks the Excel JavaScript API the add-in needs. Update Excel (Microsoft 365, Excel 2019 or later, or Excel on the web).",
  },
} as const;

export function bootMode(facts: BootFacts): BootMode {
  if (facts.demoAsked) return { kind: "demo" };
  if (!facts.officeLoaded) return { kind: "error", message: BOOT_MESSAGES.officeMissing };
  if (facts.host === "timeout") return { kind: "error", message: BOOT_MESSAGES.timeout };
  if (facts.host === null) return { kind: "demo" };
  if (facts.host !== "Excel") return { kind: "error", message: BOOT_MESSAGES.notExcel(facts.host) };
  if (!facts.excelApi) return { kind: "error", message: BOOT_MESSAGES.noExcelApi };
  return { kind: "excel" };
}
