import type { ClientPhoto, ClinicalPhotoMime, PhotoKind } from '../core/domain/clientPhoto.ts'
import { stmt } from './statements.ts'
import type { ReadableDb, WritableDb } from './types.ts'

/** Clinical photos (术前照 / 术后照): db/migrations/0180-client-photos.ts. The pictures are files; rows say where. */

interface PhotoRow {
  id: number
  client_id: number
  card_id: number | null
  kind: PhotoKind
  taken_on: string
  rel_path: string
  mime: ClinicalPhotoMime
  bytes: number
  sha256: string
  original_name: string
  note: string
  created_at: string
  created_by_name: string
  removed_at: string | null
  removed_by_name: string
  remove_reason: string
}

/** A photo row with where its file lives under the photos folder (never sent to the renderer). */
export interface StoredPhoto extends ClientPhoto {
  relPath: string
}

function rowToPhoto(row: PhotoRow): StoredPhoto {
  return {
    id: row.id,
    clientId: row.client_id,
    cardId: row.card_id,
    kind: row.kind,
    takenOn: row.taken_on,
    mime: row.mime,
    bytes: row.bytes,
    sha256: row.sha256,
    originalName: row.original_name,
    note: row.note,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
    removedAt: row.removed_at,
    removedByName: row.removed_by_name,
    removeReason: row.remove_reason,
    relPath: row.rel_path,
  }
}

export function getPhoto(db: ReadableDb, id: number): StoredPhoto | undefined {
  const row = stmt(db, 'SELECT * FROM client_photos WHERE id = ?').get(id) as PhotoRow | undefined
  return row && rowToPhoto(row)
}

/** A client's photos, oldest day first (by index client_photos_by_client); hidden ones only when asked. */
export function photosOfClient(db: ReadableDb, clientId: number, includeRemoved: boolean): StoredPhoto[] {
  const rows = stmt(db, 'SELECT * FROM client_photos WHERE client_id = ? AND (? OR removed_at IS NULL) ORDER BY taken_on, id').all(clientId, includeRemoved ? 1 : 0) as PhotoRow[]
  return rows.map(rowToPhoto)
}

/** The photo of this client with this SHA-256, hidden or not: the same picture is imported once. */
export function photoOfClientBySha(db: ReadableDb, clientId: number, sha256: string): StoredPhoto | undefined {
  const row = stmt(db, 'SELECT * FROM client_photos WHERE client_id = ? AND sha256 = ?').get(clientId, sha256) as PhotoRow | undefined
  return row && rowToPhoto(row)
}

export interface NewPhoto {
  clientId: number
  cardId: number | null
  kind: PhotoKind
  takenOn: string
  relPath: string
  mime: ClinicalPhotoMime
  bytes: number
  sha256: string
  originalName: string
  note: string
  createdByName: string
  now: string
}

export function insertPhoto(db: WritableDb, p: NewPhoto): number {
  return Number(
    stmt(db,
      `INSERT INTO client_photos (client_id, card_id, kind, taken_on, rel_path, mime, bytes, sha256, original_name, note, created_at, created_by_name)
       VALUES (@clientId, @cardId, @kind, @takenOn, @relPath, @mime, @bytes, @sha256, @originalName, @note, @now, @createdByName)`,
    ).run(p).lastInsertRowid,
  )
}

/** Hides a shown photo with a reason; false when it was already hidden. The file stays. */
export function hidePhoto(db: WritableDb, id: number, hiding: { at: string; byName: string; reason: string }): boolean {
  const result = stmt(db, 'UPDATE client_photos SET removed_at = @at, removed_by_name = @byName, remove_reason = @reason WHERE id = @id AND removed_at IS NULL').run({ id, ...hiding })
  return result.changes === 1
}
