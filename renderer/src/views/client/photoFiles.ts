import { CLINICAL_PHOTO_MAX_BYTES, clinicalPhotoMimeOf, clinicalPhotoRefusal, type ClinicalPhotoMime, type PhotoRefusal } from '../../../../core/domain/clientPhoto.ts'
import { localDateOf } from '../../../../core/domain/dates.ts'
import { toBase64 } from '../../utils/base64.ts'

export type ClinicalPhotoRead = { ok: true; mime: ClinicalPhotoMime; base64: string } | { ok: false; reason: PhotoRefusal }

/** The first bytes are enough to tell a picture (clientPhoto.ts); a folder's other files are not read whole. */
const HEAD_BYTES = 16

/** What is wrong with a file by its size and first bytes, before reading it all; null when it is a picture. */
export async function photoFileRefusal(file: File): Promise<PhotoRefusal | null> {
  if (file.size === 0) return 'empty'
  if (file.size > CLINICAL_PHOTO_MAX_BYTES) return 'tooLarge'
  return clinicalPhotoRefusal(new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer()))
}

/**
 * Reads a picked file as main will check it: a JPEG, PNG or WebP by its first bytes (a .txt renamed .jpg
 * is no picture), at most 25 MB. The main process checks the bytes again.
 */
export async function readClinicalPhoto(file: File): Promise<ClinicalPhotoRead> {
  const early = await photoFileRefusal(file)
  if (early !== null) return { ok: false, reason: early }
  const bytes = new Uint8Array(await file.arrayBuffer())
  const mime = clinicalPhotoMimeOf(bytes)
  if (mime === null) return { ok: false, reason: clinicalPhotoRefusal(bytes) ?? 'notImage' }
  return { ok: true, mime, base64: toBase64(bytes) }
}

/** The day a camera file was taken, as its last-modified date says (a camera writes it when it shoots), never after today. */
export function fileDay(file: File, today: string): string {
  const day = localDateOf(new Date(file.lastModified))
  return day > today ? today : day
}
