import type { Message } from "../core/issues";

/** One NTH custom function as the pane lists it. */
export interface FunctionSummary {
  readonly syntax: string;
  readonly meaning: Message;
  readonly example: string;
}

/** The NTH functions, in the order a clerk meets them (details: docs/custom-functions.md). */
export const NTH_FUNCTIONS: readonly FunctionSummary[] = [
  {
    syntax: "NTH.CONSOLIDATION_RATE(consolidated, [total])",
    meaning: {
      vi: "Tỷ lệ nhất thể hóa, từ hai số đếm hoặc từ một cột Có/Không.",
      en: "Consolidation rate, from two counts or from a yes/no column.",
    },
    example: "=NTH.CONSOLIDATION_RATE(68, 143)",
  },
  {
    syntax: "NTH.TARGET_GAP(actual, target)",
    meaning: {
      vi: "Khoảng cách tới chỉ tiêu (mục tiêu − thực tế).",
      en: "Gap to the target (target − actual).",
    },
    example: '=NTH.TARGET_GAP(C5, "90%")',
  },
  {
    syntax: "NTH.UNITS_NEEDED(consolidated, total, target, [strict])",
    meaning: {
      vi: "Số thôn cần nhất thể hóa thêm để đạt chỉ tiêu, tính chính xác.",
      en: "Villages still to consolidate to meet the target, computed exactly.",
    },
    example: "=NTH.UNITS_NEEDED(68, 143, 90%, TRUE)",
  },
  {
    syntax: "NTH.IS_CONSOLIDATED(secretary, head)",
    meaning: {
      vi: "Bí thư chi bộ có kiêm trưởng thôn không (so tên sau chuẩn hóa).",
      en: "Whether the cell secretary is also the village head (names compared after normalisation).",
    },
    example: "=NTH.IS_CONSOLIDATED(I2, J2)",
  },
  {
    syntax: "NTH.COUNT_CONSOLIDATED(secretaries, heads)",
    meaning: {
      vi: "Đếm số thôn có bí thư kiêm trưởng thôn.",
      en: "Counts villages whose secretary is also the head.",
    },
    example: "=NTH.COUNT_CONSOLIDATED(I2:I144, J2:J144)",
  },
  {
    syntax: "NTH.ROLLUP_RATE(numerators, denominators)",
    meaning: {
      vi: "Tỷ lệ tổng hợp = tổng tử số / tổng mẫu số, không lấy trung bình các tỷ lệ.",
      en: "Rolled-up rate = sum of numerators / sum of denominators, never an average of rates.",
    },
    example: "=NTH.ROLLUP_RATE(D5:D25, C5:C25)",
  },
];
