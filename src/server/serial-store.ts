import { StoreError } from "../core/errors.js";
import type { Store } from "../store/store.js";

const SERIAL = Symbol("entente.serialStore");

/**
 * The store with its async methods run one at a time. The server shares one DuckDB connection
 * between concurrent requests; a connection runs one statement at a time, so calls are queued
 * here (each statement still uses all of DuckDB's threads). Calls a method makes on its own
 * object go to the store directly, so nothing waits on itself.
 *
 * `close()` refuses new calls, waits for the queued ones, then closes the store: closing a
 * DuckDB connection under a running statement crashes the process.
 */
export function serialStore(store: Store): Store {
  if ((store as unknown as Record<symbol, unknown>)[SERIAL]) return store;
  let tail: Promise<unknown> = Promise.resolve();
  let closing: Promise<void> | null = null;
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === SERIAL) return true;
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== "function") return v;
      if (prop === "close") {
        return () => {
          closing ??= tail.then(() => target.close());
          return closing;
        };
      }
      return (...args: unknown[]) => {
        if (closing) {
          return Promise.reject(
            new StoreError("store_closed", "The server is shutting down", {
              hint: "Retry once it is running again",
            }),
          );
        }
        const run = tail.then(() => v.apply(target, args));
        tail = run.catch(() => undefined);
        return run;
      };
    },
  });
}
