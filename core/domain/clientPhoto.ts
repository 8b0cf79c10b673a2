/**
 * Clinical photos (术前照 / 术后照) of a client, DOMAIN.md "After the deal": kept as files under the app's
 * data folder, by client and date, and leaving the PC only in backups. Pure: paths and names, no file I/O.
 */
import { photoMimeOf as clinicalPhotoMimeOf, type PhotoMime as ClinicalPhotoMime } from './partnerStore.ts'

export const PHOTO_KINDS = ['before', 'after', 'other'] as const
export type PhotoKind = (typeof PHOTO_KINDS)[number]

/** The same picture types as the shop-front photo, told by the first bytes (partnerStore.ts photoMimeOf). */
export { PHOTO_MIMES as CLINICAL_PHOTO_MIMES, photoMimeOf as clinicalPhotoMimeOf, type PhotoMime as ClinicalPhotoMime } from './partnerStore.ts'

/** A camera's full-size JPEG is 3–12 MB; 25 MB leaves room without letting a video through by mistake. */
export const CLINICAL_PHOTO_MAX_BYTES = 25 * 1024 * 1024

/** The folder of the photos, beside the database file: `<data folder>/photos`. */
export const PHOTOS_FOLDER_NAME = 'photos'

const EXTENSIONS: Record<ClinicalPhotoMime, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }

/** The archive number as a folder name: letters, digits, - and _ only (archive templates allow nothing else). */
function folderOf(archiveNo: string, clientId: number): string {
  return /^[A-Za-z0-9_-]{1,40}$/.test(archiveNo) ? archiveNo : `client-${clientId}`
}

/**
 * Where a photo lives under the photos folder: `<archive no>/<YYYY-MM-DD>/<first 16 of SHA-256>.<ext>`, with
 * forward slashes whatever the system (the database row holds this; the file system joins it).
 */
export function photoRelativePath(archiveNo: string, clientId: number, takenOn: string, sha256: string, mime: ClinicalPhotoMime): string {
  return `${folderOf(archiveNo, clientId)}/${takenOn}/${sha256.slice(0, 16)}.${EXTENSIONS[mime]}`
}

export interface ClientPhoto {
  id: number
  clientId: number
  cardId: number | null
  kind: PhotoKind
  takenOn: string
  mime: ClinicalPhotoMime
  bytes: number
  sha256: string
  originalName: string
  note: string
  createdAt: string
  createdByName: string
  removedAt: string | null
  removedByName: string
  removeReason: string
}

/**
 * An iPhone's HEIC/HEIF picture (an ISO box `ftyp` of brand heic, heix or mif1 at bytes 4..12): not taken,
 * but named, so the nurse knows to export it as JPEG rather than thinking the file is broken.
 */
export function isHeicPhoto(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false
  const brand = String.fromCharCode(...bytes.subarray(4, 12))
  return brand === 'ftypheic' || brand === 'ftypheix' || brand === 'ftypmif1'
}

/** Why a file's bytes are no clinical photo, or null when they are one (checked in the renderer and again in main). */
export type PhotoRefusal = 'notImage' | 'heic' | 'tooLarge' | 'empty'

export function clinicalPhotoRefusal(bytes: Uint8Array): PhotoRefusal | null {
  if (bytes.length === 0) return 'empty'
  if (bytes.length > CLINICAL_PHOTO_MAX_BYTES) return 'tooLarge'
  if (isHeicPhoto(bytes)) return 'heic'
  return clinicalPhotoMimeOf(bytes) === null ? 'notImage' : null
}
