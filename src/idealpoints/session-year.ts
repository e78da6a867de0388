/**
 * UNGA sessions and calendar years: session s opened in 1945 + s (the first on 10 January 1946,
 * the later ones each September), and an ideal point of session s is given the year the session
 * opened. A dyad-year y reads the session that opened in y.
 */
export const FIRST_SESSION_YEAR = 1946;

export function sessionYear(session: number): number {
  return 1945 + session;
}

export function yearSession(year: number): number {
  return year - 1945;
}
