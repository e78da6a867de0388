/**
 * Only http(s) URLs become links in reports, in Markdown (checked through a real renderer,
 * marked) as in HTML; every other scheme stays escaped text (issue 16, item 4).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { loadCase } from "../../src/assess/case-file.js";
import { reportHtml } from "../../src/report/html.js";
import { reportMarkdown } from "../../src/report/markdown.js";
import { buildReport } from "../../src/report/model.js";
import { fixture, tempDir, tempStore } from "../helpers.js";

const HOSTILE = [
  "javascript:alert(5)",
  "JaVaScRiPt:alert(1)",
  "java\tscript:alert(2)",
  "data:text/html,<script>alert(3)</script>",
  "vbscript:msgbox(4)",
  "file:///etc/passwd",
];
const SAFE = ["https://example.org/a?b=<c>&d=1", "http://example.net/x)](javascript:alert(6))"];

/** The minimal case with one evidence item per URL. */
function hostileCase(): string {
  const base = readFileSync(fixture("cases/minimal.yaml"), "utf8");
  const items = [...HOSTILE, ...SAFE]
    .map(
      (url, i) => `  - id: U${i}
    claim: Item with a URL
    kind: document
    source: {title: "Source ${i}", url: ${JSON.stringify(url)}}
    credibility: M
    relevance: M
    ratings: {H1: C, H2: N, H3: I}
`,
    )
    .join("");
  const file = join(tempDir(), "xss.yaml");
  writeFileSync(file, base.replace(/^evidence:\n/m, `evidence:\n${items}`));
  return file;
}

/** The http(s) URLs of the case's sources, normalised as a browser would, in order. */
async function httpUrls(file: string): Promise<string[]> {
  const c = await loadCase(file);
  return c.evidence.flatMap((e) =>
    e.source.url && /^https?:\/\//i.test(e.source.url) ? [new URL(e.source.url).href] : [],
  );
}

const doc = (html: string) =>
  parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;

function hrefs(html: string): string[] {
  const document = doc(html);
  return [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href") ?? "");
}

describe("links in reports", () => {
  it("Markdown rendered by marked links only http(s) URLs; hostile ones stay text", async () => {
    const file = hostileCase();
    const m = await buildReport(await tempStore(), "RUS", "CHN", {
      from: 2010,
      to: 2014,
      caseRef: file,
    });
    const { text } = reportMarkdown(m, "r-charts");
    const rendered = await marked.parse(text);
    const links = hrefs(rendered);
    for (const h of links) expect(h).toMatch(/^https?:\/\//);
    // marked percent-encodes a few more characters (] as %5D): the same URLs.
    expect(links.map(decodeURI)).toEqual((await httpUrls(file)).map(decodeURI));
    expect(links).toHaveLength(SAFE.length + 1);
    expect(rendered).not.toMatch(/href="\s*(javascript|data|vbscript|file):/i);
    // Each hostile URL is still shown, as text.
    const document = doc(rendered);
    const shown = document.body.textContent ?? "";
    for (const u of HOSTILE) expect(shown).toContain(u.split(/[\t,]/)[0]);
    expect(document.querySelectorAll("script").length).toBe(0);
  });

  it("the HTML report links the same http(s) URLs and no other scheme", async () => {
    const file = hostileCase();
    const m = await buildReport(await tempStore(), "RUS", "CHN", {
      from: 2010,
      to: 2014,
      caseRef: file,
    });
    const links = hrefs(reportHtml(m)).filter((h) => !h.startsWith("#"));
    expect(links).toEqual(await httpUrls(file));
  });
});
