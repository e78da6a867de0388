import { BadInputError } from "../core/errors.js";
import { atopAlliances, atopMembers } from "./atop-alliances.js";
import { atopDdy, atopDdyOfficial } from "./atop-ddy.js";
import { cowAllianceDdy, cowAllianceOfficial } from "./cow-alliance.js";
import { cowContiguity } from "./cow-contiguity.js";
import { cowIgoDyadic } from "./cow-igo.js";
import { cowMidDyadic } from "./cow-mid.js";
import { cowNmc } from "./cow-nmc.js";
import { cowTradeDyadic, cowTradeNational } from "./cow-trade.js";
import { cameoActorCodes, gdeltCameoEventCodes, gdeltCameoGoldstein } from "./gdelt-cameo.js";
import { icewsCameoCodes, icewsGoldstein } from "./icews-cameo.js";
import { icewsDyadYear } from "./icews-dyadyear.js";
import { jme } from "./jme.js";
import { maddison2018 } from "./maddison.js";
import { mme } from "./mme.js";
import { pwtFull, pwtRgdpeExtract } from "./pwt.js";
import { sdpGdp } from "./sdp.js";
import { sipriArms } from "./sipri-arms.js";
import { sipriMilex } from "./sipri-milex.js";
import type { Source } from "./source.js";
import { cowCountryCodes, cowMajors, cowStates, gwStates } from "./states.js";
import { ungaMatches } from "./unga-matches.js";
import { ungaVoetenRollcalls, ungaVoetenVotes } from "./unga-voeten.js";
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
  cowNmc,
  cowIgoDyadic,
  cowContiguity,
  cowMidDyadic,
  ungaVoetenVotes,
  ungaVoetenRollcalls,
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

export function sourceByName(name: string): Source {
  const s = SOURCES.find((x) => x.name === name);
  if (!s) {
    throw new BadInputError("unknown_source", `Unknown source "${name}"`, {
      hint: `Known sources: ${SOURCES.map((x) => x.name).join(", ")}`,
    });
  }
  return s;
}
