// What a kind adds to its objects' pages (the views are listed in ./registry.ts).
import type { Child } from "hono/jsx";
import type { KubeObject } from "../../api/object";
import type { Catalog, Def } from "../catalog";
import type { PageContext } from "../page-context";

export interface KindView {
  /** The kind's own sections of the page, after reading whatever else they show (a namespace's quotas, ...). */
  sections(ctx: PageContext, object: KubeObject): Promise<Child>;
  /** Other kinds whose changes those sections show, for the page's live updates. */
  watches?(catalog: Catalog): Def[];
}
