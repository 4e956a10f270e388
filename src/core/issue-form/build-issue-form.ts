/**
 * The campaign issue form (`.github/ISSUE_TEMPLATE/campaign.yml`): a GitHub issue form with every
 * campaign field, so people who never wrote YAML can ask for a campaign. Pure: the site list comes
 * from the capacity file the caller loaded, so re-running it after IT adds a site refreshes the
 * checkboxes. The field ids are the contract with `campaignFromIssue` (same folder).
 */
import { stringify } from "yaml";

/** Path of the form in the repository. */
export const ISSUE_FORM_PATH = ".github/ISSUE_TEMPLATE/campaign.yml";
/** Label the form puts on every issue; the app only reads issues carrying it. */
export const ISSUE_FORM_LABEL = "campaign-request";
/** The "other" choice of the time zone dropdown, answered in the `timezone_other` field. */
export const OTHER_ZONE = "other (type it below)";
/** Common IANA zones offered in the dropdown; any other goes in `timezone_other`. */
export const COMMON_ZONES = [
  "UTC",
  "Europe/London",
  "Europe/Paris",
  "Europe/Berlin",
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
  "America/Sao_Paulo",
  "Asia/Tokyo",
  "Asia/Singapore",
  "Asia/Kolkata",
  "Australia/Sydney",
] as const;
export const CAMPAIGN_TYPES = ["email", "social", "paid", "tv_spot", "flash_sale", "press", "other"] as const;
export const CONFIDENCES = ["historical", "model", "guess"] as const;
/** Dropdown labels of the forecast unit, mapped to the campaign's forecast keys. */
export const PEAK_UNITS = {
  "people on the site at the same time": "peak_concurrent_users",
  "requests per second": "peak_requests_per_second",
} as const;

/** Dropdown labels of the traffic shape (`forecast.shape.kind`); no answer means constant. */
export const SHAPE_KINDS = {
  "constant: the same all through the campaign (default)": "constant",
  "daily: busiest at the same hours every day": "daily",
  "spike: TV or radio ads or push messages that fade after each airing": "spike",
  "front-loaded: an e-mail that is busiest right after the send": "front_loaded",
} as const;

const TIME_FORMATS = "2026-11-27 or 2026-11-27T06:00 or 2026-11-27T06:00:00-05:00";

/** The form's YAML text for the given capacity site names (in file order). */
export function buildIssueForm(siteNames: readonly string[]): string {
  const form = {
    name: "Campaign request",
    description: "Announce a marketing campaign so IT can check the infrastructure can take it.",
    title: "Campaign: ",
    labels: [ISSUE_FORM_LABEL],
    body: [
      {
        type: "markdown",
        attributes: {
          value:
            "Fill in what you know. A bot checks the answers against the infrastructure limits and opens a pull request for review; if something needs fixing it tells you here, and you edit this issue.",
        },
      },
      input("name", "Campaign name", "Name people use for the campaign.", "Black Friday doorbusters", true),
      dropdown("type", "Type", "Kind of campaign.", CAMPAIGN_TYPES, true),
      input(
        "start",
        "Start",
        "First moment of the campaign. A date alone means the start of that day.",
        TIME_FORMATS,
        true,
      ),
      input(
        "end",
        "End",
        "End of the campaign (not included). A date alone means the whole day is included.",
        TIME_FORMATS,
        true,
      ),
      dropdown(
        "timezone",
        "Time zone",
        "Zone in which the dates and times above are read.",
        [...COMMON_ZONES, OTHER_ZONE],
        true,
      ),
      input(
        "timezone_other",
        "Other time zone",
        `Only when you chose "${OTHER_ZONE}": a zone name such as Europe/Madrid.`,
        "Europe/Madrid",
        false,
      ),
      {
        type: "checkboxes",
        id: "sites",
        attributes: {
          label: "Sites",
          description: "The sites the campaign sends people to (from infra/capacity.yaml).",
          options: siteNames.map((label) => ({ label })),
        },
      },
      textarea(
        "shares",
        "Share per site",
        "Optional, when the visitors are split between sites: the part of the expected peak each ticked site gets, one line per site. A ticked site without a line gets all of it.",
        `${siteNames[0] ?? "shop"}: 70%`,
        false,
      ),
      input(
        "peak",
        "Expected peak",
        "How many at the busiest moment, on top of ordinary traffic.",
        "40000",
        true,
      ),
      dropdown("unit", "Peak unit", "What the number above counts.", Object.keys(PEAK_UNITS), true),
      input(
        "high",
        "Pessimistic estimate",
        "Optional: a number you are 90% sure will not be exceeded, same unit.",
        "55000",
        false,
      ),
      dropdown(
        "confidence",
        "Confidence",
        "historical: measured in past campaigns; model: calculated; guess: an educated guess.",
        CONFIDENCES,
        true,
      ),
      textarea(
        "basis",
        "Basis",
        "Where the number comes from, in a sentence.",
        "2025 peaked at 31k; the email list grew 30%",
        true,
      ),
      dropdown(
        "shape",
        "Traffic shape",
        "Optional: how the visitors spread over the campaign. Leave it empty when they may come at any time; the details below only count for the shape they name.",
        Object.keys(SHAPE_KINDS),
        false,
      ),
      input(
        "peak_hours",
        "Peak hours (daily)",
        "The busiest hours each day, in the time zone above, separated by commas.",
        "12:00-14:00, 19:00-22:00",
        false,
      ),
      input(
        "off_peak",
        "Traffic outside peak hours (daily)",
        "Optional: the part of the peak that still comes outside those hours (20% when empty).",
        "20%",
        false,
      ),
      input(
        "at",
        "Airing or send times (spike, front-loaded)",
        "Spike: each time the ad airs or the message goes out, separated by commas. Front-loaded: when the e-mail is sent (the start when empty). In the time zone above.",
        "2026-12-03 20:15, 2026-12-05 20:15",
        false,
      ),
      input(
        "half_life",
        "How fast it fades (spike, front-loaded)",
        "The time after which the rush has halved: minutes for a TV ad, hours for an e-mail.",
        "10 minutes",
        false,
      ),
      textarea(
        "notes",
        "Notes",
        "Optional: anything reviewers should know.",
        "Coupon codes go out by SMS at 06:00.",
        false,
      ),
    ],
  };
  return `# Generated by \`campaign-gate init --issue-form\` from infra/capacity.yaml; re-run it when sites change.\n${stringify(form, { lineWidth: 0 })}`;
}

function input(id: string, label: string, description: string, placeholder: string, required: boolean) {
  return { type: "input", id, attributes: { label, description, placeholder }, validations: { required } };
}

function textarea(id: string, label: string, description: string, placeholder: string, required: boolean) {
  return { type: "textarea", id, attributes: { label, description, placeholder }, validations: { required } };
}

function dropdown(
  id: string,
  label: string,
  description: string,
  options: readonly string[],
  required: boolean,
) {
  return {
    type: "dropdown",
    id,
    attributes: { label, description, options: [...options] },
    validations: { required },
  };
}
