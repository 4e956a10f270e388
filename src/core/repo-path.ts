/**
 * Whether a path or glob the repository names could reach outside the repository root. Paths in a
 * repository are data from whoever opened the pull request (forks included): an absolute path or a
 * `..` must never make any shell read a file outside the checkout.
 */

/** `..` as a whole segment, also inside a brace alternative (`{a,..}/x`) or after a backslash. */
const PARENT_SEGMENT = /(^|[/\\{,])\.\.($|[/\\},])/;
/** `/x`, `\x`, `C:x`, or a brace alternative that starts with one (`{/etc,a}/*`). */
const ABSOLUTE = /(^|[{,])\s*([/\\~]|[A-Za-z]:)/;

/** True when `p` (a repository path or a campaigns glob) is absolute or climbs out with `..`. */
export function escapesRoot(p: string): boolean {
  return p === "" || ABSOLUTE.test(p) || PARENT_SEGMENT.test(p) || p.includes("\0");
}
