import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'

/**
 * PINs are kept only as scrypt hashes with a random salt, in the self-describing form
 * `scrypt$N$r$p$salt$hash` (base64), so the cost can be raised later without breaking stored PINs.
 * N = 2^15 costs about 50-100 ms and 32 MiB per check: fine for a sign-in, slow for guessing a short PIN
 * offline from a stolen backup (which is also why repeated wrong PINs lock the name: see db/staff.ts).
 */
const COST = { N: 2 ** 15, r: 8, p: 1 }
const KEY_LENGTH = 32
const SALT_LENGTH = 16
// scrypt needs 128 * N * r bytes; Node's default cap (32 MiB) is exactly that, so give it room.
const MAX_MEMORY = 64 * 1024 * 1024

export function hashPin(pin: string): string {
  const salt = randomBytes(SALT_LENGTH)
  const hash = scryptSync(pin, salt, KEY_LENGTH, { ...COST, maxmem: MAX_MEMORY })
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), hash.toString('base64')].join('$')
}

/** True if `pin` matches the stored hash; a malformed stored value never matches. Constant-time compare. */
export function verifyPin(pin: string, stored: string): boolean {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number]
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0) || N > 2 ** 20 || r > 32 || p > 16) return false
  const salt = Buffer.from(parts[4] ?? '', 'base64')
  const expected = Buffer.from(parts[5] ?? '', 'base64')
  if (salt.length < 8 || expected.length < 16) return false
  const actual = scryptSync(pin, salt, expected.length, { N, r, p, maxmem: Math.max(MAX_MEMORY, 256 * N * r) })
  return timingSafeEqual(actual, expected)
}
