import { PHOTO_MAX_BYTES, PHOTO_MIMES, photoMimeOf, type PhotoMime } from '../../../../core/domain/partnerStore.ts'
import { toBase64 } from '../../utils/base64.ts'

/**
 * The shop-front photo as the form holds it: left as it is (omitted from the save), removed (null), or a new
 * picture read from a file (its base64 is what the API takes). `url` is a data URL for the preview.
 */
export type PhotoChoice = { kind: 'keep' } | { kind: 'remove' } | { kind: 'set'; mime: PhotoMime; base64: string; url: string }

export type PhotoRead = { ok: true; mime: PhotoMime; base64: string; url: string } | { ok: false; reason: 'tooLarge' | 'wrongType' }

/**
 * Reads a picked file, refusing what the main process would refuse: more than 5 MB, or not a JPEG, PNG or
 * WebP. The type is told by the first bytes as main does (a renamed .txt is no picture), not by the name.
 */
export async function readPhotoFile(file: File): Promise<PhotoRead> {
  if (file.size > PHOTO_MAX_BYTES) return { ok: false, reason: 'tooLarge' }
  if (!(PHOTO_MIMES as readonly string[]).includes(file.type)) return { ok: false, reason: 'wrongType' }
  const bytes = new Uint8Array(await file.arrayBuffer())
  const mime = photoMimeOf(bytes)
  if (mime === null) return { ok: false, reason: 'wrongType' }
  const base64 = toBase64(bytes)
  return { ok: true, mime, base64, url: `data:${mime};base64,${base64}` }
}

/** What `photo` the save sends: omitted when unchanged, null to remove, the base64 of a new picture. */
export function photoInput(choice: PhotoChoice): { photo?: string | null } {
  if (choice.kind === 'remove') return { photo: null }
  if (choice.kind === 'set') return { photo: choice.base64 }
  return {}
}
