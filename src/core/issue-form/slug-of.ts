/**
 * The campaign id (and so the file name) derived from the name a person typed in the issue form:
 * within the schema's id pattern whatever they typed, so a name can never become a path.
 */

/** A lowercase slug of the name, within the schema's id pattern; "campaign" when nothing is left. */
export function slugOf(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug === "" ? "campaign" : slug;
}
