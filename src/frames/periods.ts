import { defined } from "../core/defined.js";
import type { Frame, PeriodKind } from "./frame.js";

/**
 * The dyad-period universe from a dyad-year one: each dyad-year becomes its 4 quarters or 12
 * months, in order (the frame stays sorted by a, b, period). Years are returned unchanged.
 */
export function expandPeriods(frame: Frame, kind: PeriodKind): Frame {
  if (kind === "year") return frame;
  const per = kind === "quarter" ? 4 : 12;
  const scale = kind === "quarter" ? 10 : 100;
  const n = frame.length * per;
  const a = new Int32Array(n);
  const b = new Int32Array(n);
  const year = new Int32Array(n);
  const code = new Int32Array(n);
  for (let i = 0, j = 0; i < frame.length; i++) {
    const y = frame.year[i] as number;
    for (let k = 1; k <= per; k++, j++) {
      a[j] = frame.a[i] as number;
      b[j] = frame.b[i] as number;
      year[j] = y;
      code[j] = y * scale + k;
    }
  }
  return {
    a,
    b,
    year,
    length: n,
    ...defined({ directed: frame.directed }),
    period: { kind, code },
  };
}
