/**
 * Up to which year a report has data, domain by domain (UN votes, trade, arms, alliances,
 * capabilities, GDP, …): the last year in which the pair has a value of the domain's indicators,
 * with the sources those years come from where a domain splices two (trade: COW, then IMF IMTS;
 * UN votes: Voeten's roll calls, then the UN Digital Library's).
 */
import type { Family } from "../indicators/indicator.js";
import { indicatorDef } from "../indicators/registry.js";
import { TRADE_SOURCE } from "../indicators/trade-dependence.js";
import type { Row } from "./summary.js";

export interface DomainCoverage {
  readonly domain: string;
  /** The last year with a value for the pair; null when none. */
  readonly lastYear: number | null;
  /** Where the years come from, when a domain has two sources. */
  readonly note: string | null;
}

export const REPORT_DOMAINS: ReadonlyArray<{
  readonly domain: string;
  readonly families: readonly Family[];
}> = [
  { domain: "UN votes", families: ["un"] },
  { domain: "trade", families: ["trade"] },
  { domain: "arms transfers", families: ["arms"] },
  { domain: "alliances", families: ["atop", "cow"] },
  { domain: "capabilities", families: ["cinc"] },
  { domain: "military exercises", families: ["exercises"] },
  { domain: "IGOs", families: ["igo"] },
  { domain: "disputes", families: ["mid"] },
  { domain: "events", families: ["gdelt", "icews", "icews_dy"] },
];

const has = (v: unknown): boolean => typeof v === "number" && Number.isFinite(v);

const span = (years: readonly number[]): string =>
  years.length === 0
    ? ""
    : years[0] === years[years.length - 1]
      ? `${years[0]}`
      : `${years[0]}–${years[years.length - 1]}`;

/** The domains in order, with the last year of each; `gdpLastYear` from the GDP series. */
export function domainCoverage(
  rows: readonly Row[],
  opts: { gdpLastYear: number | null; unNote: string | null },
): DomainCoverage[] {
  const out: DomainCoverage[] = REPORT_DOMAINS.map(({ domain, families }) => {
    let last: number | null = null;
    for (const r of rows) {
      const year = r.year as number;
      const any = Object.entries(r).some(([k, v]) => {
        if (k === "year" || k === "trade_source" || !has(v)) return false;
        const def = indicatorDef(k);
        return def !== undefined && families.includes(def.family) && def.onRequest !== true;
      });
      if (any && (last === null || year > last)) last = year;
    }
    let note: string | null = null;
    if (domain === "trade") {
      const by = (code: number) =>
        rows.filter((r) => r.trade_source === code).map((r) => r.year as number);
      const cow = by(TRADE_SOURCE.cow);
      const imts = by(TRADE_SOURCE.imts);
      const parts = [
        cow.length ? `COW Trade ${span(cow)}` : "",
        imts.length ? `IMF IMTS ${span(imts)}` : "",
      ].filter(Boolean);
      note = parts.length ? parts.join(", ") : null;
    }
    if (domain === "UN votes" && last !== null) note = opts.unNote;
    return { domain, lastYear: last, note };
  });
  out.splice(5, 0, { domain: "GDP", lastYear: opts.gdpLastYear, note: null });
  return out;
}

/** "UN votes 2025 (…); trade 2025 (COW Trade 1992–2014, IMF IMTS 2015–2025); arms none; …". */
export function coverageText(c: readonly DomainCoverage[]): string {
  return c
    .map((d) => `${d.domain} ${d.lastYear ?? "none"}${d.note ? ` (${d.note})` : ""}`)
    .join("; ");
}
