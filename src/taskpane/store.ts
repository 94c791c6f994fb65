import type { Issue, Message } from "../core/issues";
import type { Language } from "../core/summary";
import { REPORT_IDS, type ReportId } from "../report/description";
import type { Glance } from "../app/glance";
import type { UnitChoice } from "../app/focus";
import type { IssueCounts, SheetGroup } from "../app/issueGroups";
import { settingsForm, type FormField, type SettingKey } from "../app/settingsForm";
import {
  analyseWorkbook,
  checkData,
  createStandardSheets,
  generateReports,
  saveSettings,
  type Clock,
  type CreateOutcome,
  type GenerateOutcome,
  type GenerateProgress,
} from "../app/workflows";
import { restoreChoices, type PaneChoices } from "../app/choices";
import { messageOf } from "../port/errors";
import type { SelfTestReport } from "../port/selfTest";
import { exportSubmission, type SubmissionContent, type SubmissionOutcome } from "../app/submission";
import type { Capabilities, ReadProgress, WorkbookPort } from "../port/workbookPort";
import { focusRollup } from "../app/focus";
import type { Rollup } from "../core/rollup/types";
import type { SheetGrid } from "../core/grid";
import type { Completeness } from "../core/submission/completeness";
import { applyImport, previewImport } from "../app/imports/importWorkflow";
import type { ImportMode, ImportPlan, IncomingFile } from "../app/imports/plan";

/**
 * The task pane's state and actions, outside React: components render `state` and call the
 * actions; the actions call the workflows (src/app) over the workbook session (src/excel). One
 * store per pane; `subscribe`/`getState` fit React's useSyncExternalStore.
 */

export type Tab = "data" | "import" | "reports" | "functions";

export type CheckState =
  | { readonly kind: "none" }
  | {
      readonly kind: "running";
      /** The sheet being read and how far (after each chunk of rows); null before the first chunk. */
      readonly progress: ReadProgress | null;
      readonly cancelling: boolean;
    }
  /** Cancelled while reading: nothing analysed, nothing in the workbook changed. */
  | { readonly kind: "cancelled" }
  | {
      readonly kind: "ok";
      readonly counts: IssueCounts;
      readonly total: number;
      readonly groups: readonly SheetGroup[];
      readonly glance: Glance;
    }
  | { readonly kind: "unusable"; readonly message: Message; readonly empty: boolean }
  | { readonly kind: "failed"; readonly message: Message };

export type CreateState =
  | { readonly kind: "none" }
  | { readonly kind: "running" }
  | { readonly kind: "done"; readonly outcome: CreateOutcome }
  | { readonly kind: "failed"; readonly message: Message };

/** The import of submissions: files read, the preview, applying, the outcome. */
export type ImportState =
  | { readonly kind: "none" }
  | { readonly kind: "reading"; readonly count: number }
  | {
      readonly kind: "preview";
      readonly plan: ImportPlan;
      readonly files: readonly IncomingFile[];
      /** Set when the workbook changed since an earlier preview the clerk confirmed. */
      readonly notice: Message | null;
      /** Files the clerk confirmed may replace an accepted submission (the confirm dialog). */
      readonly confirmReplace?: readonly string[];
    }
  | {
      readonly kind: "applying";
      readonly plan: ImportPlan;
      readonly files: readonly IncomingFile[];
      readonly step: { readonly index: number; readonly total: number; readonly name: string } | null;
    }
  | { readonly kind: "done"; readonly plan: ImportPlan }
  | { readonly kind: "failed"; readonly message: Message };

/** The submission to the level above ("Nộp báo cáo"). */
export type SubmissionState =
  | { readonly kind: "none" }
  | { readonly kind: "running" }
  | { readonly kind: "done"; readonly outcome: Extract<SubmissionOutcome, { kind: "done" }> }
  | { readonly kind: "failed"; readonly message: Message };

/** The compatibility self-test (the pane's "Kiểm tra tương thích" entry). */
export type SelfTestState =
  | { readonly kind: "none" }
  | { readonly kind: "running" }
  | { readonly kind: "done"; readonly report: SelfTestReport }
  | { readonly kind: "failed"; readonly message: Message };

export type GenerationState =
  | { readonly kind: "none" }
  | { readonly kind: "running"; readonly progress: GenerateProgress | null; readonly cancelling: boolean }
  | { readonly kind: "finished"; readonly outcome: GenerateOutcome };

/** Which in-memory workbook demo mode opened (`?workbook=`). */
export type DemoWorkbook = "sample" | "empty" | "district";

export interface PaneState {
  readonly lang: Language;
  readonly mode: "excel" | "demo";
  readonly demo: DemoWorkbook;
  readonly capabilities: Capabilities;
  readonly tab: Tab;
  readonly create: CreateState;
  readonly check: CheckState;
  readonly generation: GenerationState;
  readonly importing: ImportState;
  readonly selfTest: SelfTestState;
  readonly submission: SubmissionState;
  /** Where imported rows go: the standard sheets, or the add-in's combined copy. */
  readonly importMode: ImportMode;
  /** Who has reported, when the workbook compiles imported submissions (from the last check). */
  readonly completeness: Completeness | null;
  /** Units one can report for (known after a check or the first generation). */
  readonly units: readonly UnitChoice[];
  readonly choices: PaneChoices;
  /** The header-block form; empty until the data has been read. */
  readonly form: readonly FormField[];
  readonly edits: ReadonlyMap<SettingKey, string>;
  /** A short message about the last small action (a selected cell, an inserted formula, an error). */
  readonly status: { readonly intent: "success" | "error" | "info"; readonly message: Message } | null;
}

/** The one path from an error to the message shown (src/port/errors.ts). */
const sayError = (vi: string, en: string, error: unknown): Message => messageOf(error, { vi, en });

export class PaneStore {
  private state: PaneState;
  private readonly listeners = new Set<() => void>();
  private controller: AbortController | null = null;
  private checkController: AbortController | null = null;
  /** The last rollup and settings sheet read, for the form's defaults. */
  private rollup: Rollup | null = null;
  private settingsSheet: SheetGrid | null = null;
  /** The period the data states (title row, submissions), which the period setting defaults to. */
  private dataPeriod: string | null = null;

  constructor(
    readonly session: WorkbookPort,
    private readonly clock: () => Clock,
    initial: Partial<Pick<PaneState, "lang" | "tab" | "demo">> = {},
    private readonly services: {
      /** Reads picked files into grids (the pane: the bounded .xlsx reader in the browser, loaded on first use). */
      readonly readFiles?: (files: readonly File[]) => Promise<IncomingFile[]>;
      readonly now?: () => Date;
      /** The submission's .xlsx bytes (the pane: src/xlsx's writer, loaded in its own chunk on first use). */
      readonly submissionBytes?: (content: SubmissionContent) => Promise<Uint8Array>;
      /** Saves bytes as a file where Excel cannot open a new workbook (the pane: a browser download). */
      readonly download?: (bytes: Uint8Array, fileName: string) => void;
      /** The add-in's version, written into the submission's manifest (the pane: package.json's, put in by the build). */
      readonly version?: string;
    } = {},
  ) {
    this.state = {
      lang: initial.lang ?? "vi",
      mode: session.mode,
      demo: initial.demo ?? "sample",
      capabilities: session.capabilities(),
      tab: initial.tab ?? "data",
      create: { kind: "none" },
      check: { kind: "none" },
      generation: { kind: "none" },
      importing: { kind: "none" },
      selfTest: { kind: "none" },
      submission: { kind: "none" },
      importMode: "sheets",
      completeness: null,
      units: [],
      choices: restoreChoices(null),
      form: [],
      edits: new Map(),
      status: null,
    };
  }

  // ---- the external-store protocol ----

  getState = (): PaneState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Replaces part of the state (actions, and tests that show a given state). */
  set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  // ---- small actions ----

  setLang = (lang: Language): void => this.set({ lang });

  setTab = (tab: Tab): void => this.set({ tab, status: null });

  setChoices = (patch: Partial<PaneChoices>): void => {
    const choices = { ...this.state.choices, ...patch };
    this.set({ choices, form: this.formFor(choices) });
  };

  setEdit = (key: SettingKey, value: string): void => {
    const edits = new Map(this.state.edits);
    const original = this.state.form.find((f) => f.key === key)?.value ?? "";
    if (value === original) edits.delete(key);
    else edits.set(key, value);
    this.set({ edits });
  };

  clearStatus = (): void => this.set({ status: null });

  // ---- workbook actions ----

  /** Loads the choices saved in the workbook (at start). Never throws. */
  loadChoices = async (): Promise<void> => {
    if (!this.state.capabilities.settings.supported) return;
    try {
      const saved = await this.session.loadPaneChoices();
      if (saved !== null) this.set({ choices: restoreChoices(saved) });
    } catch {
      // Defaults then.
    }
  };

  createSheets = async (): Promise<void> => {
    this.set({ create: { kind: "running" } });
    try {
      const outcome = await createStandardSheets(this.session, this.state.lang);
      this.set({ create: { kind: "done", outcome } });
    } catch (error) {
      this.set({
        create: {
          kind: "failed",
          message: sayError("Không tạo được các trang chuẩn", "Could not create the standard sheets", error),
        },
      });
    }
  };

  check = async (): Promise<void> => {
    if (this.state.check.kind === "running") return;
    const controller = new AbortController();
    this.checkController = controller;
    this.set({ check: { kind: "running", progress: null, cancelling: false } });
    try {
      const outcome = await checkData(this.session, this.clock(), {
        signal: controller.signal,
        onProgress: (progress) => {
          const c = this.state.check;
          if (c.kind === "running") this.set({ check: { ...c, progress } });
        },
      });
      if (outcome.kind === "cancelled") this.set({ check: { kind: "cancelled" } });
      else this.absorb(outcome);
    } catch (error) {
      this.set({
        check: {
          kind: "failed",
          message: sayError("Không đọc được bảng tính", "Could not read the workbook", error),
        },
      });
    }
  };

  /** Takes a check's outcome into the state: issues, figures, units, the settings form. */
  private absorb(outcome: ReturnType<typeof analyseWorkbook>): void {
    if (outcome.kind === "unusable") {
      this.rollup = null;
      this.set({ check: { kind: "unusable", message: outcome.message, empty: outcome.empty } });
      return;
    }
    this.rollup = outcome.analysis.rollup;
    this.settingsSheet = outcome.settingsSheet;
    this.dataPeriod = outcome.analysis.period?.period.text ?? null;
    this.set({ completeness: outcome.completeness });
    const known = new Set(outcome.units.map((u) => u.id));
    const unitId =
      this.state.choices.unitId && known.has(this.state.choices.unitId)
        ? this.state.choices.unitId
        : outcome.defaultUnitId;
    const choices = { ...this.state.choices, unitId };
    this.set({
      check: {
        kind: "ok",
        counts: outcome.counts,
        total: outcome.issues.length,
        groups: outcome.groups,
        glance: outcome.glance,
      },
      units: outcome.units,
      choices,
      form: this.formFor(choices),
      edits: new Map(),
    });
  }

  private formFor(choices: PaneChoices): FormField[] {
    if (!this.rollup) return [];
    const focused = focusRollup(this.rollup, choices.unitId);
    return settingsForm(focused, this.settingsSheet, this.clock().today, choices.language, {
      period: this.dataPeriod,
    });
  }

  selectIssue = async (issue: Issue): Promise<void> => {
    if (!issue.sheet) return;
    await this.select(issue.sheet, issue.cell);
  };

  /** Shows a sheet (a link in the result summary) or selects a cell. */
  select = async (sheet: string, cell: string): Promise<void> => {
    try {
      await this.session.selectCell(sheet, cell);
      const place = cell ? `${sheet}!${cell}` : sheet;
      this.set({
        status: { intent: "info", message: { vi: `Đã chọn ${place}.`, en: `Selected ${place}.` } },
      });
    } catch (error) {
      this.set({
        status: {
          intent: "error",
          message: sayError("Không chọn được ô", "Could not select the cell", error),
        },
      });
    }
  };

  /**
   * Writes `formula` (Excel's en-US syntax, "," between arguments, as Office.js takes it) into the
   * active cell; `shown` is how the status line writes it (the clerk's list separator).
   */
  insertFormula = async (formula: string, shown: string = formula): Promise<void> => {
    try {
      const address = await this.session.insertFormula(formula);
      this.set({
        status: {
          intent: "success",
          message: { vi: `Đã chèn ${shown} vào ${address}.`, en: `Inserted ${shown} into ${address}.` },
        },
      });
    } catch (error) {
      this.set({
        status: {
          intent: "error",
          message: sayError("Không chèn được công thức", "Could not insert the formula", error),
        },
      });
    }
  };

  /** Saves the header settings typed in the pane, then generates the chosen reports. */
  generate = async (): Promise<void> => {
    if (this.state.generation.kind === "running") return;
    const controller = new AbortController();
    this.controller = controller;
    this.set({ generation: { kind: "running", progress: null, cancelling: false } });
    const { choices, lang } = this.state;
    try {
      if (this.state.edits.size > 0) await saveSettings(this.session, this.state.edits, lang);
      if (this.state.capabilities.settings.supported)
        await this.session.savePaneChoices(choices).catch(() => undefined);
    } catch (error) {
      this.finish({
        status: "failed",
        written: [],
        glance: null,
        settingsProblems: [],
        chart: false,
        check: null,
        message: sayError("Không lưu được cài đặt báo cáo", "Could not save the report settings", error),
      });
      return;
    }
    const outcome = await generateReports(
      this.session,
      {
        unitId: choices.unitId,
        reports: choices.reports,
        language: choices.language,
        layout: choices.layout,
      },
      this.clock(),
      {
        signal: controller.signal,
        chart: this.state.capabilities.chart.supported,
        onProgress: (progress) => {
          const g = this.state.generation;
          if (g.kind === "running") this.set({ generation: { ...g, progress } });
        },
      },
    );
    // The check made on the way refreshes the issues, the figures and the form.
    if (outcome.check) this.absorb(outcome.check);
    this.finish(outcome);
  };

  private finish(outcome: GenerateOutcome): void {
    this.controller = null;
    this.set({ generation: { kind: "finished", outcome } });
  }

  /**
   * Makes the submission for the level above: a new workbook opens in Excel (ExcelApi 1.8), or the
   * file is downloaded where Excel cannot open one.
   */
  submit = async (period: string): Promise<void> => {
    if (this.state.submission.kind === "running") return;
    this.set({ submission: { kind: "running" } });
    const toBytes =
      this.services.submissionBytes ??
      (async (c: SubmissionContent): Promise<Uint8Array> => {
        const { submissionXlsxBytes } = await import(
          /* webpackChunkName: "submission" */ "../xlsx/browserSubmission"
        );
        return submissionXlsxBytes(c.reports, c.data, c.manifest);
      });
    const outcome = await exportSubmission(
      this.session,
      {
        period,
        language: this.state.lang,
        generatedAt: this.now().toISOString(),
        addinVersion: this.services.version ?? "task pane",
      },
      this.clock(),
      toBytes,
      this.services.download,
    );
    this.set({
      submission:
        outcome.kind === "done" ? { kind: "done", outcome } : { kind: "failed", message: outcome.message },
    });
  };

  /** Runs the compatibility self-test on a temporary sheet and keeps its report for the pane. */
  runSelfTest = async (): Promise<void> => {
    if (this.state.selfTest.kind === "running") return;
    this.set({ selfTest: { kind: "running" } });
    try {
      this.set({ selfTest: { kind: "done", report: await this.session.selfTest() } });
    } catch (error) {
      this.set({
        selfTest: {
          kind: "failed",
          message: sayError(
            "Không chạy được kiểm tra tương thích",
            "Could not run the compatibility self-test",
            error,
          ),
        },
      });
    }
  };

  /** Stops the check's reading after the current chunk of rows. */
  cancelCheck = (): void => {
    const c = this.state.check;
    if (c.kind !== "running" || !this.checkController) return;
    this.checkController.abort();
    this.set({ check: { ...c, cancelling: true } });
  };

  cancel = (): void => {
    const g = this.state.generation;
    if (g.kind !== "running" || !this.controller) return;
    this.controller.abort();
    this.set({ generation: { ...g, cancelling: true } });
  };

  // ---- importing the submissions of the units below ----

  private now(): Date {
    return this.services.now?.() ?? new Date();
  }

  /** Reads the picked files in the pane, then shows what importing them would change. */
  pickFiles = async (files: readonly File[]): Promise<void> => {
    if (files.length === 0 || this.busyImporting()) return;
    const read = this.services.readFiles;
    if (!read) return;
    this.set({ importing: { kind: "reading", count: files.length } });
    try {
      await this.preview(await read(files), null);
    } catch (error) {
      this.set({
        importing: {
          kind: "failed",
          message: sayError("Không đọc được các tệp đã chọn", "Could not read the files picked", error),
        },
      });
    }
  };

  private async preview(
    files: readonly IncomingFile[],
    notice: Message | null,
    confirmReplace: readonly string[] = [],
  ): Promise<void> {
    const plan = await previewImport(
      this.session,
      { files, mode: this.state.importMode, language: this.state.lang, confirmReplace },
      this.now(),
    );
    this.set({ importing: { kind: "preview", plan, files, notice, confirmReplace } });
  }

  /** The clerk confirmed (in the dialog naming both files) that this file replaces an accepted submission. */
  confirmReplaceAccepted = async (file: string): Promise<void> => {
    const i = this.state.importing;
    if (i.kind !== "preview") return;
    try {
      await this.preview(i.files, null, [...(i.confirmReplace ?? []), file]);
    } catch (error) {
      this.set({
        importing: {
          kind: "failed",
          message: sayError("Không đọc được bảng tính", "Could not read the workbook", error),
        },
      });
    }
  };

  private busyImporting(): boolean {
    const k = this.state.importing.kind;
    return k === "reading" || k === "applying";
  }

  /** Standard sheets or combined copy; an open preview is made again for the new choice. */
  setImportMode = async (mode: ImportMode): Promise<void> => {
    this.set({ importMode: mode });
    const i = this.state.importing;
    if (i.kind !== "preview") return;
    try {
      await this.preview(i.files, null, i.confirmReplace);
    } catch (error) {
      this.set({
        importing: {
          kind: "failed",
          message: sayError("Không đọc được bảng tính", "Could not read the workbook", error),
        },
      });
    }
  };

  /** Applies the import the clerk saw; then checks the data again (issues, figures, who reported). */
  confirmImport = async (): Promise<void> => {
    const i = this.state.importing;
    if (i.kind !== "preview" || !i.plan.writes) return;
    this.set({ importing: { kind: "applying", plan: i.plan, files: i.files, step: null } });
    const outcome = await applyImport(
      this.session,
      { files: i.files, mode: i.plan.mode, language: this.state.lang, confirmReplace: i.confirmReplace },
      i.plan,
      this.now(),
      (step) => {
        const now = this.state.importing;
        if (now.kind === "applying") this.set({ importing: { ...now, step } });
      },
    );
    if (outcome.status === "changed") {
      this.set({
        importing: {
          kind: "preview",
          plan: outcome.plan,
          files: i.files,
          notice: outcome.message,
          confirmReplace: i.confirmReplace,
        },
      });
      return;
    }
    if (outcome.status === "failed") {
      this.set({ importing: { kind: "failed", message: outcome.message! } });
      return;
    }
    this.set({ importing: { kind: "done", plan: outcome.plan } });
    await this.check();
  };

  cancelImport = (): void => {
    if (this.busyImporting()) return;
    this.set({ importing: { kind: "none" } });
  };

  toggleReport = (id: ReportId, on: boolean): void => {
    const chosen = new Set(this.state.choices.reports);
    if (on) chosen.add(id);
    else chosen.delete(id);
    this.setChoices({ reports: REPORT_IDS.filter((r) => chosen.has(r)) });
  };
}
