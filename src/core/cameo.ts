/**
 * CAMEO event codes (Schrodt, CAMEO codebook 1.1b3, as used by GDELT and ICEWS): the codes an
 * event may carry, and the quad class of each root. Codes are strings: "010" is not "10".
 * test/core/cameo.test.ts checks this list against GDELT's CAMEO.eventcodes.txt lookup.
 */

/** Every CAMEO event code, one string per root (01…20), space-separated. */
const CODES_BY_ROOT: readonly string[] = [
  "01 010 011 012 013 014 015 016 017 018 019",
  "02 020 021 0211 0212 0213 0214 022 023 0231 0232 0233 0234 024 0241 0242 0243 0244 025 0251 0252 0253 0254 0255 0256 026 027 028",
  "03 030 031 0311 0312 0313 0314 032 033 0331 0332 0333 0334 034 0341 0342 0343 0344 035 0351 0352 0353 0354 0355 0356 036 037 038 039",
  "04 040 041 042 043 044 045 046",
  "05 050 051 052 053 054 055 056 057",
  "06 060 061 062 063 064",
  "07 070 071 072 073 074 075",
  "08 080 081 0811 0812 0813 0814 082 083 0831 0832 0833 0834 084 0841 0842 085 086 0861 0862 0863 087 0871 0872 0873 0874",
  "09 090 091 092 093 094",
  "10 100 101 1011 1012 1013 1014 102 103 1031 1032 1033 1034 104 1041 1042 1043 1044 105 1051 1052 1053 1054 1055 1056 106 107 108",
  "11 110 111 112 1121 1122 1123 1124 1125 113 114 115 116",
  "12 120 121 1211 1212 122 1221 1222 1223 1224 123 1231 1232 1233 1234 124 1241 1242 1243 1244 1245 1246 125 126 127 128 129",
  "13 130 131 1311 1312 1313 132 1321 1322 1323 1324 133 134 135 136 137 138 1381 1382 1383 1384 1385 139",
  "14 140 141 1411 1412 1413 1414 142 1421 1422 1423 1424 143 1431 1432 1433 1434 144 1441 1442 1443 1444 145 1451 1452 1453 1454",
  "15 150 151 152 153 154",
  "16 160 161 162 1621 1622 1623 163 164 165 166 1661 1662 1663",
  "17 170 171 1711 1712 172 1721 1722 1723 1724 173 174 175",
  "18 180 181 182 1821 1822 1823 183 1831 1832 1833 184 185 186",
  "19 190 191 192 193 194 195 196",
  "20 200 201 202 203 204 2041 2042",
];

/** Codes ICEWS's CAMEO table adds to GDELT's (ICEWS CAMEO code list, andybega/icews). */
const ICEWS_EXTRA = ["1213"];

const CODES: ReadonlySet<string> = new Set([
  ...CODES_BY_ROOT.flatMap((s) => s.split(" ")),
  ...ICEWS_EXTRA,
]);

/** All CAMEO event codes accepted on load: the codebook's, in order, then ICEWS's additions. */
export function cameoEventCodes(): string[] {
  return [...CODES];
}

export function isCameoEventCode(code: string): boolean {
  return CODES.has(code);
}

export type QuadClass = 1 | 2 | 3 | 4;

/**
 * Quad class of a CAMEO root (METHODS.md): 01–05 verbal cooperation, 06–08 material cooperation,
 * 09–13 verbal conflict, 14–20 material conflict. Null for anything that is not a root 01–20.
 */
export function quadClassOfRoot(root: string): QuadClass | null {
  if (!/^\d\d$/.test(root)) return null;
  const r = Number(root);
  if (r >= 1 && r <= 5) return 1;
  if (r >= 6 && r <= 8) return 2;
  if (r >= 9 && r <= 13) return 3;
  if (r >= 14 && r <= 20) return 4;
  return null;
}

/**
 * SQL CASE expression giving the quad class of a code column from its first two characters.
 * `tryInt` spells "this text as an integer, or null" in the backend's dialect (default DuckDB).
 */
export function quadClassSql(
  codeExpr: string,
  tryInt: (e: string) => string = (e) => `TRY_CAST(${e} AS INTEGER)`,
): string {
  const root = tryInt(`substr(${codeExpr}, 1, 2)`);
  return `CASE WHEN ${root} BETWEEN 1 AND 5 THEN 1 WHEN ${root} BETWEEN 6 AND 8 THEN 2 WHEN ${root} BETWEEN 9 AND 13 THEN 3 WHEN ${root} BETWEEN 14 AND 20 THEN 4 END`;
}
