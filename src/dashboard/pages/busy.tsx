// The page for a request that was rate-limited: by the cluster (too many requests per second to it) or by the
// Worker (too many wrong share links from this address). Sent with status 429 and Retry-After.
import { Document } from "../layout";

export function BusyPage(props: { seconds: number; why: string }) {
  return (
    <Document title="Too many requests">
      <main id="main" class="narrow">
        <h1>Too many requests</h1>
        <p>{props.why}</p>
        <p>Try again in {props.seconds === 1 ? "a second" : `${props.seconds} seconds`}: reload this page then.</p>
      </main>
    </Document>
  );
}
