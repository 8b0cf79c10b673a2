import { z } from 'zod'
import { CLINICAL_PHOTO_MAX_BYTES, PHOTO_KINDS, type ClientPhoto, type ClinicalPhotoMime } from '../domain/clientPhoto.ts'
import { idSchema } from './clients.ts'
import { method } from './method.ts'

/** Base64 of at most CLINICAL_PHOTO_MAX_BYTES bytes (4 characters per 3 bytes); what it holds is checked by its first bytes. */
export const CLINICAL_PHOTO_MAX_BASE64 = Math.ceil(CLINICAL_PHOTO_MAX_BYTES / 3) * 4

/** A photo's picture read back from its file. */
export interface PhotoPicture {
  id: number
  mime: ClinicalPhotoMime
  base64: string
}

/**
 * Clinical photos (术前照 / 术后照), core/domain/clientPhoto.ts: files under the photos folder beside the
 * database, one row each. Nothing here sends a picture anywhere but back to the desk's own window.
 */
export const photoMethods = {
  /** A client's photos, oldest day first, without their bytes (photos.get reads one); hidden ones only when asked. */
  'photos.ofClient': method<ClientPhoto[]>()({
    input: z.object({ clientId: idSchema, includeRemoved: z.boolean().default(false) }).strict(),
    writes: false,
    permission: 'read',
  }),
  /**
   * Imports one picture of the client: refused unless its first bytes are a JPEG, PNG or WebP (an iPhone HEIC
   * is named as such), over 25 MB, taken in the future, with a card of another client, or already imported
   * for this client (conflict: the desk counts it as skipped). The file is written before the commit.
   */
  'photos.import': method<ClientPhoto>()({
    input: z
      .object({
        clientId: idSchema,
        kind: z.enum(PHOTO_KINDS),
        takenOn: z.iso.date('validation.date'),
        cardId: idSchema.nullable().default(null),
        note: z.string().trim().max(200, 'validation.tooLong').default(''),
        originalName: z.string().trim().max(200, 'validation.tooLong').default(''),
        base64: z
          .string()
          .min(1, 'validation.required')
          .max(CLINICAL_PHOTO_MAX_BASE64, 'validation.clinicalPhotoTooLarge')
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'validation.clinicalPhoto'),
      })
      .strict(),
    writes: true,
    permission: 'treat',
  }),
  /** One photo's picture, read back from its file and checked against its SHA-256. */
  'photos.get': method<PhotoPicture>()({ input: z.object({ id: idSchema }).strict(), writes: false, permission: 'read' }),
  /** Hides a photo from the record (an administrator, with a reason); the file and the row stay. */
  'photos.hide': method<ClientPhoto>()({
    input: z.object({ id: idSchema, reason: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong') }).strict(),
    writes: true,
    permission: 'admin',
  }),
}
