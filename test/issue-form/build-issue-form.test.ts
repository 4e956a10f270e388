import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseTemplate } from "@github/issue-parser";
import { createAjv } from "../../src/core/load/create-ajv.js";
import {
  buildIssueForm,
  ISSUE_FORM_LABEL,
  ISSUE_FORM_PATH,
} from "../../src/core/issue-form/build-issue-form.js";
import { runCli } from "../cli/run-cli.js";

/**
 * GitHub's documented issue-form syntax ("Syntax for issue forms" and "Syntax for GitHub's form
 * schema"), encoded as a JSON Schema: no published schema ships in a package we could depend on.
 * Top level: name, description and a non-empty body are required. Body elements: markdown (value),
 * input/textarea (label), dropdown (label, non-empty options), checkboxes (label, non-empty
 * options of {label}); ids use letters, digits, `-` and `_`.
 */
const ID = { type: "string", pattern: "^[A-Za-z0-9_-]+$" };
const REQUIRED = {
  type: "object",
  additionalProperties: false,
  properties: { required: { type: "boolean" } },
};
const element = (type: string, attributes: object) => ({
  if: { properties: { type: { const: type } } },
  then: {
    type: "object",
    additionalProperties: false,
    required: ["type", "attributes"],
    properties: { type: true, id: ID, attributes, validations: REQUIRED },
  },
});
const LABELLED = { label: { type: "string", minLength: 1 }, description: { type: "string" } };
const ISSUE_FORM_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["name", "description", "body"],
  properties: {
    name: { type: "string", minLength: 1 },
    description: { type: "string", minLength: 1 },
    title: { type: "string" },
    labels: { type: "array", items: { type: "string", minLength: 1 } },
    assignees: { type: "array", items: { type: "string" } },
    body: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        required: ["type"],
        properties: { type: { enum: ["markdown", "input", "textarea", "dropdown", "checkboxes"] } },
        allOf: [
          element("markdown", {
            type: "object",
            additionalProperties: false,
            required: ["value"],
            properties: { value: { type: "string", minLength: 1 } },
          }),
          element("input", {
            type: "object",
            additionalProperties: false,
            required: ["label"],
            properties: { ...LABELLED, placeholder: { type: "string" }, value: { type: "string" } },
          }),
          element("textarea", {
            type: "object",
            additionalProperties: false,
            required: ["label"],
            properties: {
              ...LABELLED,
              placeholder: { type: "string" },
              value: { type: "string" },
              render: { type: "string" },
            },
          }),
          element("dropdown", {
            type: "object",
            additionalProperties: false,
            required: ["label", "options"],
            properties: {
              ...LABELLED,
              multiple: { type: "boolean" },
              default: { type: "integer", minimum: 0 },
              options: {
                type: "array",
                minItems: 1,
                uniqueItems: true,
                items: { type: "string", minLength: 1 },
              },
            },
          }),
          element("checkboxes", {
            type: "object",
            additionalProperties: false,
            required: ["label", "options"],
            properties: {
              ...LABELLED,
              options: {
                type: "array",
                minItems: 1,
                items: {
                  type: "object",
                  additionalProperties: false,
                  required: ["label"],
                  properties: { label: { type: "string", minLength: 1 }, required: { type: "boolean" } },
                },
              },
            },
          }),
        ],
      },
    },
  },
};

type Element = { type: string; id?: string; attributes: { label?: string; options?: unknown[] } };

/**
 * The rules a JSON Schema cannot say: unique ids and labels, "None" is reserved in dropdowns, and
 * no comma in a dropdown option (the answer would be read back as several choices).
 */
function crossRuleErrors(form: { body: Element[] }): string[] {
  const errors: string[] = [];
  const ids = form.body.flatMap((e) => (e.id ? [e.id] : []));
  if (new Set(ids).size !== ids.length) errors.push("duplicate id");
  const labels = form.body.flatMap((e) => (e.attributes.label ? [e.attributes.label] : []));
  if (new Set(labels).size !== labels.length) errors.push("duplicate label");
  for (const e of form.body)
    if (e.type === "dropdown" && e.attributes.options?.some((o) => String(o).toLowerCase() === "none"))
      errors.push(`dropdown ${e.id} has the reserved option None`);
  // GitHub writes a dropdown's answer as its options joined by ", ", and the parser splits there.
  for (const e of form.body)
    if (e.type === "dropdown" && e.attributes.options?.some((o) => String(o).includes(",")))
      errors.push(`dropdown ${e.id} has an option with a comma`);
  return errors;
}

const validate = createAjv().compile(ISSUE_FORM_SCHEMA);

describe("buildIssueForm", () => {
  it("passes GitHub's issue-form rules and offers one checkbox per capacity site", () => {
    const form = parse(buildIssueForm(["shop", "outlet", "www"])) as { body: Element[]; labels: string[] };
    expect(validate(form), JSON.stringify(validate.errors)).toBe(true);
    expect(crossRuleErrors(form)).toEqual([]);
    expect(form.labels).toEqual([ISSUE_FORM_LABEL]);
    const sites = form.body.find((e) => e.id === "sites");
    expect(sites?.attributes.options).toEqual([{ label: "shop" }, { label: "outlet" }, { label: "www" }]);
    // Every campaign field is asked for.
    expect(form.body.flatMap((e) => (e.id ? [e.id] : []))).toEqual([
      "name",
      "type",
      "start",
      "end",
      "timezone",
      "timezone_other",
      "sites",
      "shares",
      "peak",
      "unit",
      "high",
      "confidence",
      "basis",
      "shape",
      "peak_hours",
      "off_peak",
      "at",
      "half_life",
      "notes",
    ]);
  });

  it("the schema test can fail: a form without sites or with a duplicate id is rejected", () => {
    const noSites = parse(buildIssueForm([])) as { body: Element[] };
    expect(validate(noSites)).toBe(false);
    const dup = parse(buildIssueForm(["shop"])) as { body: Element[] };
    dup.body[2] = { ...dup.body[2], id: "name" } as Element;
    expect(crossRuleErrors(dup)).toContain("duplicate id");
    const comma = parse(buildIssueForm(["shop"])) as { body: Element[] };
    const shape = comma.body.find((e) => e.id === "shape")!;
    shape.attributes.options = ["spike: TV, radio"];
    expect(crossRuleErrors(comma)).toContain("dropdown shape has an option with a comma");
  });

  it("is read the same way by the issue parser (field types by id)", () => {
    const fields = parseTemplate(buildIssueForm(["shop"]));
    expect(Object.keys(fields)).toContain("sites");
    expect(fields.sites?.type).toBe("checkboxes");
  });
});

describe("campaign-gate init --issue-form", () => {
  it("init adds the form; --issue-form regenerates the sites after the capacity file changes", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "cg-form-"));
    expect((await runCli(["init", "--root", root])).code).toBe(0);
    const formFile = path.join(root, ISSUE_FORM_PATH);
    expect(await readFile(formFile, "utf8")).toBe(buildIssueForm(["www"]));
    const capacityFile = path.join(root, "infra/capacity.yaml");
    const capacity = await readFile(capacityFile, "utf8");
    await writeFile(
      capacityFile,
      capacity.replace(
        "sites: # websites",
        "sites:\n  shop:\n    baseline_rps: 10\n    uses: { web: 1 }\n  # websites",
      ),
    );
    expect((await runCli(["init", "--root", root])).stdout).toContain(`Kept (already present, not changed):`);
    expect(await readFile(formFile, "utf8")).toBe(buildIssueForm(["www"]));
    const again = await runCli(["init", "--root", root, "--issue-form"]);
    expect(again.code).toBe(0);
    expect(await readFile(formFile, "utf8")).toBe(buildIssueForm(["shop", "www"]));
  });
});
