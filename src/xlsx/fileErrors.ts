import type { Message } from "../core/issues";

/**
 * File-system errors as a clerk can read them: which file (her name for it, never a hidden
 * temporary file), what happened and what to do, in Vietnamese then English. Every error the
 * operating system can give for something a clerk can cause (a read-only folder, a report still
 * open in Excel, a full disk, a name too long…) becomes one of these and exit code 1; only real
 * programming errors are left to the "unexpected error" of exit code 70.
 */

/** Whether the file was being read or written when the error happened. */
export type FileAccess = "read" | "write";

/**
 * The code of an existing file refused because this user may not write it (its mode, its owner,
 * the read-only attribute): not an operating-system error, since replacing it would succeed.
 */
export const READ_ONLY = "EREADONLY";

/** The error codes explained; anything else with an errno code gets the generic message. */
const EXPLAINED: Record<string, (access: FileAccess) => Message> = {
  EACCES: permission,
  EPERM: permission,
  EBUSY: () => ({
    vi: "tệp đang được mở trong Excel hoặc một chương trình khác: hãy đóng tệp rồi chạy lại",
    en: "the file is open in Excel or another program: close it and run again",
  }),
  ETXTBSY: () => ({
    vi: "tệp đang được một chương trình khác dùng: hãy đóng chương trình đó rồi chạy lại",
    en: "the file is in use by another program: close it and run again",
  }),
  EISDIR: () => ({
    vi: "đây là một thư mục, không phải tệp: hãy cho một tên tệp",
    en: "this is a folder, not a file: give a file name",
  }),
  ENOTDIR: () => ({
    vi: "một phần của đường dẫn là tệp chứ không phải thư mục: hãy kiểm tra lại đường dẫn",
    en: "part of the path is a file, not a folder: check the path",
  }),
  ELOOP: () => ({
    vi: "đường dẫn có liên kết tượng trưng vòng lặp: hãy kiểm tra lại các liên kết",
    en: "the path has a loop of symbolic links: check the links",
  }),
  EEXIST: () => ({
    vi: "không tạo được thư mục vì đã có một tệp trùng tên: hãy chọn thư mục khác",
    en: "cannot create the folder because a file of that name exists: choose another folder",
  }),
  ENOENT: (access) =>
    access === "read"
      ? { vi: "không có tệp này", en: "no such file" }
      : {
          vi: "không có thư mục này và không tạo được: hãy kiểm tra lại đường dẫn",
          en: "the folder does not exist and could not be created: check the path",
        },
  ENOSPC: () => ({
    vi: "ổ đĩa đã đầy: hãy giải phóng chỗ trống hoặc ghi ra ổ khác",
    en: "the disk is full: free some space or write to another disk",
  }),
  EDQUOT: () => ({
    vi: "đã hết hạn mức dung lượng của bạn trên ổ đĩa: hãy xóa bớt tệp hoặc ghi ra ổ khác",
    en: "your disk quota is used up: delete some files or write to another disk",
  }),
  EROFS: () => ({
    vi: "ổ đĩa chỉ cho đọc: hãy ghi ra thư mục khác",
    en: "the disk is read-only: write to another folder",
  }),
  ENAMETOOLONG: () => ({
    vi: "tên tệp hoặc đường dẫn quá dài: hãy đặt tên ngắn hơn",
    en: "the file name or path is too long: use a shorter name",
  }),
  EFBIG: () => ({
    vi: "tệp vượt giới hạn kích thước tệp mà ổ đĩa hoặc hệ thống cho phép: hãy ghi ra ổ đĩa hoặc thư mục khác",
    en: "the file is over the size the disk or the system allows for one file: write to another disk or folder",
  }),
  ERR_FS_FILE_TOO_LARGE: tooLarge,
  EMFILE: tooManyOpen,
  ENFILE: tooManyOpen,
  EIO: () => ({
    vi: "lỗi đọc ghi của ổ đĩa: hãy kiểm tra ổ đĩa (hoặc ổ mạng, USB) rồi chạy lại",
    en: "the disk reported an input/output error: check the disk (or network drive, USB stick) and run again",
  }),
  EXDEV: () => ({
    vi: "không ghi được qua hai ổ đĩa khác nhau: hãy ghi ra một thư mục thường",
    en: "cannot write across two disks: write to an ordinary folder",
  }),
  // A socket, or a pipe that no program reads, opened for writing (or reading): the wording of
  // the other files that are not regular ("not-regular" in errors.ts).
  ENXIO: notRegular,
  EREADONLY: () => ({
    vi: "tệp chỉ cho đọc (read-only): hãy bỏ thuộc tính chỉ đọc của tệp (hoặc xin quyền ghi), hay ghi ra tên tệp khác",
    en: "the file is read-only: clear its read-only attribute (or ask for write access), or write to another file name",
  }),
  EAGAIN: () => ({
    vi: "tệp tạm thời không dùng được: hãy chạy lại",
    en: "the file is temporarily unavailable: run again",
  }),
};

function permission(access: FileAccess): Message {
  return access === "read"
    ? {
        vi: "không có quyền đọc tệp này: hãy xin quyền hoặc chép tệp sang thư mục của bạn",
        en: "no permission to read this file: ask for access or copy the file to your own folder",
      }
    : {
        vi: "không có quyền ghi vào đây (hoặc tệp chỉ cho đọc): hãy chọn thư mục khác hoặc xin quyền ghi",
        en: "no permission to write here (or the file is read-only): choose another folder or ask for write access",
      };
}

function notRegular(access: FileAccess): Message {
  return access === "read"
    ? {
        vi: "đây không phải tệp thông thường (ống dẫn, thiết bị hay ổ cắm); hãy lưu sổ làm việc thành tệp rồi chỉ đến tệp đó",
        en: "this is not a regular file (a pipe, device or socket); save the workbook as a file and name that file",
      }
    : {
        vi: "đây không phải tệp thông thường (ổ cắm, hay ống dẫn không có chương trình nào đọc): hãy ghi ra một tệp thường",
        en: "this is not a regular file (a socket, or a pipe no program reads): write to an ordinary file",
      };
}

/** A file over Node's limit for reading a file at once (2 GB). */
function tooLarge(): Message {
  return {
    vi: "tệp quá lớn (trên 2 GB): hãy chia số liệu thành nhiều tệp",
    en: "the file is too large (over 2 GB): split the data into several files",
  };
}

function tooManyOpen(): Message {
  return {
    vi: "máy đang mở quá nhiều tệp: hãy đóng bớt chương trình rồi chạy lại",
    en: "too many files are open: close some programs and run again",
  };
}

/** The errno-style code of an error from Node's fs, or null. */
export function errorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^E[A-Z0-9_]+$|^ERR_FS_/.test(code) ? code : null;
}

/** The bilingual line for a file-system error on `file` (the name the clerk gave). */
export function fileErrorMessage(file: string, code: string, access: FileAccess): Message {
  const what = EXPLAINED[code]?.(access) ?? {
    vi: `lỗi hệ thống tệp (${code}): hãy kiểm tra tệp và thư mục rồi chạy lại`,
    en: `file system error (${code}): check the file and folder and run again`,
  };
  return access === "read"
    ? { vi: `Không đọc được tệp “${file}”: ${what.vi}`, en: `Cannot read file “${file}”: ${what.en}` }
    : { vi: `Không ghi được tệp “${file}”: ${what.vi}`, en: `Cannot write file “${file}”: ${what.en}` };
}

/**
 * A file could not be read or written because of the file system. Its message is one line,
 * Vietnamese then English, naming the file as the clerk gave it; `bilingual` holds the two
 * languages for `--lang`; `code` the operating system's code (EACCES, EBUSY…).
 */
export class FileSystemError extends Error {
  override readonly name = "FileSystemError";
  readonly file: string;
  readonly code: string;
  readonly access: FileAccess;
  readonly bilingual: Message;

  constructor(file: string, code: string, access: FileAccess, options?: { cause?: unknown }) {
    const bilingual = fileErrorMessage(file, code, access);
    super(`${bilingual.vi} / ${bilingual.en}`, options);
    this.file = file;
    this.code = code;
    this.access = access;
    this.bilingual = bilingual;
  }
}

/** True for a `FileSystemError`, also across module copies (jest, bundles). */
export function isFileSystemError(error: unknown): error is FileSystemError {
  return error instanceof FileSystemError || (error instanceof Error && error.name === "FileSystemError");
}
