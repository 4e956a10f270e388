/**
 * The hidden marker of the app's one comment on a campaign request issue: every later event finds
 * that comment by it and edits it, so an issue never collects a pile of bot comments.
 */
import { hiddenMarker } from "../markers.js";

/** Marker of the app's comment on issue `issue`. */
export function issueReplyMarker(issue: number): string {
  return hiddenMarker("issue-form", { issue });
}
