/**
 * Partitions as membership arrays: entry i is the community of node i, numbered 0…k−1.
 */

/**
 * Renumbers communities 0…k−1 by decreasing size, ties by the lowest node they hold, so the
 * same grouping always gets the same numbers whatever labels an algorithm produced.
 */
export function canonicalPartition(membership: ArrayLike<number>): Int32Array {
  const n = membership.length;
  const size = new Map<number, number>();
  const first = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const c = membership[i] as number;
    size.set(c, (size.get(c) ?? 0) + 1);
    if (!first.has(c)) first.set(c, i);
  }
  const order = [...size.keys()].sort(
    (p, q) =>
      (size.get(q) as number) - (size.get(p) as number) ||
      (first.get(p) as number) - (first.get(q) as number),
  );
  const to = new Map(order.map((c, k) => [c, k]));
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = to.get(membership[i] as number) as number;
  return out;
}

/** Number of communities of a membership array numbered 0…k−1. */
export function communityCount(membership: ArrayLike<number>): number {
  let k = 0;
  for (let i = 0; i < membership.length; i++) k = Math.max(k, (membership[i] as number) + 1);
  return k;
}

/** The nodes of each community, in node order: groups[c] lists the nodes of community c. */
export function communityGroups(membership: ArrayLike<number>): number[][] {
  const groups: number[][] = Array.from({ length: communityCount(membership) }, () => []);
  for (let i = 0; i < membership.length; i++) groups[membership[i] as number]?.push(i);
  return groups;
}

/** A string that is equal for two membership arrays exactly when they group nodes alike. */
export function partitionKey(membership: ArrayLike<number>): string {
  return canonicalPartition(membership).join(",");
}
