import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { deflateRawSync } from "node:zlib";
import { crc32, zip } from "../../src/xlsx/write/zip";
import { nodeCrc32 } from "../../src/xlsx/writeReport";

const deflate = (d: Uint8Array): Uint8Array => deflateRawSync(d);

describe("the zip writer", () => {
  it("computes the zip CRC-32 (check value of “123456789”)", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it("agrees with the native CRC-32 the CLI passes in (Node's zlib.crc32)", () => {
    expect(nodeCrc32).toBeDefined();
    for (const n of [0, 1, 7, 1000, 65_537]) {
      const data = new Uint8Array(randomBytes(n));
      expect(nodeCrc32!(data)).toBe(crc32(data));
    }
  });

  it("writes a zip another implementation reads with every CRC right, UTF-8 names, stored and deflated entries", () => {
    // Bytes that do not compress: stored as they are.
    const noise = new Uint8Array(randomBytes(300));
    const entries = [
      { name: "xl/worksheets/sheet1.xml", data: new TextEncoder().encode("<a>".repeat(10_000)) },
      { name: "Thôn/tệp.bin", data: noise },
      { name: "empty", data: new Uint8Array(0) },
    ];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nth-zip-"));
    try {
      const file = path.join(dir, "t.zip");
      fs.writeFileSync(file, zip(entries, deflate, undefined, nodeCrc32));
      const script = [
        "import sys, zipfile, json",
        "z = zipfile.ZipFile(sys.argv[1])",
        "assert z.testzip() is None",
        "print(json.dumps([[i.filename, i.compress_type, i.file_size, list(z.read(i))[:5]] for i in z.infolist()]))",
      ].join("\n");
      const r = spawnSync("python3", ["-c", script, file], { encoding: "utf8" });
      expect(r.stderr).toBe("");
      expect(JSON.parse(r.stdout)).toEqual([
        ["xl/worksheets/sheet1.xml", 8, 30_000, [60, 97, 62, 60, 97]],
        ["Thôn/tệp.bin", 0, 300, [...noise.subarray(0, 5)]],
        ["empty", 0, 0, []],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
