/**
 * A static page showing a GitHub issue form the way GitHub lays it out on "New issue" (title box,
 * then each field: bold label with a red asterisk when required, grey description, the control
 * with its placeholder), for the README's picture. Built from the form's YAML alone, so the
 * picture shows exactly the form `campaign-gate init` writes. Test tooling, not product code.
 */
import { parse } from "yaml";

interface Field {
  type: "markdown" | "input" | "textarea" | "dropdown" | "checkboxes";
  id?: string;
  attributes: {
    label?: string;
    description?: string;
    placeholder?: string;
    value?: string;
    options?: (string | { label: string })[];
  };
  validations?: { required?: boolean };
}

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** The HTML page of the form `yaml` (a `.github/ISSUE_TEMPLATE/*.yml` text). */
export function renderFormPage(yaml: string): string {
  const form = parse(yaml) as { name: string; description: string; title?: string; body: Field[] };
  const fields = form.body.map((field) => {
    const a = field.attributes;
    if (field.type === "markdown") return `<p class="md">${escape(a.value ?? "")}</p>`;
    const required = field.validations?.required ? ` <span class="req">*</span>` : "";
    const head = `<label data-field="${escape(field.id ?? "")}">${escape(a.label ?? "")}${required}</label>${
      a.description ? `<p class="desc">${escape(a.description)}</p>` : ""
    }`;
    let control = "";
    if (field.type === "input") control = `<input placeholder="${escape(a.placeholder ?? "")}">`;
    if (field.type === "textarea")
      control = `<textarea placeholder="${escape(a.placeholder ?? "")}"></textarea>`;
    if (field.type === "dropdown")
      control = `<div class="select"><span>Selections: None</span><span class="caret">▾</span></div>`;
    if (field.type === "checkboxes")
      control = (a.options ?? [])
        .map(
          (o) =>
            `<div class="check"><span class="box"></span>${escape(typeof o === "string" ? o : o.label)}</div>`,
        )
        .join("");
    return `<div class="field">${head}${control}</div>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(form.name)}</title>
<style>
  body { margin: 0; background: #fff; color: #1f2328;
    font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
  main { max-width: 720px; margin: 0 auto; padding: 24px 16px 32px; }
  h1 { font-size: 20px; font-weight: 600; margin: 0 0 4px; }
  .template { color: #59636e; margin: 0 0 16px; padding-bottom: 16px; border-bottom: 1px solid #d1d9e0; }
  .field { margin: 0 0 24px; }
  label { display: block; font-weight: 600; margin-bottom: 4px; }
  .req { color: #d1242f; }
  .desc { color: #59636e; font-size: 12px; margin: 0 0 8px; }
  .md { margin: 0 0 24px; }
  input, textarea, .select { box-sizing: border-box; width: 100%; font: inherit; color: #1f2328;
    padding: 5px 12px; border: 1px solid #d1d9e0; border-radius: 6px; background: #f6f8fa; }
  input::placeholder, textarea::placeholder { color: #818b98; }
  textarea { height: 72px; resize: none; }
  .select { display: flex; justify-content: space-between; width: auto; display: inline-flex; gap: 24px;
    background: #f6f8fa; font-weight: 500; }
  .check { display: flex; align-items: center; gap: 8px; margin: 4px 0; }
  .box { width: 13px; height: 13px; border: 1px solid #818b98; border-radius: 3px; background: #fff; }
  .title input { font-size: 16px; background: #fff; }
  .actions { display: flex; justify-content: flex-end; }
  button { font: inherit; font-weight: 500; color: #fff; background: #1f883d; border: 1px solid rgba(31,35,40,.15);
    border-radius: 6px; padding: 5px 16px; }
</style></head>
<body><main>
<h1>Create new issue</h1>
<p class="template">${escape(form.name)} · ${escape(form.description)}</p>
<div class="field title"><label>Add a title <span class="req">*</span></label><input value="${escape(form.title ?? "")}"></div>
${fields.join("\n")}
<div class="actions"><button type="button">Create</button></div>
</main></body></html>
`;
}
