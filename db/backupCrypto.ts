import { createCipheriv, createDecipheriv, randomBytes, scrypt, timingSafeEqual, type BinaryLike, type ScryptOptions } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open, rm } from 'node:fs/promises'

/**
 * Encrypted backup files: node:crypto only. A 72-byte header, then the database encrypted with AES-256-GCM
 * in one stream (read and written in 1 MiB chunks: a 600 MB file never sits in memory).
 *
 *   0  8  magic "CLNBKENC"
 *   8  1  format version (1)
 *   9  1  scrypt log2(N)     10 1 scrypt r     11 1 scrypt p
 *  12 16  scrypt salt (random per file, or per run with a key cache: createKeyCache)
 *  28 12  GCM nonce (random per file)
 *  40 16  passphrase check: the second half of the scrypt output (the first half is the key)
 *  56 16  GCM tag over the header's first 56 bytes (as additional data) and the whole ciphertext
 *
 * A wrong passphrase is told apart from tampering by the check bytes; any change to the header or the
 * ciphertext, or a file cut short, fails the tag.
 */
export const ENCRYPTION_MAGIC = Buffer.from('CLNBKENC', 'ascii')
export const ENCRYPTION_VERSION = 1
export const HEADER_BYTES = 72
const AAD_BYTES = 56
const CHUNK = 1024 * 1024

/** scrypt at N = 2^17, r = 8: 128 MiB and about half a second per key, on purpose. */
export const DEFAULT_KDF = { logN: 17, r: 8, p: 1 } as const
export interface KdfParams {
  logN: number
  r: number
  p: number
}
/** Bounds a file's header may ask for: a crafted header cannot make us allocate gigabytes. */
const KDF_BOUNDS = { logN: [10, 20], r: [1, 16], p: [1, 4] } as const

export type DecryptFailure = 'not_encrypted' | 'newer_format' | 'wrong_passphrase' | 'tampered'

export class DecryptError extends Error {
  readonly reason: DecryptFailure
  constructor(reason: DecryptFailure, message: string) {
    super(message)
    this.name = 'DecryptError'
    this.reason = reason
  }
}

function deriveKeys(passphrase: string, salt: Buffer, kdf: KdfParams): Promise<{ key: Buffer; check: Buffer }> {
  const N = 2 ** kdf.logN
  const options: ScryptOptions = { N, r: kdf.r, p: kdf.p, maxmem: 256 * N * kdf.r + 16 * 1024 * 1024 }
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC') as BinaryLike, salt, 48, options, (error, derived) => {
      if (error) reject(error)
      else resolve({ key: derived.subarray(0, 32), check: derived.subarray(32, 48) })
    })
  })
}

/**
 * One scrypt per run instead of one per file (createKeyCache): encryptFile with a cache writes every file of
 * the run under one salt and key (each file still has its own random nonce: GCM with random 96-bit nonces
 * under one key is safe far beyond a clinic's photo count); decryptFile with a cache reuses a key derived
 * for the same passphrase, salt and parameters. The file format does not change: each file still opens
 * with plain decryptFile. Holds derived keys in memory: make one per backup or restore run, then drop it.
 */
export interface KeyCache {
  /** How many times scrypt ran through this cache. */
  readonly derivations: number
  /** @internal */
  forEncryption(passphrase: string, kdf: KdfParams): Promise<{ salt: Buffer; key: Buffer; check: Buffer }>
  /** @internal */
  forDecryption(passphrase: string, salt: Buffer, kdf: KdfParams): Promise<{ key: Buffer; check: Buffer }>
}

export function createKeyCache(options: { onDerive?: () => void } = {}): KeyCache {
  let derivations = 0
  const derive = (passphrase: string, salt: Buffer, kdf: KdfParams): Promise<{ key: Buffer; check: Buffer }> => {
    derivations++
    options.onDerive?.()
    return deriveKeys(passphrase, salt, kdf)
  }
  // Keyed by passphrase as well as salt + parameters: a key derived from one passphrase must never
  // answer for another (the check bytes would match and a wrong passphrase would open the file).
  const byPassphrase = new Map<string, Map<string, Promise<{ key: Buffer; check: Buffer }>>>()
  const encrypting = new Map<string, Promise<{ salt: Buffer; key: Buffer; check: Buffer }>>()
  const paramsKey = (kdf: KdfParams) => `${kdf.logN}/${kdf.r}/${kdf.p}`
  const remember = <T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> => {
    const known = map.get(key)
    if (known !== undefined) return known
    const made = make()
    map.set(key, made)
    made.catch(() => map.delete(key)) // a failed derivation (out of memory) is tried again next time
    return made
  }
  const forDecryption = (passphrase: string, salt: Buffer, kdf: KdfParams) => {
    const normalized = passphrase.normalize('NFC')
    let bySalt = byPassphrase.get(normalized)
    if (bySalt === undefined) byPassphrase.set(normalized, (bySalt = new Map()))
    return remember(bySalt, `${paramsKey(kdf)}/${salt.toString('hex')}`, () => derive(passphrase, Buffer.from(salt), kdf))
  }
  return {
    get derivations() {
      return derivations
    },
    forEncryption: (passphrase, kdf) =>
      remember(encrypting, `${paramsKey(kdf)}/${passphrase.normalize('NFC')}`, async () => {
        const salt = randomBytes(16)
        return { salt, ...(await forDecryption(passphrase, salt, kdf)) } // files of this run then decrypt without another scrypt
      }),
    forDecryption,
  }
}

/** True if the file starts with the encrypted backup magic. */
export function looksEncrypted(firstBytes: Buffer): boolean {
  return firstBytes.length >= ENCRYPTION_MAGIC.length && firstBytes.subarray(0, ENCRYPTION_MAGIC.length).equals(ENCRYPTION_MAGIC)
}

/**
 * Encrypts `source` into a new file `target` (which must not exist) and fsyncs it. On any failure the
 * target is removed. `onProgress` hears the fraction done (0-1). With `keys` the salt and key are the run's
 * (see createKeyCache); the nonce is always new.
 */
export async function encryptFile(source: string, target: string, passphrase: string, options: { kdf?: KdfParams; onProgress?: (fraction: number) => void; keys?: KeyCache } = {}): Promise<void> {
  const kdf = options.kdf ?? DEFAULT_KDF
  const nonce = randomBytes(12)
  const { salt, key, check } = options.keys !== undefined ? await options.keys.forEncryption(passphrase, kdf) : await fresh(passphrase, kdf)
  const header = Buffer.alloc(HEADER_BYTES)
  ENCRYPTION_MAGIC.copy(header, 0)
  header.writeUInt8(ENCRYPTION_VERSION, 8)
  header.writeUInt8(kdf.logN, 9)
  header.writeUInt8(kdf.r, 10)
  header.writeUInt8(kdf.p, 11)
  salt.copy(header, 12)
  nonce.copy(header, 28)
  check.copy(header, 40)

  const cipher = createCipheriv('aes-256-gcm', key, nonce)
  cipher.setAAD(header.subarray(0, AAD_BYTES))
  const out = await open(target, 'wx')
  try {
    try {
      await out.write(header, 0, HEADER_BYTES, 0)
      let position = HEADER_BYTES
      const size = await fileSize(source)
      let done = 0
      for await (const chunk of createReadStream(source, { highWaterMark: CHUNK })) {
        const encrypted = cipher.update(chunk as Buffer)
        await writeAll(out, encrypted, position)
        position += encrypted.length
        done += (chunk as Buffer).length
        options.onProgress?.(size === 0 ? 1 : done / size)
      }
      const rest = cipher.final()
      await writeAll(out, rest, position)
      await out.write(cipher.getAuthTag(), 0, 16, AAD_BYTES)
      await out.sync()
    } finally {
      await out.close()
    }
  } catch (error) {
    await rm(target, { force: true })
    throw error
  }
}

/**
 * Decrypts `source` into a new file `target` (which must not exist). A wrong passphrase or a changed or
 * shortened file throws a DecryptError with its reason, and the target is removed: nothing decrypted from an
 * unauthenticated file is left behind. With `keys` a key derived earlier for the same passphrase, salt and
 * parameters is used again (see createKeyCache).
 */
export async function decryptFile(source: string, target: string, passphrase: string, options: { keys?: KeyCache } = {}): Promise<void> {
  const input = await open(source, 'r')
  let header: Buffer
  let size: number
  try {
    size = (await input.stat()).size
    header = Buffer.alloc(HEADER_BYTES)
    const { bytesRead } = await input.read(header, 0, HEADER_BYTES, 0)
    if (!looksEncrypted(header.subarray(0, bytesRead))) throw new DecryptError('not_encrypted', 'not an encrypted backup')
    if (header.readUInt8(8) > ENCRYPTION_VERSION) throw new DecryptError('newer_format', `format version ${header.readUInt8(8)}`)
    if (bytesRead < HEADER_BYTES || header.readUInt8(8) !== ENCRYPTION_VERSION) throw new DecryptError('tampered', 'the header is cut short or damaged')
  } finally {
    await input.close()
  }
  const kdf: KdfParams = { logN: header.readUInt8(9), r: header.readUInt8(10), p: header.readUInt8(11) }
  if (!withinBounds(kdf)) throw new DecryptError('tampered', 'key derivation parameters out of bounds')
  const salt = header.subarray(12, 28)
  const { key, check } = options.keys !== undefined ? await options.keys.forDecryption(passphrase, salt, kdf) : await deriveKeys(passphrase, salt, kdf)
  if (!timingSafeEqual(check, header.subarray(40, 56))) throw new DecryptError('wrong_passphrase', 'the passphrase is not right')

  const decipher = createDecipheriv('aes-256-gcm', key, header.subarray(28, 40))
  decipher.setAAD(header.subarray(0, AAD_BYTES))
  decipher.setAuthTag(header.subarray(AAD_BYTES, HEADER_BYTES))
  const out = await open(target, 'wx')
  try {
    try {
      let position = 0
      if (size > HEADER_BYTES) {
        for await (const chunk of createReadStream(source, { start: HEADER_BYTES, highWaterMark: CHUNK })) {
          const plain = decipher.update(chunk as Buffer)
          await writeAll(out, plain, position)
          position += plain.length
        }
      }
      let rest: Buffer
      try {
        rest = decipher.final()
      } catch {
        throw new DecryptError('tampered', 'the authentication tag does not match')
      }
      await writeAll(out, rest, position)
      await out.sync()
    } finally {
      await out.close()
    }
  } catch (error) {
    await rm(target, { force: true })
    throw error
  }
}

async function fresh(passphrase: string, kdf: KdfParams): Promise<{ salt: Buffer; key: Buffer; check: Buffer }> {
  const salt = randomBytes(16)
  return { salt, ...(await deriveKeys(passphrase, salt, kdf)) }
}

function withinBounds(kdf: KdfParams): boolean {
  return (Object.keys(KDF_BOUNDS) as (keyof KdfParams)[]).every((k) => kdf[k] >= KDF_BOUNDS[k][0] && kdf[k] <= KDF_BOUNDS[k][1])
}

async function fileSize(path: string): Promise<number> {
  const handle = await open(path, 'r')
  try {
    return (await handle.stat()).size
  } finally {
    await handle.close()
  }
}

async function writeAll(handle: Awaited<ReturnType<typeof open>>, data: Buffer, position: number): Promise<void> {
  let written = 0
  while (written < data.length) {
    const { bytesWritten } = await handle.write(data, written, data.length - written, position + written)
    written += bytesWritten
  }
}
