// Vite's `?raw` imports (the file's text) used by Workers-runtime tests for ASCII-only fixtures.
declare module "*?raw" {
  const text: string;
  export default text;
}
