import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type Database from 'better-sqlite3'

/** A JPEG-looking picture of `size` random bytes (the backup never looks inside). */
export function pictureBytes(size = 3000): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size - 4)])
}

let nextClient = 1

/**
 * A client photo inserted straight into a migrated database (row + file under `photosDir`), as the import
 * would leave it: rel_path `<archive>/<date>/<first 16 of sha>.jpg`. Returns the row's values and the bytes.
 */
export function addPhoto(db: Database.Database, photosDir: string, options: { bytes?: Buffer; takenOn?: string; hidden?: boolean } = {}) {
  const bytes = options.bytes ?? pictureBytes()
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const n = nextClient++
  const archiveNo = `DA9${String(n).padStart(5, '0')}`
  const phone = `139${String(n).padStart(8, '0')}`
  const clientId = Number(
    db
      .prepare(
        `INSERT INTO clients (archive_no, name, name_pinyin, name_initials, gender, phone, phone_reversed, channel, created_at, updated_at)
         VALUES (?, '测试', 'ceshi', 'cs', 'female', ?, ?, 'walk_in', 't', 't')`,
      )
      .run(archiveNo, phone, [...phone].reverse().join('')).lastInsertRowid,
  )
  const takenOn = options.takenOn ?? '2026-11-20'
  const relPath = `${archiveNo}/${takenOn}/${sha256.slice(0, 16)}.jpg`
  db.prepare(
    `INSERT INTO client_photos (client_id, kind, taken_on, rel_path, mime, bytes, sha256, created_at, removed_at, remove_reason)
     VALUES (?, 'before', ?, ?, 'image/jpeg', ?, ?, 't', ?, ?)`,
  ).run(clientId, takenOn, relPath, bytes.length, sha256, options.hidden ? 't' : null, options.hidden ? '拍错' : '')
  const file = join(photosDir, ...relPath.split('/'))
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, bytes)
  return { relPath, sha256, bytes, file, clientId }
}
