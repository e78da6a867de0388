/**
 * A case file's YAML text, edited in place: each edit splices only the text of the values it
 * changes, so comments, folded claims and flow maps stay as the author wrote them and a save
 * produces a small diff. Every splice is checked by parsing the new text and comparing it with
 * the intended data; should a splice not give exactly that, the edit is made on the parsed
 * document instead and the whole file is printed again (correct, only less tidy).
 */
import { Document, isMap, isScalar, isSeq, type Node, parseDocument, Scalar } from "yaml";

export type Path = ReadonlyArray<string | number>;
export type Value = string | number;
export type Edit =
  | { readonly op: "set"; readonly path: Path; readonly value: Value }
  | {
      readonly op: "append";
      readonly path: Path;
      readonly value: Readonly<Record<string, unknown>>;
    }
  | { readonly op: "remove"; readonly path: Path; readonly index: number };

/** Width that folded claims are wrapped to (the bundled cases use about this). */
const WIDTH = 96;

const parse = (text: string) => parseDocument(text, { keepSourceTokens: false });

export class CaseText {
  #text: string;
  #doc: ReturnType<typeof parse>;
  /** How many edits had to fall back to printing the whole document. */
  reprinted = 0;

  constructor(text: string) {
    this.#text = text;
    this.#doc = parse(text);
  }

  get text(): string {
    return this.#text;
  }

  /** YAML syntax errors ("" when there are none). */
  get errors(): string[] {
    return this.#doc.errors.map((e) => e.message);
  }

  toJS(): unknown {
    return this.#doc.toJS();
  }

  apply(edit: Edit): void {
    const expected = applyToJS(structuredClone(this.toJS()), edit);
    const spliced = this.#doc.errors.length ? null : splice(this.#text, this.#doc, edit);
    if (spliced !== null) {
      const doc = parse(spliced);
      if (!doc.errors.length && same(doc.toJS(), expected)) {
        this.#text = spliced;
        this.#doc = doc;
        return;
      }
    }
    applyToDoc(this.#doc, edit);
    this.#text = this.#doc.toString({ lineWidth: WIDTH });
    this.#doc = parse(this.#text);
    this.reprinted++;
  }
}

/** JSON-like equality (key order ignored). */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

type Loose = Record<string | number, unknown>;

/** The edit applied to plain data (what the text must parse to afterwards). */
export function applyToJS(root: unknown, edit: Edit): unknown {
  const path = edit.path;
  if (edit.op === "set") {
    let at = root as Loose;
    for (const k of path.slice(0, -1)) {
      if (typeof at[k] !== "object" || at[k] === null) at[k] = {};
      at = at[k] as Loose;
    }
    at[path[path.length - 1] as string | number] = edit.value;
    return root;
  }
  let at = root as Loose;
  for (const k of path) at = at[k] as Loose;
  const list = at as unknown as unknown[];
  if (edit.op === "append") list.push(structuredClone(edit.value));
  else list.splice(edit.index, 1);
  return root;
}

function applyToDoc(doc: Document, edit: Edit): void {
  if (edit.op === "set") doc.setIn(edit.path, edit.value);
  else if (edit.op === "append") doc.addIn(edit.path, doc.createNode(edit.value));
  else doc.deleteIn([...edit.path, edit.index]);
}

const lineStart = (text: string, at: number): number => text.lastIndexOf("\n", at - 1) + 1;
const column = (text: string, at: number): number => at - lineStart(text, at);
const PLAIN = /^[A-Za-z0-9][A-Za-z0-9 ._()'/-]*$/;

/** A scalar as YAML source: plain when that reads back as the same string, else double-quoted. */
function scalarSource(value: Value): string {
  if (typeof value === "number") return String(value);
  if (PLAIN.test(value) && !value.endsWith(" ")) {
    const back = parseDocument(`k: ${value}`).toJS() as { k?: unknown };
    if (back.k === value) return value;
  }
  return JSON.stringify(value);
}

/** Greedy word wrap of one paragraph to `width` columns. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines;
}

function splice(text: string, doc: Document, edit: Edit): string | null {
  const node = (path: Path) => doc.getIn(path, true) as Node | undefined;
  const put = (from: number, to: number, s: string) => text.slice(0, from) + s + text.slice(to);

  if (edit.op === "set") {
    const target = node(edit.path);
    const parent = node(edit.path.slice(0, -1));
    if (isScalar(target) && target.range) {
      const [from, to] = target.range;
      const folded = target.type === Scalar.BLOCK_FOLDED || target.type === Scalar.BLOCK_LITERAL;
      if (folded && typeof edit.value === "string" && !(isMap(parent) && parent.flow)) {
        const firstLine = text.indexOf("\n", from) + 1;
        const indent = /^ */.exec(text.slice(firstLine))?.[0] ?? "  ";
        const body = edit.value
          .split("\n")
          .map((para) =>
            wrap(para, WIDTH - indent.length)
              .map((l) => (l ? indent + l : ""))
              .join("\n"),
          )
          .join("\n\n");
        return put(from, to, `>-\n${body}\n`);
      }
      return put(from, to, scalarSource(edit.value));
    }
    if (target !== undefined || !isMap(parent) || !parent.range) return null;
    const key = String(edit.path[edit.path.length - 1]);
    const pair = `${scalarSource(key)}: ${scalarSource(edit.value)}`;
    const [from, to] = parent.range;
    if (parent.flow) {
      const last = parent.items[parent.items.length - 1];
      const end =
        (last?.value as Node | null)?.range?.[1] ?? (last?.key as Node | null)?.range?.[1];
      return end === undefined ? put(from, to, `{ ${pair} }`) : put(end, end, `, ${pair}`);
    }
    const first = parent.items[0]?.key as Node | undefined;
    const indent = " ".repeat(column(text, first?.range?.[0] ?? from));
    return text[to - 1] === "\n"
      ? put(to, to, `${indent}${pair}\n`)
      : put(to, to, `\n${indent}${pair}`);
  }

  const seq = node(edit.path);
  if (!isSeq(seq) || seq.flow || !seq.range) return null;
  const items = seq.items as Node[];
  if (edit.op === "remove") {
    const item = items[edit.index];
    if (!item?.range) return null;
    const from = lineStart(text, item.range[0]);
    const next = items[edit.index + 1];
    const to = next?.range ? lineStart(text, next.range[0]) : seq.range[1];
    return put(from, to, "");
  }
  const indent = " ".repeat(column(text, seq.range[0]));
  const item = new Document(edit.value);
  // Long texts (claims) as folded blocks, as the bundled cases write them.
  if (isMap(item.contents)) {
    for (const pair of item.contents.items) {
      const v = pair.value;
      if (isScalar(v) && typeof v.value === "string" && v.value.length > 60) {
        v.type = Scalar.BLOCK_FOLDED;
      }
    }
  }
  const printed = item.toString({ lineWidth: WIDTH - indent.length - 2 });
  const lines = printed.replace(/\n$/, "").split("\n");
  const block = lines
    .map((l, i) => (i === 0 ? `${indent}- ${l}` : l ? `${indent}  ${l}` : ""))
    .join("\n");
  // Blank lines between the items already there: keep the habit.
  const second = items[1]?.range;
  const spaced = second ? text.slice(0, lineStart(text, second[0])).endsWith("\n\n") : false;
  const at = seq.range[1];
  const lead = text[at - 1] === "\n" ? "" : "\n";
  return put(at, at, `${lead}${spaced ? "\n" : ""}${block}\n`);
}
