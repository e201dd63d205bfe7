// The "Open the app" links of a Service's and an Ingress's pages (../pages/app-links.tsx).
import { AppLinks, IngressLinks } from "../pages/app-links";
import type { KindView } from "./kind-view";

export const serviceView: KindView = {
  sections: async (ctx, object) => <AppLinks ctx={ctx} service={object} />,
};

export const ingressView: KindView = {
  sections: async (ctx, object) => <IngressLinks ctx={ctx} ingress={object} />,
};
