import { parseDummy, parseInteger, requireInteger } from "../core/fields.js";
import { ATOP_CITATION, ATOP_HOMEPAGE, ATOP_LICENSE } from "./atop-ddy.js";
import { tabularSource } from "./tabular.js";

/** ATOP alliance-level file (one row per alliance; members in mem1…memN). */
export const atopAlliances = tabularSource({
  name: "atop-alliance",
  title: "ATOP alliance-level data",
  version: "4.01",
  citation: ATOP_CITATION,
  homepage: ATOP_HOMEPAGE,
  license: ATOP_LICENSE,
  unit: "alliance",
  table: "atop_alliances",
  yearColumn: "begyr",
  caveats: ["endyr 0 means the alliance was in effect at the end of coverage; stored as null."],
  required: [
    "atopid",
    "begyr",
    "endyr",
    "defense",
    "offense",
    "neutral",
    "nonagg",
    "consul",
    "mem1",
  ],
  excluded: ["member"],
  mapper: (col, header) => {
    const memCols = header.flatMap((h, i) => (/^mem\d+$/.test(h) ? [i] : []));
    const [id, beg, end, def, off, neu, non, con] = [
      "atopid",
      "begyr",
      "endyr",
      "defense",
      "offense",
      "neutral",
      "nonagg",
      "consul",
    ].map(col) as [number, number, number, number, number, number, number, number];
    // cowid and bilat are absent from some releases.
    const cowid = header.indexOf("cowid");
    const bilat = header.indexOf("bilat");
    return (f, _line, out) => {
      const members = memCols.flatMap((i) => {
        const m = parseInteger(f[i], header[i] ?? "mem");
        return m === null || m === 0 ? [] : [m];
      });
      const endyr = parseInteger(f[end], "endyr");
      out.row([
        requireInteger(f[id], "atopid"),
        cowid < 0 ? null : parseInteger(f[cowid], "cowid"),
        requireInteger(f[beg], "begyr"),
        endyr === 0 ? null : endyr,
        bilat < 0 ? null : parseDummy(f[bilat], "bilat"),
        parseDummy(f[def], "defense"),
        parseDummy(f[off], "offense"),
        parseDummy(f[neu], "neutral"),
        parseDummy(f[non], "nonagg"),
        parseDummy(f[con], "consul"),
        members,
      ]);
    };
  },
});

/** ATOP member-level file (one row per member, phase and entry). */
export const atopMembers = tabularSource({
  name: "atop-member",
  title: "ATOP member-level data",
  version: "4.01",
  citation: ATOP_CITATION,
  homepage: ATOP_HOMEPAGE,
  license: ATOP_LICENSE,
  unit: "alliance_member",
  table: "atop_members",
  yearColumn: "yrent",
  caveats: ["yrexit 0 means still in force at the end of coverage; stored as null."],
  required: [
    "atopid",
    "member",
    "yrent",
    "moent",
    "yrexit",
    "moexit",
    "phase",
    "defense",
    "offense",
    "neutral",
    "nonagg",
    "consul",
  ],
  mapper: (col) => {
    const [id, mem, ...rest] = [
      "atopid",
      "member",
      "phase",
      "yrent",
      "moent",
      "yrexit",
      "moexit",
      "defense",
      "offense",
      "neutral",
      "nonagg",
      "consul",
    ].map(col) as [number, number, ...number[]];
    const [phase, yrent, moent, yrexit, moexit, ...dummies] = rest as [
      number,
      number,
      number,
      number,
      number,
      ...number[],
    ];
    const dummyNames = ["defense", "offense", "neutral", "nonagg", "consul"];
    return (f, _line, out) => {
      // yrexit/moexit 0 mean "still in force"
      const exitYear = parseInteger(f[yrexit], "yrexit");
      const exitMonth = parseInteger(f[moexit], "moexit");
      out.row([
        requireInteger(f[id], "atopid"),
        requireInteger(f[mem], "member"),
        parseInteger(f[phase], "phase"),
        parseInteger(f[yrent], "yrent"),
        parseInteger(f[moent], "moent"),
        exitYear === 0 ? null : exitYear,
        exitYear === 0 ? null : exitMonth,
        ...dummies.map((i, k) => parseDummy(f[i], dummyNames[k] as string)),
      ]);
    };
  },
});
