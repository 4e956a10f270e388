/**
 * Reading one file of a checkout without ever leaving it. The repository is untrusted (the Action
 * checks out pull requests, forks included), so no path it controls — a `..`, an absolute path, a
 * symbolic link at any level — may make us read, or echo, a file outside the root. Whatever cannot
 * be read safely becomes a finding that names the path, never a crash, a hang or a silent skip.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from "node:fs";
import path from "node:path";
import { finding, type Finding } from "../core/findings.js";
import type { SourceFile } from "../core/model.js";
import { escapesRoot } from "../core/repo-path.js";

/** Files larger than this are read only this far: the loader reports them as too large. */
export const READ_LIMIT_BYTES = 2 * 1024 * 1024;

/**
 * O_NOFOLLOW: the last component may not be a link (ancestors are checked with lstat).
 * O_NONBLOCK: opening a named pipe with no writer returns at once instead of hanging; it has no
 * effect on regular files.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** One file's outcome: its text, a finding explaining why it was not read, or nothing (missing). */
export type ReadOutcome = { file: SourceFile } | { finding: Finding } | { missing: true };

const START = { line: 1, column: 1 };

/**
 * What path.posix.normalize would change in a relative path: an empty, `.` or `..` segment, or a
 * trailing slash. Paths from the listing have none of these, so they skip the normalizing copy.
 */
const NOT_NORMAL = /(?:^|\/)\.{0,2}(?:\/|$)/;

/** Reads files under one root; remembers which folders it has checked for links. */
export class RootReader {
  /** Folder (relative, posix) → undefined when it is a real folder, or the finding about it. */
  private readonly folders = new Map<string, Finding | "missing" | undefined>();

  constructor(readonly root: string) {}

  /** Reads `rel` (relative to the root, posix slashes). `left` is appended to every finding's message. */
  read(rel: string, left = ""): ReadOutcome {
    if (escapesRoot(rel)) {
      return {
        finding: finding(
          "unreadable",
          rel,
          START,
          `\`${rel}\` lies outside the repository; campaign-gate reads only files inside it, so it was not read.${left}`,
        ),
      };
    }
    const clean = NOT_NORMAL.test(rel) ? path.posix.normalize(rel) : rel;
    const slash = clean.lastIndexOf("/");
    const folder = slash === -1 ? undefined : this.checkFolder(clean.slice(0, slash));
    if (folder === "missing") return { missing: true };
    if (folder) return { finding: { ...folder, file: clean, message: folder.message + left } };
    return readRegularFile(this.full(clean), clean, left);
  }

  /**
   * The full path of `clean` (normalized, relative, not climbing out). On POSIX that is the
   * normalized root, a slash and `clean`: what path.join gives, without re-normalizing the whole
   * string once per file. Elsewhere path.join also turns the slashes around.
   */
  private full(clean: string): string {
    if (path.sep !== "/") return path.join(this.root, clean);
    // join(root, "x") without its "x": "" for "" or ".", "/" for "/", else the root and a slash.
    this.prefix ??= path.join(this.root, "x").slice(0, -1);
    return this.prefix + clean;
  }

  private prefix: string | undefined = undefined;

  /**
   * Whether `dir` and each of its ancestors is a real folder inside the root (a link to a folder
   * could lead anywhere). Cached: 10,000 campaigns in one folder cost one lstat.
   */
  checkFolder(dir: string): Finding | "missing" | undefined {
    if (this.folders.has(dir)) return this.folders.get(dir);
    const parent = path.posix.dirname(dir);
    let outcome = parent === "." ? undefined : this.checkFolder(parent);
    if (outcome === undefined) {
      try {
        const info = lstatSync(path.join(this.root, dir));
        if (info.isSymbolicLink()) {
          outcome = finding(
            "unreadable",
            dir,
            START,
            `The folder \`${dir}\` is a symbolic link; campaign-gate never follows links (one could point outside the repository), so nothing under it was read. Commit the folder itself instead of a link.`,
          );
        } else if (!info.isDirectory()) outcome = "missing";
      } catch {
        outcome = "missing";
      }
    }
    this.folders.set(dir, outcome);
    return outcome;
  }
}

/**
 * Campaign files are small: one buffer serves them all (its bytes become a string at once), so
 * 10,000 files cost no 10,000 buffers for the garbage collector. Larger files get their own.
 */
const SCRATCH_BYTES = 64 * 1024;
const scratch = Buffer.allocUnsafe(SCRATCH_BYTES);

function readRegularFile(full: string, rel: string, left: string): ReadOutcome {
  const fail = (message: string): ReadOutcome => ({
    finding: finding("unreadable", rel, START, `${message}${left}`),
  });
  let fd: number;
  try {
    fd = openSync(full, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { missing: true };
    if (code === "ELOOP" || code === "EMLINK")
      return fail(
        `\`${rel}\` is a symbolic link; campaign-gate never follows links (one could point outside the repository), so it was not read. Commit the file itself instead of a link.`,
      );
    if (code === "EACCES" || code === "EPERM")
      return fail(
        `\`${rel}\` could not be opened (permission denied), so it was not read. Make it readable.`,
      );
    if (code === "EISDIR") return { missing: true };
    return fail(`\`${rel}\` could not be opened (${code ?? "unknown error"}), so it was not read.`);
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) return { missing: true };
    if (!info.isFile())
      return fail(
        `\`${rel}\` is not a regular file (it is a named pipe, socket or device), so it was not read. Commit a plain text file instead.`,
      );
    // Exactly the file's size (plus one byte to notice a file that grew past the limit). Once
    // fstat's size is in, the file is complete: no further read just to meet the end of the file.
    const size = Math.min(info.size, READ_LIMIT_BYTES) + 1;
    const buffer = size <= SCRATCH_BYTES ? scratch : Buffer.allocUnsafe(size);
    let length = 0;
    while (length < size) {
      const n = readSync(fd, buffer, length, size - length, null);
      if (n === 0) break;
      length += n;
      if (length === info.size) break;
    }
    return { file: { path: rel, text: buffer.toString("utf8", 0, length) } };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(`\`${rel}\` could not be read (${code ?? "unknown error"}).`);
  } finally {
    closeSync(fd);
  }
}
