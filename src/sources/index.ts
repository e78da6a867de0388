import { BadInputError } from "../core/errors.js";
import type { EventLayout } from "../store/bulk-csv.js";
import { atopAlliances, atopMembers } from "./atop-alliances.js";
import { atopDdy, atopDdyOfficial } from "./atop-ddy.js";
import { cowAllianceDdy, cowAllianceOfficial } from "./cow-alliance.js";
import { cowContiguity } from "./cow-contiguity.js";
import { cowIgoDyadic } from "./cow-igo.js";
import { cowMidDyadic } from "./cow-mid.js";
import { cowNmc } from "./cow-nmc.js";
import { cowTradeDyadic, cowTradeNational } from "./cow-trade.js";
import { EVENT_LAYOUTS } from "./events/layouts.js";
import { cameoActorCodes, gdeltCameoEventCodes, gdeltCameoGoldstein } from "./gdelt-cameo.js";
import { icewsCameoCodes, icewsGoldstein } from "./icews-cameo.js";
import { icewsDyadYear } from "./icews-dyadyear.js";
import { imfImts } from "./imf-imts.js";
import { jme } from "./jme.js";
import { maddison2018 } from "./maddison.js";
import { mme } from "./mme.js";
import { pwtFull, pwtRgdpeExtract } from "./pwt.js";
import { sdpGdp } from "./sdp.js";
import { sipriArms } from "./sipri-arms.js";
import { sipriMilex } from "./sipri-milex.js";
import type { Source } from "./source.js";
import { cowCountryCodes, cowMajors, cowStates, gwStates } from "./states.js";
import { undlGaVotes } from "./undl-votes.js";
import { ungaMatches } from "./unga-matches.js";
import {
  ungaVoetenRollcalls,
  ungaVoetenRollcallsTab,
  ungaVoetenVotes,
  ungaVoetenVotesTab,
} from "./unga-voeten.js";
import { unvotesIssues, unvotesRollcalls, unvotesVotes } from "./unvotes.js";
import { worldBankIndicator } from "./worldbank.js";

/**
 * Every supported format, in detection order (the first whose header matches wins, so a format
 * whose required columns are a subset of another's comes after it).
 */
export const SOURCES: readonly Source[] = [
  atopDdy,
  atopDdyOfficial,
  atopAlliances,
  atopMembers,
  cowAllianceDdy,
  cowAllianceOfficial,
  cowTradeDyadic,
  cowTradeNational,
  imfImts,
  cowNmc,
  cowIgoDyadic,
  cowContiguity,
  cowMidDyadic,
  ungaVoetenVotes,
  ungaVoetenRollcalls,
  ungaVoetenVotesTab,
  ungaVoetenRollcallsTab,
  undlGaVotes,
  ungaMatches,
  unvotesVotes,
  unvotesRollcalls,
  unvotesIssues,
  sipriArms,
  sipriMilex,
  gdeltCameoEventCodes,
  gdeltCameoGoldstein,
  cameoActorCodes,
  icewsCameoCodes,
  icewsGoldstein,
  icewsDyadYear,
  cowStates,
  cowMajors,
  cowCountryCodes,
  gwStates,
  pwtRgdpeExtract,
  pwtFull,
  maddison2018,
  worldBankIndicator,
  sdpGdp,
  mme,
  jme,
];

/**
 * Every dataset Entente reads, under the name `entente sources`, `--source` and provenance use:
 * the tabular adapters above and the event-file layouts (GDELT 1.0/2.0, ICEWS), one list.
 */
export type AnySource =
  | { readonly kind: "tabular"; readonly name: string; readonly source: Source }
  | { readonly kind: "events"; readonly name: string; readonly layout: EventLayout };

export const ALL_SOURCES: readonly AnySource[] = [
  ...SOURCES.map((source) => ({ kind: "tabular" as const, name: source.name, source })),
  ...EVENT_LAYOUTS.map((layout) => ({ kind: "events" as const, name: layout.source, layout })),
];

/** A dataset by name; an unknown name is an error listing the known ones. */
export function anySourceByName(name: string): AnySource {
  const s = ALL_SOURCES.find((x) => x.name === name);
  if (!s) {
    throw new BadInputError("unknown_source", `Unknown source "${name}"`, {
      hint: `Known sources: ${ALL_SOURCES.map((x) => x.name).join(", ")}`,
    });
  }
  return s;
}

/** A tabular adapter by name (an event layout's name is refused: it has no header to find). */
export function sourceByName(name: string): Source {
  const s = anySourceByName(name);
  if (s.kind !== "tabular") {
    throw new BadInputError("unknown_source", `"${name}" is an event-file layout, not a table`, {
      hint: `Tabular sources: ${SOURCES.map((x) => x.name).join(", ")}`,
    });
  }
  return s.source;
}
