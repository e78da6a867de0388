/**
 * A literal matcher: a trie of literals compiled to one regular expression (fast on long texts),
 * greedy so that the longest literal at a position wins. A space in a literal matches any run of
 * whitespace. Used for the state and organisation vocabularies.
 */

interface TrieNode {
  children: Map<string, TrieNode>;
  end: boolean;
}

const escapeChar = (c: string): string =>
  c === " " ? "\\s+" : c.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");

function trieSource(node: TrieNode): string {
  const parts: string[] = [];
  for (const [c, child] of node.children) parts.push(escapeChar(c) + trieSource(child));
  if (parts.length === 0) return "";
  const body = parts.length === 1 ? (parts[0] as string) : `(?:${parts.join("|")})`;
  return node.end ? `(?:${body})?` : body;
}

/** Regex matching any of the literals, word-bounded, leftmost-longest (global, unicode). */
export function literalRegex(literals: Iterable<string>): RegExp {
  const root: TrieNode = { children: new Map(), end: false };
  for (const lit of literals) {
    let node = root;
    for (const c of lit) {
      let next = node.children.get(c);
      if (!next) {
        next = { children: new Map(), end: false };
        node.children.set(c, next);
      }
      node = next;
    }
    node.end = true;
  }
  // A literal ending in "-" ("Sino-") needs no bound after it: a word follows by design.
  const after = "(?:(?<=-)|(?![\\p{L}\\p{N}_]))";
  return new RegExp(`(?<![\\p{L}\\p{N}_])${trieSource(root)}${after}`, "gu");
}

export const keyOf = (matched: string): string => matched.replace(/\s+/g, " ");
