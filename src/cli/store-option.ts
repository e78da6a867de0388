import { openStore, storeLocation } from "../store/open.js";
import type { Store } from "../store/store.js";

export interface GlobalOptions {
  store?: string;
}

/**
 * A store opened ahead of its use: opening starts while the command's own modules load, and a
 * DuckDB file opens on DuckDB's threads meanwhile. The command takes it with `withStore`; when
 * it stops before (an error), `release` closes it, and an error of the open is not reported,
 * since the command never came to use the store.
 */
export interface StoreAhead {
  take(): Promise<Store>;
  release(): Promise<void>;
}

export function openAhead(global: GlobalOptions, opts: { readOnly: boolean }): StoreAhead {
  const opening = openStore(storeLocation(global.store), opts);
  // Reported by take(); otherwise dropped with the store (see release).
  opening.catch(() => {});
  let taken = false;
  return {
    take: () => {
      taken = true;
      return opening;
    },
    release: async () => {
      if (taken) return;
      const store = await opening.catch(() => null);
      await store?.close();
    },
  };
}

/**
 * Open the store named by --store / ENTENTE_STORE (or take the one opened ahead), run `fn`, and
 * always close it.
 */
export async function withStore<T>(
  global: GlobalOptions,
  opts: { readOnly: boolean },
  fn: (store: Store) => Promise<T>,
  ahead?: StoreAhead,
): Promise<T> {
  const store = await (ahead ? ahead.take() : openStore(storeLocation(global.store), opts));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
