/**
 * UN ideal points per dyad-year (docs/indicators.md "UN ideal points", docs/ideal-points.md):
 * the positions of both states in the UNGA session that opened in the year, and their distance,
 * from the stored fit of the loaded votes (src/idealpoints). The family never fits: a fit takes
 * a minute or more, so `entente ideal-points` makes it once and dyad, panel and the rest read it
 * until the vote files change. Asked for without a fit, the family says so and how to make one.
 */
import { BadInputError } from "../core/errors.js";
import type { Frame } from "../frames/frame.js";
import { MODEL_VERSION } from "../idealpoints/model-version.js";
import { votesKey } from "../idealpoints/read-votes.js";
import { yearSession } from "../idealpoints/session-year.js";
import { UNGA_CITATION } from "../sources/unga-voeten.js";
import type { IdealPointFitRecord, Store } from "../store/store.js";
import { type Column, type FamilyComputer, type IndicatorDef, nullColumn } from "./indicator.js";

const SOURCE =
  "UN General Assembly roll-call votes (Voeten, Strezhnev & Bailey 2009, Harvard Dataverse hdl:1902.1/12379) and the matched resolutions of Bailey, Strezhnev & Voeten (2017), through Entente's stored ideal-point fit (table un_ideal_points)";
const CITATION = `${UNGA_CITATION} Estimator: EM for the dynamic ordinal model of that article (docs/ideal-points.md).`;

const def = (name: string, description: string, unit: string): IndicatorDef => ({
  name,
  family: "un_ideal",
  description,
  unit,
  source: SOURCE,
  citation: CITATION,
});

const POSITION =
  "ideal point in the UNGA session that opened in the year (standardised over all state-sessions of the fit; USA positive)";

export const UN_IDEAL_INDICATORS: readonly IndicatorDef[] = [
  def("un_ideal_a", `State a's ${POSITION}.`, "standard deviations of all state-sessions"),
  def(
    "un_ideal_a_se",
    "Standard error of un_ideal_a.",
    "standard deviations of all state-sessions",
  ),
  def("un_ideal_b", `State b's ${POSITION}.`, "standard deviations of all state-sessions"),
  def(
    "un_ideal_b_se",
    "Standard error of un_ideal_b.",
    "standard deviations of all state-sessions",
  ),
  def(
    "un_ideal_distance",
    "Distance |un_ideal_a − un_ideal_b| between the two states' ideal points: 0 for identical positions, larger the further apart.",
    "standard deviations of all state-sessions",
  ),
  def(
    "un_ideal_distance_se",
    "Standard error of un_ideal_distance, √(se_a² + se_b²) (the two positions treated as independent).",
    "standard deviations of all state-sessions",
  ),
];

/**
 * The fit the indicators read: of the loaded vote files, all roll calls, this estimator; the one
 * covering most sessions, the newest among equals. Null when no votes are loaded.
 */
export async function indicatorFit(store: Store): Promise<IdealPointFitRecord | null | undefined> {
  const key = await votesKey(store, null);
  if (key === null) return null;
  const fits = (await store.idealPointFits(key)).filter(
    (f) => f.issue === null && f.modelVersion === MODEL_VERSION,
  );
  fits.sort(
    (x, y) =>
      y.toSession - y.fromSession - (x.toSession - x.fromSession) ||
      y.fittedAt.localeCompare(x.fittedAt),
  );
  return fits[0];
}

/** Fills the six columns from positions keyed by ccode·1000 + session. */
export function fillIdealPoints(
  frame: Frame,
  points: ReadonlyMap<number, { readonly idealPoint: number; readonly se: number }>,
): Record<string, Column> {
  const cols = Object.fromEntries(UN_IDEAL_INDICATORS.map((d) => [d.name, nullColumn(frame)]));
  const [a, aSe, b, bSe, dist, distSe] = UN_IDEAL_INDICATORS.map((d) => cols[d.name] as Column) as [
    Column,
    Column,
    Column,
    Column,
    Column,
    Column,
  ];
  for (let i = 0; i < frame.length; i++) {
    const s = yearSession(frame.year[i] as number);
    const pa = points.get((frame.a[i] as number) * 1000 + s);
    const pb = points.get((frame.b[i] as number) * 1000 + s);
    if (pa) {
      a[i] = pa.idealPoint;
      aSe[i] = pa.se;
    }
    if (pb) {
      b[i] = pb.idealPoint;
      bSe[i] = pb.se;
    }
    if (pa && pb) {
      dist[i] = Math.abs(pa.idealPoint - pb.idealPoint);
      distSe[i] = Math.sqrt(pa.se * pa.se + pb.se * pb.se);
    }
  }
  return cols;
}

export const unIdealFamily: FamilyComputer = {
  family: "un_ideal",
  indicators: UN_IDEAL_INDICATORS,
  optIn: true,
  async compute(store: Store, frame: Frame): Promise<Record<string, Column>> {
    const fit = await indicatorFit(store);
    if (fit === null) return fillIdealPoints(frame, new Map());
    if (fit === undefined) {
      throw new BadInputError(
        "no_ideal_point_fit",
        "No ideal-point fit for the loaded UN votes (un_ideal indicators)",
        {
          hint: "Run `entente ideal-points` once: it fits the loaded votes and stores the result (a few minutes for 1946–2015); dyad, panel and the report then reuse it until the vote files change",
        },
      );
    }
    const points = new Map(
      (await store.idealPoints(fit.fitId)).map((p) => [p.ccode * 1000 + p.session, p]),
    );
    return fillIdealPoints(frame, points);
  },
};
