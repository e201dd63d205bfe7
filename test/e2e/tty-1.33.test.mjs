// End-to-end: interactive exec, attach and run -it with kubectl 1.33 through a pseudo-terminal (see tty.mjs).
import { defineTtySuite } from "./tty.mjs";

defineTtySuite("1.33");
