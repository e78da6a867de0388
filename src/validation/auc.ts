/**
 * Area under the ROC curve: the probability that a randomly chosen positive case scores above a
 * randomly chosen negative one, ties counting one half (Hanley & McNeil 1982). Computed from
 * mid-ranks (the Mann–Whitney U statistic divided by n₊·n₋), so ties are exact.
 */
export interface AucResult {
  /** Cases with a score and a label. */
  readonly n: number;
  readonly positives: number;
  /** NaN when either class is empty. */
  readonly auc: number;
}

/**
 * AUC of `scores` for `labels` (1 positive, 0 negative). Cases whose score or label is NaN are
 * left out and not counted.
 */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): AucResult {
  const idx: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] as number;
    const l = labels[i] as number;
    if (!Number.isNaN(s) && (l === 0 || l === 1)) idx.push(i);
  }
  idx.sort((x, y) => (scores[x] as number) - (scores[y] as number));
  let rankSumPos = 0;
  let pos = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    const v = scores[idx[i] as number] as number;
    while (j < idx.length && (scores[idx[j] as number] as number) === v) j++;
    const midRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if ((labels[idx[k] as number] as number) === 1) {
        rankSumPos += midRank;
        pos++;
      }
    }
    i = j;
  }
  const neg = idx.length - pos;
  const value =
    pos === 0 || neg === 0 ? Number.NaN : (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
  return { n: idx.length, positives: pos, auc: value };
}
