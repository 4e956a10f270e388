/**
 * Findings: the one currency every check speaks. A finding names a rule, a severity and the exact
 * YAML node (file, 1-based line and column) a person has to change.
 */

/** Every rule id of DESIGN section 3, with its fixed severity. */
export const RULE_SEVERITY = {
  syntax: "error",
  unreadable: "error",
  schema: "error",
  "duplicate-id": "error",
  "unknown-site": "error",
  window: "error",
  capacity: "error",
  maintenance: "error",
  notice: "error",
  freeze: "error",
  "scale-up": "warning",
  redundancy: "warning",
  failover: "warning",
  risk: "warning",
  forecast: "warning",
  past: "notice",
  unchecked: "error",
  unseen: "warning",
} as const;

export type RuleId = keyof typeof RULE_SEVERITY;
export type Severity = "error" | "warning" | "notice";
export type Verdict = "pass" | "warn" | "fail";

/** Rules whose findings come from the load computed over time (DESIGN section 2, "Attribution"). */
export const LOAD_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  "capacity",
  "maintenance",
  "redundancy",
  "scale-up",
  "notice",
  "freeze",
  "unchecked",
  "failover",
  "risk",
]);

/** A 1-based position in a source file. */
export interface Position {
  line: number;
  column: number;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Plain language, for a marketer: what is wrong and what to change. */
  message: string;
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  /** The campaign id the finding is about, when it is about one. */
  campaign?: string;
  /** For load-based rules: every campaign contributing to the breach. */
  campaigns?: string[];
  service?: string;
  /** Whether the finding counts towards the verdict (see `attribute`). */
  counted: boolean;
}

/** Builds a finding with the rule's fixed severity; `counted` starts true (no `--changed`). */
export function finding(
  rule: RuleId,
  file: string,
  at: Position,
  message: string,
  extra: Pick<Finding, "campaign" | "campaigns" | "service"> = {},
): Finding {
  return {
    rule,
    severity: RULE_SEVERITY[rule],
    message: flat(message),
    file,
    line: at.line,
    column: at.column,
    ...extra,
    counted: true,
  };
}

/**
 * `finding(rule, file, at, message, { campaign, campaigns, service })` without the `extra` object
 * and its copy: the same keys in the same order, for the tens of thousands of load findings.
 */
export function campaignFinding(
  rule: RuleId,
  file: string,
  at: Position,
  message: string,
  campaign: string,
  campaigns: string[],
  service: string,
): Finding {
  return {
    rule,
    severity: RULE_SEVERITY[rule],
    message: flat(message),
    file,
    line: at.line,
    column: at.column,
    campaign,
    campaigns,
    service,
    counted: true,
  };
}

/**
 * The message as one flat string. Messages are built by concatenation, and V8 keeps a
 * concatenation as a tree of pieces until the text is read: 30,000 findings held ~26 MB of such
 * trees. Reading one character makes V8 flatten it (the same text, about a third of the memory).
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

const SEVERITY_ORDER = { error: 0, warning: 1, notice: 2 } as const;

/**
 * The one order of findings everywhere: by file, line, column, then severity, rule, service,
 * campaign and message, so no output ever depends on the order files were read in.
 */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      cmp(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      cmp(a.rule, b.rule) ||
      cmp(a.service ?? "", b.service ?? "") ||
      cmp(a.campaign ?? "", b.campaign ?? "") ||
      cmp(a.message, b.message),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
