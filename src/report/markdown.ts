/**
 * The report as Markdown: the same text and tables as the HTML, charts as SVG files beside it
 * (returned here; written by write.ts). Strings from data or a case file are escaped so that
 * neither Markdown nor raw HTML in them is interpreted.
 */
import { formatScore, RULES } from "../assess/scoring.js";
import { type BlocSide, blocMethodNote } from "./blocs-section.js";
import { blocsTitle, casePeriodNote, cell, httpHref, signedCell } from "./html.js";
import type { ReportModel } from "./model.js";

/** Escape Markdown syntax and HTML: the text renders as written. */
export function md(v: unknown): string {
  return String(v ?? "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replace(/([\\`*_[\]|#])/g, "\\$1")
    .replace(/\r?\n/g, " ");
}

const row = (cells: readonly string[]): string => `| ${cells.join(" | ")} |`;

/** An http(s) URL as an autolink; any other scheme as escaped text, so no renderer links it. */
function urlMd(url: string): string {
  const href = httpHref(url);
  return href ? `<${href}>` : md(url);
}

function neighboursMd(side: BlocSide): string[] {
  const r = side.neighbours;
  return [
    `*${md(side.state.name)}*`,
    "",
    row(["#", "state", `kappa ${r.year}`, `kappa ${r.beforeYear}`, "change"]),
    row(["---:", "---", "---:", "---:", "---:"]),
    ...r.neighbours.map((n) =>
      row([String(n.rank), md(n.name), cell(n.similarity), cell(n.before), signedCell(n.change)]),
    ),
  ];
}

export interface MarkdownReport {
  readonly text: string;
  /** Chart files to write beside the Markdown: relative path → SVG. */
  readonly files: ReadonlyMap<string, string>;
}

export function reportMarkdown(m: ReportModel, chartDir: string): MarkdownReport {
  const out: string[] = [];
  const files = new Map<string, string>();
  out.push(`# ${md(m.title)}`, "");
  if (m.question) out.push(`*${md(m.question)}*`, "");
  out.push(
    `${md(m.a.name)} (${md(m.a.iso3 ?? m.a.ccode)}) and ${md(m.b.name)} (${md(m.b.iso3 ?? m.b.ccode)}), ${m.from}–${m.to}.${md(casePeriodNote(m))} Generated ${md(m.generated)} by Entente.`,
    "",
    `Data loaded: ${m.datasets.map((d) => `${md(d.title)}${d.lastYear === null ? "" : ` to ${d.lastYear}`}`).join("; ") || "none"}.`,
    "",
    "## Summary",
    "",
  );
  if (!m.sentences.length) out.push("No indicator has data for this pair and period.", "");
  for (const s of m.sentences) {
    const cites = s.cites.map((c) => `${md(c.indicator)} ${c.year}`).join(", ");
    out.push(cites ? `- ${md(s.text)} (${cites})` : `- ${md(s.text)}`);
  }
  out.push("", "## Indicators over time", "");
  for (const { chart, svg } of m.charts) {
    if (!svg) {
      out.push(`**${md(chart.title)}**: no data for this pair and period.`, "");
      continue;
    }
    const file = `${chartDir}/${chart.id}.svg`;
    files.set(file, svg);
    out.push(
      `![${md(chart.description)}](${encodeURI(file)})`,
      "",
      `*${md(chart.title)}.* ${md(chart.description)}`,
      "",
    );
  }
  const s = m.blocs;
  if (s) {
    out.push(`## ${md(blocsTitle(m))}`, "");
    for (const t of s.sentences) out.push(`- ${md(t)}`);
    out.push("");
    if (s.a && s.b && s.year !== null) {
      const { a, b } = s;
      out.push(row(["state", `bloc in ${s.year}`, "members", "largest members"]));
      out.push(row(["---", "---", "---:", "---"]));
      for (const x of s.together ? [a] : [a, b]) {
        const who = s.together ? `${a.state.name} and ${b.state.name}` : x.state.name;
        const largest = x.bloc.largest.map((l) => l.name).join(", ");
        out.push(row([md(who), md(x.bloc.label), String(x.bloc.size), md(largest)]));
      }
      out.push(
        "",
        `Stability in their blocs: ${md(a.state.name)} ${a.stability.toFixed(2)}, ${md(b.state.name)} ${b.stability.toFixed(2)} (1: every run put the state with every fellow member).`,
        "",
        `### Closest partners by kappa in ${s.year}, and ten years earlier`,
        "",
      );
      for (const x of [a, b]) out.push(...neighboursMd(x), "");
      out.push(md(blocMethodNote(s)), "");
    }
  }
  const { indicators, rows } = m.table;
  if (rows.length) {
    out.push("## Values", "");
    out.push(row(["year", ...indicators.map((d) => md(d.name))]));
    out.push(row(["---", ...indicators.map(() => "---:")]));
    for (const r of rows)
      out.push(row([String(r.year), ...indicators.map((d) => cell(r[d.name]))]));
    out.push("", "– : no data.", "");
  }
  const a = m.assessment;
  if (a) {
    out.push("## Competing hypotheses", "");
    for (const h of a.hypotheses)
      out.push(`- **${md(h.id)}** ${md(h.label)} (prior ${h.prior.toFixed(2)})`);
    out.push(
      "",
      "Ratings: CC very consistent, C consistent, N neutral, I inconsistent, II very inconsistent, NA not applicable. Evidence sorted by diagnosticity.",
      "",
    );
    out.push(
      row(["id", "evidence", "cred.", "rel.", ...a.hypotheses.map((h) => md(h.id)), "diag."]),
    );
    out.push(row(["---", "---", "---", "---", ...a.hypotheses.map(() => ":---:"), "---:"]));
    const ev = [...a.evidence].sort(
      (x, y) => y.diagnosticity - x.diagnosticity || a.evidence.indexOf(x) - a.evidence.indexOf(y),
    );
    for (const e of ev) {
      const data = e.binding
        ? ` (data: ${md(e.binding.detail)}${e.binding.applied === "none" ? "; inapplicable, not scored" : ""})`
        : "";
      out.push(
        row([
          md(e.id),
          `${md(e.claim)}${data}`,
          e.credibility,
          e.relevance,
          ...a.hypotheses.map((h) => e.ratings[h.id] ?? "NA"),
          e.diagnosticity.toFixed(2),
        ]),
      );
    }
    out.push("");
    for (const rule of RULES) {
      const o = a.rules[rule];
      if (!o) continue;
      const s = (o.scores ?? o.posterior) as Record<string, number>;
      out.push(
        `- **${rule}**: ${a.hypotheses.map((h) => `${md(h.id)} ${formatScore(rule, s[h.id] as number)}`).join(", ")}; ranking ${o.ranking.map(md).join(" > ")}${o.ties.length ? `; ties: ${o.ties.map((t) => t.map(md).join(" = ")).join("; ")}` : ""}`,
      );
    }
    out.push("", "### What would change the conclusion", "");
    if (!a.sensitivity.length)
      out.push("No single removal, credibility change or data result changes any rule's leader.");
    for (const s of a.sensitivity)
      out.push(`- ${s.rule}: ${md(s.evidence)} ${md(s.change)} → ${md(s.new_leader)} leads`);
    out.push("", "### Evidence sources", "");
    a.evidence.forEach((e, i) => {
      const src = e.source;
      out.push(
        `${i + 1}. **${md(e.id)}** ${[src.author, src.title, src.publisher, src.date].filter(Boolean).map(md).join(", ")}${src.url ? ` ${urlMd(src.url)}` : ""}`,
      );
    });
    out.push("");
  }
  out.push("## Sources and methods", "", "### Datasets", "");
  for (const d of m.datasets) {
    out.push(
      `- **${md(d.title)}** (${md(d.version)}; data to ${d.lastYear ?? "–"}). ${md(d.citation)}`,
    );
    for (const f of d.files)
      out.push(
        `  - \`${f.path.replaceAll("`", "'")}\`: ${f.rows.toLocaleString("en-US")} rows, sha256 \`${f.sha256}\``,
      );
  }
  out.push(
    "",
    "### Indicators",
    "",
    "Formulas, null rules and references: Entente `docs/indicators.md`; scoring rules: `docs/assessment.md`.",
    "",
  );
  out.push(row(["indicator", "definition", "unit"]), row(["---", "---", "---"]));
  for (const d of m.indicators) out.push(row([`\`${d.name}\``, md(d.description), md(d.unit)]));
  out.push("");
  return { text: out.join("\n"), files };
}
