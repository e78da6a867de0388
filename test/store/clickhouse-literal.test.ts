import { describe, expect, it } from "vitest";
import {
  bindParams,
  literal,
  stringLiteral,
  tsvField,
} from "../../src/store/clickhouse/literal.js";

describe("ClickHouse literals", () => {
  it("escapes quotes, backslashes, NUL and control characters", () => {
    expect(stringLiteral("it's")).toBe("'it\\'s'");
    expect(stringLiteral("a\\b")).toBe("'a\\\\b'");
    expect(stringLiteral("\\'")).toBe("'\\\\\\''");
    expect(stringLiteral("x\0y")).toBe("'x\\0y'");
    expect(stringLiteral("l1\nl2\r\n\tz\b\f")).toBe("'l1\\nl2\\r\\n\\tz\\b\\f'");
    expect(stringLiteral("")).toBe("''");
  });

  it("keeps non-ASCII text as it is and refuses lone surrogates", () => {
    expect(stringLiteral("Россия 中国 Côte d’Ivoire 🇷🇺")).toBe("'Россия 中国 Côte d’Ivoire 🇷🇺'");
    expect(() => stringLiteral("bad \uD800 half")).toThrow(/surrogate/);
    expect(() => stringLiteral("bad \uDC00")).toThrow(/surrogate/);
  });

  it("writes numbers, bigints, booleans, null and arrays", () => {
    expect(literal(null)).toBe("NULL");
    expect(literal(undefined)).toBe("NULL");
    expect(literal(42)).toBe("42");
    expect(literal(-1.5)).toBe("(-1.5)");
    expect(literal(-0)).toBe("(0)");
    expect(literal(12345678901234567890n)).toBe("12345678901234567890");
    expect(literal(-3n)).toBe("(-3)");
    expect(literal(true)).toBe("1");
    expect(literal(false)).toBe("0");
    expect(literal([1, -2, 3])).toBe("[1,-2,3]");
    expect(literal(["a'b", "c"])).toBe("['a\\'b','c']");
    expect(() => literal(Number.NaN)).toThrow(/NaN/);
    expect(() => literal(Number.POSITIVE_INFINITY)).toThrow();
    expect(() => literal({})).toThrow(/object/);
  });

  it("binds $n outside quotes and comments, and checks the count", () => {
    expect(bindParams("SELECT $1, $2", ["x", 2])).toBe("SELECT 'x', 2");
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(bindParams(`SELECT ${ten.map((n) => `$${n}`).join(", ")}, $10 + $1`, ten)).toBe(
      "SELECT 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10 + 1",
    );
    expect(() => bindParams("SELECT $10 + $1", ten)).toThrow(/10 values given but 2/);
    expect(bindParams("SELECT '$1', \"$1\", `$1`, $1", ["v"])).toBe(
      "SELECT '$1', \"$1\", `$1`, 'v'",
    );
    expect(bindParams("SELECT 'it''s $1', 'a\\'$1', $1", [7])).toBe(
      "SELECT 'it''s $1', 'a\\'$1', 7",
    );
    expect(bindParams("SELECT $1 -- $2 is not here\n, /* $2 */ 1", [1])).toBe(
      "SELECT 1 -- $2 is not here\n, /* $2 */ 1",
    );
    expect(bindParams("SELECT x-$1", [-1])).toBe("SELECT x-(-1)");
    expect(() => bindParams("SELECT $2", [1, 2])).toThrow(/2 values given but 1/);
    expect(() => bindParams("SELECT $3", [1])).toThrow(/\$3 has no value/);
    expect(() => bindParams("SELECT 'open", [])).toThrow(/unterminated/);
  });

  it("a bound value cannot end its literal: injection attempts stay text", () => {
    const evil = "x' OR 1=1 --";
    expect(bindParams("SELECT * FROM t WHERE name = $1", [evil])).toBe(
      "SELECT * FROM t WHERE name = 'x\\' OR 1=1 --'",
    );
    const evil2 = "x\\' OR 1=1 --";
    expect(bindParams("WHERE name = $1", [evil2])).toBe("WHERE name = 'x\\\\\\' OR 1=1 --'");
  });

  it("writes TabSeparated fields", () => {
    expect(tsvField(null)).toBe("\\N");
    expect(tsvField("a\tb\nc\\d'e\0")).toBe("a\\tb\\nc\\\\d'e\\0");
    expect(tsvField("\\N")).toBe("\\\\N");
    expect(tsvField(3.25)).toBe("3.25");
    expect(tsvField(-2)).toBe("-2");
    expect(tsvField(true)).toBe("1");
    expect(tsvField([365, -1])).toBe("[365,-1]");
    expect(tsvField(["Côte d'Ivoire", "a\tb"])).toBe("['Côte d\\'Ivoire','a\\tb']");
  });
});
