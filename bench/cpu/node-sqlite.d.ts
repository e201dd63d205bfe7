// The part of Node's `node:sqlite` the CPU bench uses (the project's types are the Workers runtime's, not Node's).
declare module "node:sqlite" {
  export class DatabaseSync {
    constructor(path: string);
    exec(sql: string): void;
    prepare(sql: string): { all(...params: unknown[]): unknown[]; run(...params: unknown[]): unknown };
  }
}
