// The baseline of `npm run bench`: what a plain schema-only YAML validator does with the same
// repository — read every campaign file, parse it with `yaml`, validate it with Ajv against the
// same JSON Schema — and print a one-line summary. Run as its own process, like the CLI.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { parse } from "yaml";

const root = path.resolve(process.argv[2] ?? ".");
const schema = JSON.parse(readFileSync(new URL("../schemas/campaign.schema.json", import.meta.url), "utf8"));
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormatsModule.default(ajv);
const validate = ajv.compile(schema);

let files = 0;
let invalid = 0;
const errors = [];
for (const entry of readdirSync(path.join(root, "campaigns"), { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.ya?ml$/.test(entry.name)) continue;
  const file = path.join(entry.parentPath ?? entry.path, entry.name);
  files++;
  try {
    if (!validate(parse(readFileSync(file, "utf8")))) {
      invalid++;
      errors.push({ file: path.relative(root, file), errors: validate.errors });
    }
  } catch (error) {
    invalid++;
    errors.push({ file: path.relative(root, file), error: String(error) });
  }
}
process.stdout.write(`${JSON.stringify({ files, invalid, errors }, null, 2)}\n`);
process.exitCode = invalid > 0 ? 1 : 0;
