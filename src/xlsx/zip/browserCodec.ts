import { Inflate } from "fflate";
import { InflateLimitError, type ZipCodec } from "./codec";
import { crc32 } from "./crc32";
import { concatBytes } from "../bytes";

/** Input fed to fflate at a time: one slice can expand at most ~1,032× before the limit is checked. */
const SLICE = 16 * 1024;

/** fflate for the task pane (any browser; no Node API): streamed in slices, stopped at the limit. */
export const browserCodec: ZipCodec = {
  inflateRaw(data: Uint8Array, limit: number): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const inflate = new Inflate((chunk) => {
      size += chunk.length;
      if (size > limit) throw new InflateLimitError("inflated data over the limit");
      chunks.push(chunk);
    });
    try {
      if (data.length === 0) inflate.push(data, true);
      for (let at = 0; at < data.length; at += SLICE)
        inflate.push(data.subarray(at, at + SLICE), at + SLICE >= data.length);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return Promise.resolve(concatBytes(chunks, size));
  },
  crc32,
};
