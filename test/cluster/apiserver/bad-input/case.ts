// One request of the bad-input corpus: sent to a cluster's Kubernetes API with the admin token, it must be answered
// with a Kubernetes Status of the given 4xx code, and must change nothing that is stored.

export interface BadInputCase {
  /** What is wrong with the request, as a reader of a failing test needs it. */
  name: string;
  method: string;
  /** Without the cluster prefix, e.g. `/api/v1/namespaces/default/configmaps`. */
  path: string;
  /** Sent as is (a string or bytes); objects are not accepted here so that every byte of the case is visible. */
  body?: string | Uint8Array;
  contentType?: string;
  headers?: Record<string, string>;
  /** The Status code Kubernetes answers. */
  code: number;
  /** The Status message, exactly (a string) or in part (a RegExp), where it is worth pinning. */
  message?: string | RegExp;
}
