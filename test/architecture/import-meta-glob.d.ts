// Vite's `import.meta.glob` (files' text at build time), for the architecture tests that read the sources.
interface ImportMeta {
  glob(pattern: string | string[], options: { query: "?raw"; import: "default"; eager: true }): Record<string, string>;
}
