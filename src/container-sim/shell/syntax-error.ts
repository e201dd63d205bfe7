// The error the parser throws for a script it cannot parse; its message is what the shell prints after its name.

export class ShellSyntaxError extends Error {}
