// The only place that draws randomness.

const base32 = "abcdefghijklmnopqrstuvwxyz234567";

/** `length` lowercase base32 characters (5 bits each) from the platform's CSPRNG. */
export function randomToken(length: number): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let out = "";
  for (const b of bytes) out += base32[b & 31];
  return out;
}

export function randomUid(): string {
  return crypto.randomUUID();
}

/** Kubernetes' generateName suffix alphabet: no vowels, no ambiguous characters. */
const suffixAlphabet = "bcdfghjklmnpqrstvwxz2456789";

export function randomNameSuffix(length = 5): string {
  let out = "";
  const bytes = new Uint8Array(length * 2);
  while (out.length < length) {
    crypto.getRandomValues(bytes);
    // Reject bytes past the largest multiple of the alphabet's size, so every character is equally likely.
    for (const b of bytes) if (b < 243 && out.length < length) out += suffixAlphabet[b % suffixAlphabet.length];
  }
  return out;
}
