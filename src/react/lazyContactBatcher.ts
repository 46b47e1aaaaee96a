import type { ContactBatcher, ContactBatchOptions, ContactBatchState } from "../core/contactBatcher.js";
import { requestContact } from "../core/getContact.js";
import type { FlowIQConfig } from "../core/types.js";

/**
 * A batcher whose code is fetched the first time a contact is asked for, so
 * an app that never turns `batch` on never downloads it. If that download
 * fails, the contact is fetched with a single request and the next one tries again.
 */
export function lazyContactBatcher(config: FlowIQConfig, options: ContactBatchOptions, state: ContactBatchState): ContactBatcher {
  let loading: Promise<ContactBatcher> | undefined;
  return {
    load: (lookup, signal) =>
      (loading ??= import("../core/contactBatcher.js").then(({ createContactBatcher }) =>
        createContactBatcher(config, options, state),
      )).then(
        (batcher) => batcher.load(lookup, signal),
        () => {
          loading = undefined;
          return requestContact(config, lookup, signal);
        },
      ),
  };
}
