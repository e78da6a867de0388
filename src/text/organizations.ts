/**
 * Organisations mentioned in a text (SCO, NATO, the Eurasian Economic Union, BRI/OBOR, …), with
 * exact offsets and a canonical id ("EAEU" for "EEU").
 */
import { foldKeepingLength } from "../core/normalize.js";
import { keyOf, literalRegex } from "./literal-matcher.js";
import type { FoundOrganization } from "./types.js";

interface OrgDef {
  id: string;
  name: string;
  surfaces: readonly string[];
}

const ORGS: readonly OrgDef[] = [
  {
    id: "SCO",
    name: "Shanghai Cooperation Organisation",
    surfaces: ["SCO", "Shanghai Cooperation Organisation", "Shanghai Cooperation Organization"],
  },
  {
    id: "CSTO",
    name: "Collective Security Treaty Organization",
    surfaces: [
      "CSTO",
      "Collective Security Treaty Organization",
      "Collective Security Treaty Organisation",
    ],
  },
  {
    id: "EAEU",
    name: "Eurasian Economic Union",
    surfaces: ["EAEU", "EEU", "EaEU", "Eurasian Economic Union", "Eurasian Union"],
  },
  {
    id: "CIS",
    name: "Commonwealth of Independent States",
    surfaces: ["CIS", "Commonwealth of Independent States"],
  },
  {
    id: "BRI",
    name: "Belt and Road Initiative",
    surfaces: [
      "BRI",
      "OBOR",
      "Belt and Road Initiative",
      "Belt and Road",
      "Belt-and-Road",
      "Belt & Road",
      "One Belt, One Road",
      "One Belt One Road",
      "One Belt and One Road",
    ],
  },
  {
    id: "NATO",
    name: "North Atlantic Treaty Organization",
    surfaces: [
      "NATO",
      "Nato",
      "North Atlantic Treaty Organization",
      "North Atlantic Treaty Organisation",
      "North Atlantic Alliance",
    ],
  },
  {
    id: "ASEAN",
    name: "Association of Southeast Asian Nations",
    surfaces: [
      "ASEAN",
      "Asean",
      "Association of Southeast Asian Nations",
      "Association of South-East Asian Nations",
      "Association of South East Asian Nations",
    ],
  },
  { id: "EU", name: "European Union", surfaces: ["EU", "E.U.", "European Union"] },
  {
    id: "UNSC",
    name: "United Nations Security Council",
    surfaces: [
      "UNSC",
      "Security Council",
      "UN Security Council",
      "U.N. Security Council",
      "United Nations Security Council",
    ],
  },
  { id: "UN", name: "United Nations", surfaces: ["UN", "U.N.", "United Nations"] },
  { id: "BRICS", name: "BRICS", surfaces: ["BRICS", "BRICS+", "Brics"] },
  { id: "G7", name: "Group of Seven", surfaces: ["G7", "G-7", "Group of Seven"] },
  { id: "G20", name: "Group of Twenty", surfaces: ["G20", "G-20", "Group of Twenty"] },
  { id: "AUKUS", name: "AUKUS", surfaces: ["AUKUS", "Aukus"] },
  {
    id: "Quad",
    name: "Quadrilateral Security Dialogue",
    surfaces: ["the Quad", "The Quad", "Quadrilateral Security Dialogue"],
  },
  {
    id: "OSCE",
    name: "Organization for Security and Co-operation in Europe",
    surfaces: [
      "OSCE",
      "Organization for Security and Co-operation in Europe",
      "Organisation for Security and Co-operation in Europe",
      "Organization for Security and Cooperation in Europe",
    ],
  },
  {
    id: "APEC",
    name: "Asia-Pacific Economic Cooperation",
    surfaces: ["APEC", "Asia-Pacific Economic Cooperation", "Asia Pacific Economic Cooperation"],
  },
  {
    id: "WTO",
    name: "World Trade Organization",
    surfaces: ["WTO", "World Trade Organization", "World Trade Organisation"],
  },
  {
    id: "IMF",
    name: "International Monetary Fund",
    surfaces: ["IMF", "International Monetary Fund"],
  },
  {
    id: "CICA",
    name: "Conference on Interaction and Confidence-Building Measures in Asia",
    surfaces: [
      "CICA",
      "Conference on Interaction and Confidence-Building Measures in Asia",
      "Conference on Interaction and Confidence Building Measures in Asia",
    ],
  },
];

let orgVocab: { regex: RegExp; entries: Map<string, OrgDef> } | null = null;

function buildOrgVocab() {
  const entries = new Map<string, OrgDef>();
  for (const o of ORGS) for (const s of o.surfaces) entries.set(keyOf(foldKeepingLength(s)), o);
  // "BRICS+" ends in a non-word character: let the trie match it, the bound check follows.
  return { regex: literalRegex(entries.keys()), entries };
}

/** Organisations mentioned in `text`, in order; `id` is canonical ("EAEU" for "EEU"). */
export function findOrganizations(text: string): FoundOrganization[] {
  if (!orgVocab) orgVocab = buildOrgVocab();
  const { regex, entries } = orgVocab;
  const folded = foldKeepingLength(text);
  const out: FoundOrganization[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(folded); m !== null; m = regex.exec(folded)) {
    const org = entries.get(keyOf(m[0]));
    if (!org) continue;
    let start = m.index;
    // "the Quad": the article only tells the Quad from other quads; the span is "Quad".
    if (/^the\s/i.test(m[0])) start += m[0].search(/Quad/);
    const end = m.index + m[0].length;
    out.push({ start, end, id: org.id, name: org.name, surface: text.slice(start, end) });
  }
  return out;
}
