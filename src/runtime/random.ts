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

/** Random bytes drawn from the CSPRNG a pool at a time (one call per 4 KiB rather than one per name). */
const pool = new Uint8Array(4096);
let poolUsed = pool.length;

function randomByte(): number {
  if (poolUsed === pool.length) {
    crypto.getRandomValues(pool);
    poolUsed = 0;
  }
  return pool[poolUsed++];
}

export function randomNameSuffix(length = 5): string {
  let out = "";
  while (out.length < length) {
    const b = randomByte();
    // Reject bytes past the largest multiple of the alphabet's size, so every character is equally likely.
    if (b < 243) out += suffixAlphabet[b % suffixAlphabet.length];
  }
  return out;
}
