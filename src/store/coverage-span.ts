/** What the store keeps of an event file's coverage (src/store/event-coverage.ts computes it). */
export interface CoverageSpan {
  readonly start: number;
  readonly end: number;
  /** How the span was found, for provenance ("GDELT 2.0 update DATEADDED 20191024143000"). */
  readonly basis: string;
}

/** The rows of one file grouped by what the rules read. */
export interface CoverageFact {
  /** DATEADDED (GDELT), null for ICEWS. */
  readonly added: number | null;
  /** A GDELT 1.0 row in the back-file format (no SOURCEURL). */
  readonly back: boolean;
  /**
   * Event date, YYYY-MM-DD, where a rule reads it (ICEWS, GDELT 1.0 back-file rows); null for
   * the GDELT rows whose span follows from DATEADDED alone, so their facts are one per stamp.
   */
  readonly day: string | null;
  readonly rows: number;
}
