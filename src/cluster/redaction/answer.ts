// How a read-only caller's answer is masked, by its content type: JSON documents and JSON lines (watch streams,
// tables) string by string, text (logs) as text; other answers (protobuf OpenAPI) carry no object data.
import type { Redactor } from "./redactor";

export type AnswerKind = "json" | "text" | "other";

export function answerKind(contentType: string | null): AnswerKind {
  const type = (contentType ?? "").toLowerCase();
  if (type.includes("json")) return "json";
  if (type.startsWith("text/")) return "text";
  return "other";
}

/** Masks a block of text of this kind: JSON is masked line by line (one document, or one watch event, per line). */
export function maskBlock(kind: AnswerKind, redactor: Redactor, text: string): string {
  if (kind === "text") return redactor.text(text);
  if (kind === "other") return text;
  return text
    .split(/(?<=\n)/)
    .map((line) => {
      const body = line.trimEnd();
      return body ? redactor.json(body) + line.slice(body.length) : line;
    })
    .join("");
}

/** A whole (non-streaming) answer, masked. */
export async function maskAnswer(response: Response, redactor: () => Redactor): Promise<Response> {
  const kind = answerKind(response.headers.get("content-type"));
  if (kind === "other" || !response.body) return response;
  const text = await response.text();
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(maskBlock(kind, redactor(), text), { status: response.status, statusText: response.statusText, headers });
}
