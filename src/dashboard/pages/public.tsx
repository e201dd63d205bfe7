// Pages outside a share link: the landing page with its one form (create a sandbox), the page that shows a new
// sandbox's credentials, and the answer for a link that leads nowhere.
import type { CreatedCluster } from "../../api/platform";
import { isLoopback } from "../../platform/kubeconfig";
import { Document } from "../layout";

export function LandingPage(props: { origin: string; error?: string }) {
  return (
    <Document title="Your own Kubernetes cluster">
      <main id="main" class="narrow">
        <h1>kube-sandbox</h1>
        <p class="lead">A Kubernetes cluster of your own in milliseconds, for learning: drive it with the real <code>kubectl</code>, watch it on a live dashboard, and share a read-only link with a teacher or a peer.</p>
        <ul>
          <li>Nodes, pods, Deployments, Services, Jobs and more behave as in a real cluster (containers are simulated).</li>
          <li>Nothing to install but kubectl; the cluster lives until it is left unused for a week.</li>
          <li>The share link shows the cluster read-only and never reveals a Secret's value.</li>
        </ul>
        {props.error ? <p class="error" role="alert">{props.error}</p> : null}
        <form method="post" action="/create">
          <button type="submit">Create a cluster</button>
        </form>
        <h2>From a script</h2>
        <pre>{`curl -sk -X POST ${props.origin}/api/clusters > cluster.json`}</pre>
      </main>
    </Document>
  );
}

export function CreatedPage(props: { cluster: CreatedCluster & { shareUrl: string; dashboardUrl: string } }) {
  const c = props.cluster;
  const file = `sandbox-${c.id.slice(0, 6)}.kubeconfig`;
  const origin = new URL(c.server).origin;
  const insecure = isLoopback(c.server) ? "k" : "";
  return (
    <Document title="Your cluster is ready">
      <main id="main" class="narrow">
        <h1>Your cluster {c.name} is ready</h1>
        <p>
          Live dashboard (read-only, safe to share): <a href={c.shareUrl}>{c.shareUrl}</a>
        </p>
        <h2>Start with kubectl</h2>
        <p>Save the kubeconfig, point kubectl at it, and look at your nodes:</p>
        <pre class="commands">{`curl -s${insecure} -H "Authorization: Bearer ${c.token}" ${origin}/api/clusters/${c.id}/kubeconfig > ${file}\nexport KUBECONFIG=$PWD/${file}\nkubectl get nodes`}</pre>
        <h2>Kubeconfig</h2>
        <pre class="yaml">{c.kubeconfig}</pre>
        <h2>Tokens</h2>
        <dl class="meta">
          <dt>Admin token (keep it to yourself)</dt>
          <dd><code>{c.token}</code></dd>
          <dt>Read-only token (in the share link)</dt>
          <dd><code>{c.viewToken}</code></dd>
          <dt>Expires if unused until</dt>
          <dd><time datetime={c.expiresAt}>{c.expiresAt}</time></dd>
        </dl>
      </main>
    </Document>
  );
}

export const goneMessage = "This sandbox no longer exists or the link was replaced.";

export function GonePage() {
  return (
    <Document title="No such sandbox">
      <main id="main" class="narrow">
        <h1>{goneMessage}</h1>
        <p>Sandboxes are deleted by their owner or after a week unused, and the owner can replace a share link with a new one. Ask whoever sent the link for a fresh one, or <a href="/">create your own cluster</a>.</p>
      </main>
    </Document>
  );
}

export function NotFoundPage(props: { what: string; home: string }) {
  return (
    <Document title="Not found">
      <main id="main" class="narrow">
        <h1>Not found</h1>
        <p>{props.what}</p>
        <p><a href={props.home}>Back to the overview</a></p>
      </main>
    </Document>
  );
}
