/**
 * Changes whenever the estimator changes what it computes; part of every fit id. Its own module
 * so that reading a stored fit (the un_ideal indicators of `entente dyad`) does not load the
 * estimator (ml-matrix, @stdlib).
 */
export const MODEL_VERSION = "bsv2017-em-1";
