// The page shell: header with the sections, the "shared view" label, the namespace filter, and the live script.
import type { Child } from "hono/jsx";
import { href, type PageContext, type Section } from "./page-context";

const sections: Array<[Section, string, string]> = [
  ["overview", "", "Nodes & pods"],
  ["workloads", "workloads", "Workloads"],
  ["services", "services", "Services"],
  ["config", "config", "Config"],
  ["namespaces", "namespaces", "Namespaces"],
  ["events", "events", "Events"],
];

export function Document(props: { title: string; children: Child; live?: string }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title} · kube-sandbox</title>
        <link rel="stylesheet" href="/assets/dashboard.css" />
        {props.live ? <script src="/assets/live.js" defer></script> : null}
      </head>
      <body data-live={props.live}>{props.children}</body>
    </html>
  );
}

export function Shell(props: { ctx: PageContext; title: string; children: Child; live: string }) {
  const { ctx } = props;
  return (
    <Document title={`${props.title} · ${ctx.clusterName}`} live={props.live}>
      <a class="skip" href="#main">Skip to content</a>
      <header class="top">
        <p class="brand">
          <a href={href(ctx, "")}>kube-sandbox</a> <span class="cluster">cluster {ctx.clusterName}</span>{" "}
          {ctx.role === "view" ? <span class="badge shared">Shared view · read-only</span> : <span class="badge">Read-only dashboard</span>}
        </p>
        <nav aria-label="Sections">
          <ul>
            {sections.map(([key, path, label]) => (
              <li>
                <a href={href(ctx, path)} aria-current={ctx.section === key ? "page" : undefined}>{label}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabindex={-1}>
        {props.children}
      </main>
      <footer>
        <p>Read-only: nothing on these pages changes the cluster. What kubectl changes shows here within a second.</p>
      </footer>
    </Document>
  );
}

/** The namespace filter: links (no form), the current one marked. */
export function NamespaceFilter(props: { ctx: PageContext; namespaces: string[] }) {
  const { ctx } = props;
  return (
    <nav class="ns-filter" aria-label="Namespace filter">
      <span>Namespace:</span>
      <ul>
        <li>
          <a href="?" aria-current={ctx.ns ? undefined : "true"}>all</a>
        </li>
        {props.namespaces.map((ns) => (
          <li>
            <a href={`?ns=${encodeURIComponent(ns)}`} aria-current={ctx.ns === ns ? "true" : undefined}>{ns}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function StateBadge(props: { label: string; tone: string }) {
  return <span class={`state s-${props.tone}`}>{props.label}</span>;
}

export function Empty(props: { children: Child }) {
  return <p class="empty">{props.children}</p>;
}
