import { createVueDsfrIconPlugin } from "@gouvminint/vue-dsfr";
import { addCollection } from "@iconify/vue";
import type { App } from "vue";
import collections from "~/icons/collections";

// vue-dsfr components are imported where used (not registered globally) so that pages
// stay lazy and only the shell's components are in the initial bundle.
export function install(app: App): void {
  for (const collection of collections) addCollection(collection);
  app.use(createVueDsfrIconPlugin(collections, { preferOffline: true }));
}
