/**
 * The properties of `o` whose value is not undefined. For option objects spread over defaults or
 * checked with `in`: `{ ...defaults, ...{ from: undefined } }` would erase the default, and
 * `"from" in o` would be true. `...defined({ from, to })` replaces one
 * `...(from === undefined ? {} : { from })` per property.
 */
export function defined<T extends object>(
  o: T,
): Partial<{ [K in keyof T]: Exclude<T[K], undefined> }> {
  const out: Partial<Record<keyof T, unknown>> = {};
  for (const k of Object.keys(o) as Array<keyof T>) {
    if (o[k] !== undefined) out[k] = o[k];
  }
  return out as Partial<{ [K in keyof T]: Exclude<T[K], undefined> }>;
}
