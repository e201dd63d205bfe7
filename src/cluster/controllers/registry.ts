// Every controller the cluster runs, in the order a pass visits them. One line each.
import { eventTtl } from "./event-ttl";
import { GarbageCollector } from "./garbage-collector";
import { namespaceDefaults } from "./namespace-defaults";
import { namespaceDeletion } from "./namespace-deletion";
import type { Controller } from "./types";

export function createControllers(): Controller[] {
  return [
    namespaceDefaults,
    namespaceDeletion,
    new GarbageCollector(),
    eventTtl,
  ];
}
