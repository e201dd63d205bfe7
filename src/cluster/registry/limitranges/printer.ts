// `kubectl get limitranges`: the apiserver has no printer for LimitRange, so it serves the default table
// (NAME, CREATED AT).
import type { Printer } from "../types";
import { defaultPrinter } from "../printing/default-printer";

export const printer: Printer = defaultPrinter;
