// SPDY/3's preset dictionary for header-block compression (draft 3, section 2.6.10.1): 1423 bytes whose Adler-32
// (0xe3c6a7c2) is the dictionary id a peer's zlib stream names. It is the length-prefixed (4-byte big-endian) common
// header names and values, then a run of unprefixed status lines, dates and media types.
const prefixed = [
  "options", "head", "post", "put", "delete", "trace", "accept", "accept-charset", "accept-encoding", "accept-language",
  "accept-ranges", "age", "allow", "authorization", "cache-control", "connection", "content-base", "content-encoding",
  "content-language", "content-length", "content-location", "content-md5", "content-range", "content-type", "date",
  "etag", "expect", "expires", "from", "host", "if-match", "if-modified-since", "if-none-match", "if-range",
  "if-unmodified-since", "last-modified", "location", "max-forwards", "pragma", "proxy-authenticate",
  "proxy-authorization", "range", "referer", "retry-after", "server", "te", "trailer", "transfer-encoding", "upgrade",
  "user-agent", "vary", "via", "warning", "www-authenticate", "method", "get", "status", "200 OK", "version", "HTTP/1.1",
  "url", "public", "set-cookie", "keep-alive", "origin",
];
const tail =
  "100101201202205206300302303304305306307402405406407408409410411412413414415416417502504505" +
  "203 Non-Authoritative Information204 No Content301 Moved Permanently400 Bad Request401 Unauthorized" +
  "403 Forbidden404 Not Found500 Internal Server Error501 Not Implemented503 Service Unavailable" +
  "Jan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec 00:00:00 Mon, Tue, Wed, Thu, Fri, Sat, Sun, GMT" +
  "chunked,text/html,image/png,image/jpg,image/gif,application/xml,application/xhtml+xml,text/plain," +
  "text/javascript,publicprivatemax-age=gzip,deflate,sdchcharset=utf-8charset=iso-8859-1,utf-,*,enq=0.";

function build(): Uint8Array {
  const encoder = new TextEncoder();
  const parts: number[] = [];
  for (const word of prefixed) {
    parts.push(0, 0, 0, word.length, ...encoder.encode(word));
  }
  parts.push(...encoder.encode(tail));
  return Uint8Array.from(parts);
}

/** The SPDY/3 header dictionary (zlib preset dictionary of both directions' header compression). */
export const spdy3Dictionary: Uint8Array = build();
