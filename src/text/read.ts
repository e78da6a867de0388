/**
 * Reading documents (news articles, speech transcripts, op-eds) into a TextDocument: the main text
 * only, one paragraph per block, paragraphs joined by "\n\n".
 *
 * - .txt: paragraphs are separated by blank lines; line breaks inside a paragraph become spaces.
 * - .md/.markdown: front matter removed, Markdown rendered by `marked` and read back as text
 *   (links → their text, images → alt text, inline HTML dropped, entities decoded).
 * - .html/.htm: the article found by @mozilla/readability (Firefox Reader View) over a `linkedom`
 *   DOM; pages too small for Readability fall back to the body minus script, style, nav, header,
 *   footer, aside and form, and minus elements whose class, id or ARIA role names boilerplate
 *   (cookie/consent banners, share buttons, comments, related links, menus).
 * - .pdf: not supported (convert with pdftotext first).
 *
 * Input is UTF-8 (invalid bytes are refused with their offset); a BOM is dropped, CRLF/CR become
 * LF and the text is put in Unicode NFC so that "é" is always one code unit.
 */
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { isProbablyReaderable, Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { Marked } from "marked";
import { parse as parseYaml } from "yaml";
import { BadFileError } from "../core/errors.js";
import type { DocumentFormat, Span, TextDocument } from "./types.js";

const SUPPORTED = ".txt, .md, .markdown, .html, .htm";
const SUPPORTED_HINT = `Supported formats: ${SUPPORTED} (UTF-8 text)`;
const PDF_HINT =
  "Convert it to text first, e.g. `pdftotext -enc UTF-8 file.pdf file.txt`, and read the .txt";

const EXTENSIONS: Readonly<Record<string, DocumentFormat>> = {
  ".txt": "txt",
  ".text": "txt",
  ".md": "md",
  ".markdown": "md",
  ".html": "html",
  ".htm": "html",
  ".pdf": "pdf",
};

/**
 * The format a path's extension names (case-insensitive). Throws BadFileError for extensions
 * this reader does not know; ".pdf" maps to "pdf", which the readers then refuse.
 */
export function formatOf(path: string): DocumentFormat {
  const ext = extname(path).toLowerCase();
  const format = EXTENSIONS[ext];
  if (format === undefined) {
    const what = ext === "" ? "a file without an extension" : `"${ext}" files`;
    throw new BadFileError(path, `cannot read ${what} as a document`, { hint: SUPPORTED_HINT });
  }
  return format;
}

/** Read a document from disk: format by extension, UTF-8 only. */
export async function readDocument(path: string): Promise<TextDocument> {
  const format = formatOf(path);
  if (format === "pdf") throw pdfError(path);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a directory"
          : `cannot be read (${code ?? String(e)})`;
    throw new BadFileError(path, why);
  }
  return documentFromString(decodeUtf8(bytes, path), format, path);
}

/**
 * Build a TextDocument from text already in memory (pure; used by readDocument and tests).
 * `path` only labels the document and its errors.
 */
export function documentFromString(
  input: string,
  format: DocumentFormat,
  path = `<${format}>`,
): TextDocument {
  const text = normalizeInput(input);
  let parsed: { title: string | null; paragraphs: string[] };
  switch (format) {
    case "txt":
      parsed = parseText(text);
      break;
    case "md":
      parsed = parseMarkdown(text);
      break;
    case "html":
      parsed = parseHtmlDocument(text);
      break;
    case "pdf":
      throw pdfError(path);
    default:
      throw new BadFileError(path, `unknown document format "${String(format)}"`, {
        hint: SUPPORTED_HINT,
      });
  }
  return assemble(path, format, parsed.title, parsed.paragraphs);
}

function pdfError(path: string): BadFileError {
  return new BadFileError(path, "PDF documents are not supported", { hint: PDF_HINT });
}

// ---------------------------------------------------------------------------------------------
// Decoding and normalisation.

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Decode UTF-8 strictly; a BOM is dropped. Invalid bytes → BadFileError naming the offset. */
export function decodeUtf8(bytes: Uint8Array, path: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const byte = bytes[at];
    const shown = byte === undefined ? "truncated sequence at end of file" : `byte 0x${hex(byte)}`;
    throw new BadFileError(path, `invalid UTF-8 at byte offset ${at} (${shown})`, {
      hint: "Save the file as UTF-8 (e.g. `iconv -f WINDOWS-1252 -t UTF-8 in.txt > out.txt`)",
    });
  }
}

const hex = (b: number): string => b.toString(16).toUpperCase().padStart(2, "0");

/** Offset of the first byte that starts an invalid UTF-8 sequence (bytes.length if truncated). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      // E0 needs A0–BF (no overlongs); ED needs 80–9F (no surrogates).
      min = b === 0xe0 ? 0xa0 : 0x80;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = b === 0xf0 ? 0x90 : 0x80;
      if (b === 0xf4) max = 0x8f;
    } else {
      return i;
    }
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return n;
}

function normalizeInput(s: string): string {
  return s
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .normalize("NFC");
}

/** Collapse whitespace (including NBSP and other Unicode spaces) to single spaces; trim. */
function collapse(s: string): string {
  return s.replace(/[\s\u200B]+/g, " ").trim();
}

function assemble(
  path: string,
  format: DocumentFormat,
  title: string | null,
  rawParagraphs: readonly string[],
): TextDocument {
  const paragraphs: Span[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (const raw of rawParagraphs) {
    const p = collapse(raw);
    if (p === "") continue;
    if (parts.length > 0) offset += 2;
    paragraphs.push(Object.freeze({ start: offset, end: offset + p.length }));
    parts.push(p);
    offset += p.length;
  }
  const t = title === null ? "" : collapse(title);
  return Object.freeze({
    path,
    format,
    title: t === "" ? null : t,
    text: parts.join("\n\n"),
    paragraphs: Object.freeze(paragraphs),
  });
}

// ---------------------------------------------------------------------------------------------
// Plain text.

const TITLE_MAX = 120;

function parseText(text: string): { title: string | null; paragraphs: string[] } {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const lines = text.split("\n");
  for (const line of lines) {
    if (line.trim() === "") {
      if (current.length) paragraphs.push(current.join(" "));
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) paragraphs.push(current.join(" "));
  // Title: the first non-blank line when it is short and a blank line follows it.
  let title: string | null = null;
  const first = lines.findIndex((l) => l.trim() !== "");
  if (first >= 0) {
    const line = (lines[first] as string).trim();
    const next = lines[first + 1];
    if (line.length < TITLE_MAX && next !== undefined && next.trim() === "") title = line;
  }
  return { title, paragraphs };
}

// ---------------------------------------------------------------------------------------------
// Markdown.

/** Front matter: YAML between "---" lines or TOML between "+++" lines, at the very start. */
const FRONT_MATTER =
  /^(?:---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)|\+\+\+[ \t]*\n([\s\S]*?)\n\+\+\+[ \t]*(?:\n|$))/;

function frontMatterTitle(yamlText: string | undefined, tomlText: string | undefined) {
  if (yamlText !== undefined) {
    try {
      const data: unknown = parseYaml(yamlText);
      if (data && typeof data === "object" && !Array.isArray(data)) {
        const t = (data as Record<string, unknown>).title;
        if (typeof t === "string" && t.trim() !== "") return t;
      }
    } catch {
      // Broken YAML: fall through to the line match.
    }
  }
  const body = yamlText ?? tomlText ?? "";
  const m = /^title\s*[:=]\s*(?:"([^"]*)"|'([^']*)'|(.*))$/m.exec(body);
  const t = m ? (m[1] ?? m[2] ?? m[3] ?? "").trim() : "";
  return t === "" ? null : t;
}

/** A private instance: global `marked.use(...)` elsewhere cannot change how documents read. */
const markdown = new Marked({ gfm: true });

function parseMarkdown(text: string): { title: string | null; paragraphs: string[] } {
  let body = text;
  let fmTitle: string | null = null;
  const fm = FRONT_MATTER.exec(text);
  if (fm) {
    fmTitle = frontMatterTitle(fm[1], fm[2]);
    body = text.slice(fm[0].length);
  }
  const html = markdown.parse(body, { async: false });
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  const root = document.body as unknown as DomNode;
  const paragraphs = blocksOf(root, { imageAlt: true, skip: SKIP_ALWAYS });
  const heading = firstHeading(root);
  return { title: fmTitle ?? heading, paragraphs };
}

// ---------------------------------------------------------------------------------------------
// HTML.

/** What the walker needs of a linkedom node (the project compiles without the DOM lib). */
interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly childNodes: ArrayLike<DomNode>;
  readonly textContent: string | null;
  getAttribute?(name: string): string | null;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Elements whose content is never text of the document. */
const SKIP_ALWAYS: ReadonlySet<string> = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "SVG",
  "IFRAME",
  "OBJECT",
  "EMBED",
  "CANVAS",
  "BUTTON",
  "SELECT",
  "TEXTAREA",
  "HEAD",
  "TITLE",
  "META",
  "LINK",
]);

/** Also skipped when Readability found no article and the whole body is read. */
const SKIP_FALLBACK: ReadonlySet<string> = new Set([
  ...SKIP_ALWAYS,
  "NAV",
  "HEADER",
  "FOOTER",
  "ASIDE",
  "FORM",
  "DIALOG",
  "MENU",
]);

/** Elements that start and end a paragraph. */
const BLOCKS: ReadonlySet<string> = new Set([
  "P",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "LI",
  "BLOCKQUOTE",
  "PRE",
  "DT",
  "DD",
  "FIGCAPTION",
  "CAPTION",
  "TR",
  "ADDRESS",
  "DIV",
  "SECTION",
  "ARTICLE",
  "MAIN",
  "HEADER",
  "FOOTER",
  "ASIDE",
  "NAV",
  "UL",
  "OL",
  "DL",
  "TABLE",
  "FIGURE",
  "HR",
  "FORM",
  "FIELDSET",
  "DETAILS",
  "SUMMARY",
  "BODY",
]);

/**
 * Boilerplate by class, id or role, skipped when the whole body is read (Readability has its own
 * rules for the pages it reads).
 */
const BOILERPLATE_ATTR =
  /(?:^|[\s_-])(?:cookies?|consent|gdpr|share|sharing|social|comments?|related|newsletter|subscribe|advert|ads?|promo|sponsor(?:ed)?|breadcrumbs?|menu|sidebar|popup|modal|banner|masthead|footer|header|nav|navbar|navigation)(?:$|[\s_-])/i;
/** Never skipped for their class: they hold the page itself. */
const CONTAINERS: ReadonlySet<string> = new Set(["HTML", "BODY", "MAIN", "ARTICLE"]);
const BOILERPLATE_ROLE =
  /^(?:navigation|banner|contentinfo|complementary|dialog|alertdialog|search|menu|menubar)$/i;

/** Stands for <br> while a paragraph is collected; two in a row split the paragraph. */
const BR = "\uE000";

/** The text of each block under `root`, in document order. */
function blocksOf(
  root: DomNode,
  opts: { imageAlt: boolean; skip: ReadonlySet<string>; skipBoilerplate?: boolean },
): string[] {
  const out: string[] = [];
  let buf = "";
  const flush = () => {
    for (const piece of buf.split(new RegExp(`${BR}\\s*${BR}`))) {
      const p = piece.replaceAll(BR, " ");
      if (p.trim() !== "") out.push(p);
    }
    buf = "";
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === TEXT_NODE) {
      buf += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = node.nodeName.toUpperCase();
    if (opts.skip.has(tag)) return;
    const hidden = node.getAttribute?.("hidden") ?? null;
    if (hidden !== null || node.getAttribute?.("aria-hidden") === "true") return;
    if (opts.skipBoilerplate && !CONTAINERS.has(tag) && isBoilerplate(node)) return;
    if (tag === "BR") {
      buf += BR;
      return;
    }
    if (tag === "IMG") {
      if (opts.imageAlt) buf += ` ${node.getAttribute?.("alt") ?? ""} `;
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i] as DomNode);
    if (block) flush();
    else if (tag === "TD" || tag === "TH") buf += " ";
  };
  walk(root);
  flush();
  return out;
}

function isBoilerplate(node: DomNode): boolean {
  const role = node.getAttribute?.("role") ?? "";
  if (BOILERPLATE_ROLE.test(role)) return true;
  const names = `${node.getAttribute?.("class") ?? ""} ${node.getAttribute?.("id") ?? ""}`;
  return BOILERPLATE_ATTR.test(names);
}

function firstHeading(root: DomNode): string | null {
  let found: string | null = null;
  const walk = (node: DomNode): void => {
    if (found !== null || node.nodeType !== ELEMENT_NODE) return;
    if (/^H[1-6]$/.test(node.nodeName.toUpperCase())) {
      const t = collapse(blocksOf(node, { imageAlt: true, skip: SKIP_ALWAYS }).join(" "));
      if (t !== "") found = t;
      return;
    }
    const kids = node.childNodes;
    for (let i = 0; i < kids.length && found === null; i++) walk(kids[i] as DomNode);
  };
  walk(root);
  return found;
}

function findFirst(root: DomNode, tag: string): DomNode | null {
  if (root.nodeType === ELEMENT_NODE && root.nodeName.toUpperCase() === tag) return root;
  const kids = root.childNodes;
  for (let i = 0; i < kids.length; i++) {
    const f = findFirst(kids[i] as DomNode, tag);
    if (f) return f;
  }
  return null;
}

function parseHtmlDocument(html: string): { title: string | null; paragraphs: string[] } {
  // Readability changes the DOM it reads, so the fallback and the title read their own copy.
  const page = parseHTML(html).document;
  const pageRoot = page as unknown as DomNode;
  const titleEl = findFirst(pageRoot, "TITLE");
  const h1 = findFirst(pageRoot, "H1");
  const pageTitle =
    (titleEl ? collapse(titleEl.textContent ?? "") : "") ||
    (h1 ? collapse(h1.textContent ?? "") : "") ||
    null;

  const forReadability = parseHTML(html).document;
  // biome-ignore lint/suspicious/noExplicitAny: linkedom's Document stands in for the DOM type.
  const doc = forReadability as any;
  if (isProbablyReaderable(doc)) {
    const article = new Readability<DomNode>(doc, {
      serializer: (n) => n as unknown as DomNode,
    }).parse();
    const content = article?.content;
    if (content) {
      const paragraphs = blocksOf(content, { imageAlt: false, skip: SKIP_ALWAYS });
      if (paragraphs.length > 0) {
        const t = article.title ? collapse(article.title) : "";
        return { title: t || pageTitle, paragraphs };
      }
    }
  }
  const body = findFirst(pageRoot, "BODY") ?? pageRoot;
  const paragraphs = blocksOf(body, {
    imageAlt: false,
    skip: SKIP_FALLBACK,
    skipBoilerplate: true,
  });
  return { title: pageTitle, paragraphs };
}
