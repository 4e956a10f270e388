// The README's picture of the campaign issue form: the form `init --issue-form` writes for the
// Acme example's capacity file, laid out like GitHub's "New issue" page (form-page.ts) and shown
// by Debian's chromium through playwright-core (never a downloaded browser). The page must show
// every field of the form and one checkbox per site of the capacity file.
// UPDATE_ISSUE_FORM_IMAGE=1 npx vitest run test/issue-form rewrites docs/img/issue-form.png.
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildIssueForm } from "../../src/core/issue-form/build-issue-form.js";
import { loadCapacity } from "../../src/core/load/index.js";
import { renderFormPage } from "./form-page.js";

const CHROMIUM = "/usr/bin/chromium";
const IMAGE = path.resolve("docs/img/issue-form.png");
// CI installs chromium (.ci/run); elsewhere the suite says why it did not run.
const available = existsSync(CHROMIUM) || process.env.CI === "true";

describe.skipIf(!available)("the campaign issue form in chromium", () => {
  it("shows every field and the capacity file's sites; the README's picture is of it", async () => {
    const capacityPath = "examples/acme/infra/capacity.yaml";
    const { capacity } = loadCapacity(
      { path: capacityPath, text: readFileSync(capacityPath, "utf8") },
      capacityPath,
    );
    const sites = capacity!.sites.map((s) => s.name);
    const form = buildIssueForm(sites);
    const dir = await mkdtemp(path.join(tmpdir(), "issue-form-"));
    const profile = await mkdtemp(path.join(tmpdir(), "chromium-profile-"));
    await writeFile(path.join(dir, "index.html"), renderFormPage(form));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
      viewport: { width: 760, height: 900 },
    });
    try {
      const page = await context.newPage();
      await page.goto(`file://${dir}/index.html`);
      const labels = (parse(form) as { body: { id?: string; attributes: { label?: string } }[] }).body
        .filter((f) => f.id)
        .map((f) => f.attributes.label);
      expect(await page.locator("label[data-field]").allInnerTexts()).toEqual(
        labels.map((l) => expect.stringContaining(l!)),
      );
      expect(await page.locator(".check").allInnerTexts()).toEqual(sites);
      const shot = await page.screenshot({ fullPage: true });
      if (process.env.UPDATE_ISSUE_FORM_IMAGE) await writeFile(IMAGE, shot);
      // The committed picture exists and is a PNG of the page's width.
      const png = readFileSync(IMAGE);
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(shot.readUInt32BE(16));
    } finally {
      await context.close();
      await rm(dir, { recursive: true, force: true });
      await rm(profile, { recursive: true, force: true });
    }
  }, 60_000);
});
