/**
 * The report as one self-contained HTML file: inline CSS and SVG, no scripts, no external
 * requests; readable on screen and in print (A4 and Letter). Every string from data or a case
 * file goes through `esc`.
 */
import { type AssessResult, ruleLeader } from "../assess/assess.js";
import { formatScore, RULES, type RuleName } from "../assess/scoring.js";
import type { IndicatorDef } from "../indicators/indicator.js";
import { type BlocSection, type BlocSide, blocMethodNote } from "./blocs-section.js";
import type { ReportModel } from "./model.js";
import type { Cite, Row } from "./summary.js";

export function esc(v: unknown): string {
  return String(v ?? "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** A table cell value: integers with separators, fractions to 3 decimals, – for null. */
export function cell(v: unknown): string {
  if (typeof v !== "number" || !Number.isFinite(v)) return "–";
  if (Number.isInteger(v)) return v.toLocaleString("en-US");
  if (Math.abs(v) >= 100) return Math.round(v).toLocaleString("en-US");
  return v.toFixed(3);
}

export const anchor = (indicator: string, year: number): string => `v-${indicator}-${year}`;

/** " The case is about 2014–2023." when --from/--to moved the report off the case's period. */
export function casePeriodNote(m: ReportModel): string {
  const p = m.casePeriod;
  return p && (p.from !== m.from || p.to !== m.to)
    ? ` The case is about ${p.from}–${p.to}; this report shows ${m.from}–${m.to}.`
    : "";
}

/**
 * The link target of a source URL: only an absolute http(s) URL, normalised by the URL parser
 * (so it holds no spaces, quotes or angle brackets); null for anything else (javascript:,
 * data:, file:, relative or malformed), which reports show as escaped text, never as a link.
 */
export function httpHref(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
}

const RULE_TITLE: Record<RuleName, string> = {
  heuer: "Heuer: inconsistency count (fewer = more likely)",
  parc: "PARC: weighted inconsistency (nearer 0 = more likely)",
  bayes: "Bayes: posterior probability",
};

const CSS = `
:root { --ink: #1a1a1a; --muted: #555; --rule: #c8c8c8; --accent: #0b4f8a; --mark: #fff3bf; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; color: var(--ink); max-width: 52rem;
  margin: 2rem auto; padding: 0 1.25rem; background: #fff; }
h1, h2, h3, figcaption, table, .meta, .small { font-family: Helvetica, Arial, sans-serif; }
h1 { font-size: 1.7rem; line-height: 1.2; margin: 0 0 .4rem; }
h2 { font-size: 1.2rem; border-bottom: 2px solid var(--accent); padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1rem; margin-top: 1.4rem; }
.question { font-size: 1.1rem; font-style: italic; margin: .2rem 0 .8rem; }
.meta, .small { font-size: .8rem; color: var(--muted); }
a { color: var(--accent); }
ul.summary li { margin-bottom: .45rem; }
.cites { font-family: Helvetica, Arial, sans-serif; font-size: .72rem; color: var(--muted); }
figure.chart { margin: 1.2rem 0; page-break-inside: avoid; break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; }
figure.no-data { border: 1px dashed var(--rule); padding: .6rem; color: var(--muted); }
figcaption { font-size: .8rem; color: var(--muted); margin-top: .3rem; }
table { border-collapse: collapse; font-size: .75rem; margin: .6rem 0; width: 100%; }
th, td { border-bottom: 1px solid var(--rule); padding: .2rem .35rem; text-align: right; vertical-align: top; }
th { background: #f2f2f2; }
td.l, th.l { text-align: left; }
td.cited { background: var(--mark); font-weight: bold; }
.scroll { overflow-x: auto; }
td.r { text-align: center; font-weight: bold; }
td.r-CC { background: #1b7837; color: #fff; } td.r-C { background: #a6dba0; }
td.r-N { background: #f0f0f0; } td.r-NA { background: #fff; color: #888; }
td.r-I { background: #f4a582; } td.r-II { background: #b2182b; color: #fff; }
.legend span { display: inline-block; padding: 0 .4rem; margin-right: .3rem; border: 1px solid var(--rule); }
code { font-size: .85em; }
.print-only { display: none; }
@page { margin: 18mm 16mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
  h2 { page-break-after: avoid; break-after: avoid; }
  table { page-break-inside: auto; }
  tr { page-break-inside: avoid; break-inside: avoid; }
  .scroll { overflow: visible; }
  .screen-only { display: none; }
  .print-only { display: block; }
  .print-split table { table-layout: fixed; width: 100%; margin-bottom: 1rem; }
  .print-split th { overflow-wrap: anywhere; }
  .print-split th:first-child, .print-split td:first-child { width: 3.2rem; }
}
`;

/** Cites grouped by indicator; a run of three or more years is shown as a range. */
export function citeGroups(cites: readonly Cite[]): Array<{ indicator: string; years: number[] }> {
  const out: Array<{ indicator: string; years: number[] }> = [];
  for (const c of cites) {
    const g = out.find((x) => x.indicator === c.indicator);
    if (g) g.years.push(c.year);
    else out.push({ indicator: c.indicator, years: [c.year] });
  }
  // Only consecutive years collapse into a range.
  return out.flatMap((g) => {
    const ys = [...g.years].sort((x, y) => x - y);
    const runs: number[][] = [];
    for (const y of ys) {
      const run = runs[runs.length - 1];
      if (run && y === (run[run.length - 1] as number) + 1) run.push(y);
      else runs.push([y]);
    }
    return runs.map((years) => ({ indicator: g.indicator, years }));
  });
}

function summaryHtml(m: ReportModel): string {
  if (!m.sentences.length) {
    return "<p>No indicator has data for this pair and period: load data with <code>entente ingest</code>.</p>";
  }
  const items = m.sentences.map((s) => {
    const refs = s.cites
      .map(
        (c) => `<a href="#${esc(anchor(c.indicator, c.year))}">${esc(c.indicator)} ${c.year}</a>`,
      )
      .join(", ");
    // Trend sentences cite the whole series (the chart above), not single values.
    return s.cites.length
      ? `<li>${esc(s.text)} <span class="cites">[${refs}]</span></li>`
      : `<li>${esc(s.text)}</li>`;
  });
  return `<ul class="summary">${items.join("\n")}</ul>`;
}

function chartsHtml(m: ReportModel): string {
  return m.charts
    .map(({ chart, svg }) =>
      svg
        ? `<figure class="chart" data-chart="${esc(chart.id)}">${svg}<figcaption><strong>${esc(chart.title)}.</strong> ${esc(chart.description)}</figcaption></figure>`
        : `<figure class="chart no-data" data-chart="${esc(chart.id)}"><p><strong>${esc(chart.title)}</strong>: no data for this pair and period.</p></figure>`,
    )
    .join("\n");
}

function tableHtml(m: ReportModel): string {
  const { indicators, rows } = m.table;
  if (!rows.length) return "";
  const cited = new Set(
    m.sentences.flatMap((s) => s.cites.map((c) => anchor(c.indicator, c.year))),
  );
  const head = `<tr><th class="l">year</th>${indicators.map((d) => `<th title="${esc(d.description)}">${esc(d.name)}</th>`).join("")}</tr>`;
  const body = rows.map((r: Row) => {
    const year = r.year as number;
    const cells = indicators.map((d) => {
      const id = anchor(d.name, year);
      const isCited = cited.has(id);
      return `<td id="${esc(id)}"${isCited ? ' class="cited"' : ""}>${esc(cell(r[d.name]))}</td>`;
    });
    return `<tr><td class="l">${year}</td>${cells.join("")}</tr>`;
  });
  return `<div class="scroll screen-only"><table><thead>${head}</thead><tbody>${body.join("\n")}</tbody></table></div>
${printTables(m, cited)}
<p class="small">Highlighted cells are the values the summary sentences use. – : no data.</p>`;
}

/** Indicator columns per printed table: with the year, seven columns fit an A4 or Letter page. */
export const PRINT_COLUMNS = 6;

/**
 * The values table for print: the same cells split into tables of PRINT_COLUMNS indicators,
 * each with the year column, at the page's width (the screen table scrolls sideways instead,
 * which paper cannot). Long names break after underscores.
 */
function printTables(m: ReportModel, cited: ReadonlySet<string>): string {
  const { indicators, rows } = m.table;
  const parts: string[] = [];
  for (let i = 0; i < indicators.length; i += PRINT_COLUMNS) {
    const cols = indicators.slice(i, i + PRINT_COLUMNS);
    const head = `<tr><th class="l">year</th>${cols.map((d) => `<th>${esc(d.name).replaceAll("_", "_<wbr>")}</th>`).join("")}</tr>`;
    const body = rows.map((r: Row) => {
      const year = r.year as number;
      const cells = cols.map((d) => {
        const isCited = cited.has(anchor(d.name, year));
        return `<td${isCited ? ' class="cited"' : ""}>${esc(cell(r[d.name]))}</td>`;
      });
      return `<tr><td class="l">${year}</td>${cells.join("")}</tr>`;
    });
    parts.push(`<table><thead>${head}</thead><tbody>${body.join("\n")}</tbody></table>`);
  }
  return `<div class="print-only print-split">${parts.join("\n")}</div>`;
}

function ratingCell(r: string): string {
  return `<td class="r r-${esc(r)}">${esc(r)}</td>`;
}

export function assessmentHtml(r: AssessResult): string {
  const hyps = r.hypotheses;
  const rows = [...r.evidence].sort(
    (x, y) => y.diagnosticity - x.diagnosticity || r.evidence.indexOf(x) - r.evidence.indexOf(y),
  );
  const head = `<tr><th class="l">id</th><th class="l">evidence</th><th>cred.</th><th>rel.</th>${hyps.map((h) => `<th title="${esc(h.label)}">${esc(h.id)}</th>`).join("")}<th>diag.</th></tr>`;
  const body = rows.map((e) => {
    const data = e.binding
      ? `<br><span class="cites">data: ${esc(e.binding.detail)}${e.binding.applied === "none" ? " — inapplicable, not scored" : ""}</span>`
      : "";
    return `<tr><td class="l">${esc(e.id)}</td><td class="l">${esc(e.claim)}${data}</td><td>${esc(e.credibility)}</td><td>${esc(e.relevance)}</td>${hyps.map((h) => ratingCell(e.ratings[h.id] ?? "NA")).join("")}<td>${e.diagnosticity.toFixed(2)}</td></tr>`;
  });
  const scores = RULES.flatMap((rule) => {
    const o = r.rules[rule];
    if (!o) return [];
    const s = (o.scores ?? o.posterior) as Record<string, number>;
    const leader = ruleLeader(o);
    const lead = leader.includes(" = ")
      ? `no single leader (${esc(leader)} tie)`
      : `${esc(leader)} leads`;
    return [
      `<tr><td class="l" colspan="4">${esc(RULE_TITLE[rule])}: ${lead}</td>${hyps.map((h) => `<td>${esc(formatScore(rule, s[h.id] as number))}</td>`).join("")}<td></td></tr>`,
    ];
  });
  const hypList = hyps
    .map(
      (h) =>
        `<li><strong>${esc(h.id)}</strong> ${esc(h.label)} <span class="small">(prior ${h.prior.toFixed(2)})</span></li>`,
    )
    .join("");
  const sens = r.sensitivity.length
    ? `<ul>${r.sensitivity.map((s) => `<li>${esc(RULE_TITLE[s.rule].split(":")[0])}: ${esc(s.evidence)} — ${esc(s.change)} → ${esc(s.new_leader)} leads</li>`).join("")}</ul>`
    : "<p>No single removal, credibility change or data result changes any rule's leader.</p>";
  const sources = r.evidence
    .map((e) => {
      const s = e.source;
      const parts = [s.author, s.title, s.publisher, s.date].filter(Boolean).map(esc).join(", ");
      const href = s.url ? httpHref(s.url) : null;
      const url = !s.url
        ? ""
        : href
          ? ` <a class="small" href="${esc(href)}" rel="noopener noreferrer">${esc(s.url)}</a>`
          : ` <span class="small">${esc(s.url)}</span>`;
      return `<li><strong>${esc(e.id)}</strong> ${parts}${url}</li>`;
    })
    .join("\n");
  return `<ul>${hypList}</ul>
<p class="legend small">Ratings: <span class="r-CC">CC very consistent</span><span class="r-C">C consistent</span><span class="r-N">N neutral</span><span class="r-I">I inconsistent</span><span class="r-II">II very inconsistent</span><span class="r-NA">NA not applicable</span>. Evidence sorted by diagnosticity.</p>
<div class="scroll"><table><thead>${head}</thead><tbody>${body.join("\n")}</tbody><tfoot>${scores.join("\n")}</tfoot></table></div>
<h3>What would change the conclusion</h3>
${sens}
<h3>Evidence sources</h3>
<ol class="small">${sources}</ol>`;
}

/** A signed value to 3 decimals, – for null. */
export const signedCell = (v: number | null): string =>
  v === null ? "–" : `${v > 0 ? "+" : v < 0 ? "\u2212" : ""}${Math.abs(v).toFixed(3)}`;

function neighboursTable(side: BlocSide): string {
  const r = side.neighbours;
  const rows = r.neighbours.map(
    (n) =>
      `<tr><td>${n.rank}</td><td class="l">${esc(n.name)}</td><td>${esc(cell(n.similarity))}</td><td>${esc(cell(n.before))}</td><td>${esc(signedCell(n.change))}</td></tr>`,
  );
  return `<table><caption class="small">${esc(side.state.name)}</caption><thead><tr><th>#</th><th class="l">state</th><th>kappa ${r.year}</th><th>kappa ${r.beforeYear}</th><th>change</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** "<A> and <B> among the blocs" (blocs-section.ts). */
export function blocsHtml(s: BlocSection, title: string): string {
  const sentences = s.sentences.map((t) => `<li>${esc(t)}</li>`).join("\n");
  if (!s.a || !s.b || s.year === null) {
    return `<section id="blocs"><h2>${esc(title)}</h2>\n<ul class="summary">${sentences}</ul>\n</section>`;
  }
  const sides = s.together ? [s.a] : [s.a, s.b];
  const blocRows = sides.map(
    (x) =>
      `<tr><td class="l">${esc(s.together ? `${s.a?.state.name} and ${s.b?.state.name}` : x.state.name)}</td><td class="l">${esc(x.bloc.label)}</td><td>${x.bloc.size}</td><td class="l">${esc(x.bloc.largest.map((l) => l.name).join(", "))}</td></tr>`,
  );
  const stab = `<p class="small">Stability in their blocs: ${esc(s.a.state.name)} ${s.a.stability.toFixed(2)}, ${esc(s.b.state.name)} ${s.b.stability.toFixed(2)} (1: every run put the state with every fellow member).</p>`;
  return `<section id="blocs"><h2>${esc(title)}</h2>
<ul class="summary">${sentences}</ul>
<div class="scroll"><table><thead><tr><th class="l">state</th><th class="l">bloc in ${s.year}</th><th>members</th><th class="l">largest members</th></tr></thead><tbody>${blocRows.join("")}</tbody></table></div>
${stab}
<h3>Closest partners by kappa in ${s.year}, and ten years earlier</h3>
<div class="scroll">${neighboursTable(s.a)}${neighboursTable(s.b)}</div>
<p class="small">${esc(blocMethodNote(s))}</p>
</section>`;
}

/** The section's heading. */
export const blocsTitle = (m: ReportModel): string => `${m.a.name} and ${m.b.name} among the blocs`;

function methodsHtml(m: ReportModel): string {
  const datasets = m.datasets
    .map(
      (
        d,
      ) => `<li><strong>${esc(d.title)}</strong> (${esc(d.version)}; data to ${d.lastYear ?? "–"}). ${esc(d.citation)}
<ul class="small">${d.files.map((f) => `<li><code>${esc(f.path)}</code> — ${f.rows.toLocaleString("en-US")} rows, sha256 <code>${esc(f.sha256)}</code>, loaded ${esc(f.loadedAt)}</li>`).join("")}</ul></li>`,
    )
    .join("\n");
  const inds = m.indicators
    .map(
      (d: IndicatorDef) =>
        `<tr><td class="l"><code>${esc(d.name)}</code></td><td class="l">${esc(d.description)}</td><td class="l">${esc(d.unit)}</td><td class="l">${esc(d.source)}</td></tr>`,
    )
    .join("\n");
  return `<h3>Datasets</h3>
<ul>${datasets || "<li>No data loaded.</li>"}</ul>
<h3>Indicators</h3>
<p class="small">Formulas, null rules and references: Entente <code>docs/indicators.md</code>; scoring rules: <code>docs/assessment.md</code>.</p>
<div class="scroll"><table><thead><tr><th class="l">indicator</th><th class="l">definition</th><th class="l">unit</th><th class="l">source</th></tr></thead><tbody>${inds}</tbody></table></div>`;
}

export function reportHtml(m: ReportModel): string {
  const coverage = m.datasets
    .map((d) => `${esc(d.title)}${d.lastYear === null ? "" : ` to ${d.lastYear}`}`)
    .join("; ");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Entente">
<title>${esc(m.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${esc(m.title)}</h1>
${m.question ? `<p class="question">${esc(m.question)}</p>` : ""}
<p class="meta">${esc(m.a.name)} (${esc(m.a.iso3 ?? m.a.ccode)}) and ${esc(m.b.name)} (${esc(m.b.iso3 ?? m.b.ccode)}), ${m.from}–${m.to}.${esc(casePeriodNote(m))} Generated ${esc(m.generated)} by Entente.<br>Data loaded: ${coverage || "none"}.</p>
</header>
<main>
<section id="summary"><h2>Summary</h2>
${summaryHtml(m)}
</section>
<section id="charts"><h2>Indicators over time</h2>
${chartsHtml(m)}
</section>
${m.blocs ? blocsHtml(m.blocs, blocsTitle(m)) : ""}
<section id="values"><h2>Values</h2>
${tableHtml(m)}
</section>
${m.assessment ? `<section id="assessment"><h2>Competing hypotheses</h2>\n${assessmentHtml(m.assessment)}\n</section>` : ""}
<section id="methods"><h2>Sources and methods</h2>
${methodsHtml(m)}
</section>
</main>
</body>
</html>
`;
}
