// The repo type-checks against workers-types only; the Node-run protobuf tests need just these two Node facts.
declare module "node:fs" {
  export function readFileSync(path: URL): Uint8Array;
}

interface ImportMeta {
  readonly url: string;
}
