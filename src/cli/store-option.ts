import { openStore, storeLocation } from "../store/open.js";
import type { Store } from "../store/store.js";

export interface GlobalOptions {
  store?: string;
}

/** Open the store named by --store / ENTENTE_STORE, run `fn`, and always close it. */
export async function withStore<T>(
  global: GlobalOptions,
  opts: { readOnly: boolean },
  fn: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openStore(storeLocation(global.store), opts);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
