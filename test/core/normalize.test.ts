/**
 * The one folding table (core/normalize.ts) and its three uses: crosswalk keys, text with an
 * offset map (office holders) and text of the same length (states, organisations).
 */
import { describe, expect, it } from "vitest";
import {
  FOLD_TABLE,
  foldChar,
  foldKeepingLength,
  foldWithOffsets,
  normalizeName,
  normalizeNameJoined,
} from "../../src/core/normalize.js";

describe("folding", () => {
  it("folds text without changing its length", () => {
    const s = "Côte d’Ivoire – São Tomé\u00a0Türkiye 😀";
    expect(foldKeepingLength(s)).toBe("Cote d'Ivoire - Sao Tome Turkiye 😀");
    expect(foldKeepingLength(s).length).toBe(s.length);
    // Letters that fold to two stay whole rather than shift the offsets.
    expect(foldKeepingLength("Straße Ærø")).toBe("Straße Æro");
  });

  it("folds text with a map back to the original offsets", () => {
    const s = "Le Drián’s Straße";
    const f = foldWithOffsets(s);
    expect(f.text).toBe("Le Drian's Strasse");
    const at = f.text.indexOf("ss");
    expect(s.slice(f.starts[at], f.ends[at + 1])).toBe("ß");
    expect(s.slice(f.starts[3], f.ends[7])).toBe("Drián");
  });

  it("uses one table for every fold", () => {
    for (const [ch, plain] of Object.entries(FOLD_TABLE)) {
      expect(foldChar(ch), ch).toBe(plain);
      expect(foldWithOffsets(ch).text, ch).toBe(plain);
      expect(foldKeepingLength(ch), ch).toBe(plain.length === 1 ? plain : ch);
      expect(normalizeName(`a${ch}b`), ch).toBe(
        normalizeName(`a${plain}b`).replace(/^a\s*b$/, "a b"),
      );
    }
    expect(normalizeNameJoined("Côte d´Ivoire")).toBe("cote divoire");
    expect(normalizeNameJoined("Côte d′Ivoire")).toBe("cote divoire");
  });
});
