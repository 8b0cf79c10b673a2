import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { emptyPayload } from '../../core/domain/consultation.ts'
import { getSheet, insertSheet, latestSheetOfVisit, listSheetVersions, markSheetPrinted, updateDraft } from '../../db/consultations.ts'
import { runMigrations } from '../../db/migrate.ts'
import { MIGRATIONS } from '../../db/migrations/index.ts'
import type { WritableDb } from '../../db/types.ts'

const before60 = MIGRATIONS.filter((m) => m.version < 60)

/** A database at the step before 0060 with a client and two visits in it. */
function at50(): WritableDb {
  const db = new Database(':memory:') as WritableDb
  db.pragma('foreign_keys = ON')
  runMigrations(db, before60)
  expect(db.pragma('user_version', { simple: true })).toBe(before60.at(-1)?.version)
  db.exec(`
    INSERT INTO clients (id, archive_no, name, name_pinyin, name_initials, gender, phone, phone_reversed, channel, created_at, updated_at)
    VALUES (1, 'DA202600001', '张小丽', 'zhangxiaoli', 'zxl', 'female', '13900000001', '10000000931', 'walk_in', 't', 't');
    INSERT INTO visits (id, client_id, visit_date, type, queue_seq, queue_no, channel, status, status_at, registered_at)
    VALUES (1, 1, '2026-11-23', 'first', 1, 'A001', 'walk_in', 'waiting', 't', 't'),
           (2, 1, '2026-11-24', 'returning', 1, 'B001', 'walk_in', 'waiting', 't', 't');
  `)
  return db
}

function migrated(): WritableDb {
  const db = at50()
  runMigrations(db, MIGRATIONS.filter((m) => m.version <= 60))
  return db
}

describe('migration 0060 (consultation sheets)', () => {
  it('adds the table to a database at 0050 and keeps the rows already there', () => {
    const db = migrated()
    expect(db.pragma('user_version', { simple: true })).toBe(60)
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'consultation_sheets'").pluck().get()).toBe('consultation_sheets')
    expect(db.prepare('SELECT name FROM clients').pluck().all()).toEqual(['张小丽'])
    expect(db.prepare('SELECT queue_no FROM visits ORDER BY id').pluck().all()).toEqual(['A001', 'B001'])
    expect(db.prepare('SELECT count(*) FROM consultation_sheets').pluck().get()).toBe(0)
  })

  it('keeps versions of one sheet, and at most one draft per visit', () => {
    const db = migrated()
    const payload = emptyPayload()
    const v1 = insertSheet(db, { visitId: 1, sheetNo: 'ZX2026-000001', version: 1, payload }, 't1', '前台')
    expect(() => insertSheet(db, { visitId: 1, sheetNo: 'ZX2026-000001', version: 2, payload }, 't2', '前台')).toThrow(/UNIQUE/)
    expect(markSheetPrinted(db, v1.id, 1, 't3', '王静')).toBe(true)
    const v2 = insertSheet(db, { visitId: 1, sheetNo: 'ZX2026-000001', version: 2, payload }, 't4', '王静')
    expect(() => insertSheet(db, { visitId: 1, sheetNo: 'ZX2026-000001', version: 2, payload }, 't5', '王静')).toThrow(/UNIQUE/)
    expect(listSheetVersions(db, 1).map((s) => [s.version, s.status])).toEqual([
      [1, 'printed'],
      [2, 'draft'],
    ])
    expect(latestSheetOfVisit(db, 1)?.id).toBe(v2.id)
    expect(latestSheetOfVisit(db, 2)).toBeUndefined()
  })

  it('freezes a printed version in the database itself: no update, no delete', () => {
    const db = migrated()
    const sheet = insertSheet(db, { visitId: 1, sheetNo: 'ZX2026-000001', version: 1, payload: emptyPayload() }, 't1', '前台')
    expect(updateDraft(db, sheet.id, 1, { ...emptyPayload(), assessment: '改' }, 't2', '前台')).toBe(true)
    expect(updateDraft(db, sheet.id, 1, emptyPayload(), 't2', '前台')).toBe(false) // stale revision
    expect(markSheetPrinted(db, sheet.id, 2, 't3', '王静')).toBe(true)
    expect(() => db.prepare("UPDATE consultation_sheets SET payload = '{}' WHERE id = ?").run(sheet.id)).toThrow(/frozen/)
    expect(() => db.prepare('DELETE FROM consultation_sheets WHERE id = ?').run(sheet.id)).toThrow(/kept/)
    expect(updateDraft(db, sheet.id, 2, emptyPayload(), 't4', '前台')).toBe(false)
    expect(getSheet(db, sheet.id)?.payload.assessment).toBe('改')
  })

  it('rejects rows that break the constraints', () => {
    const db = migrated()
    const insert = (status: string, payload: string, printedAt: string | null, visitId = 1) =>
      db
        .prepare(
          `INSERT INTO consultation_sheets (visit_id, sheet_no, version, status, payload, created_at, created_by, updated_at, updated_by, printed_at, printed_by)
           VALUES (?, 'ZX', 1, ?, ?, 't', 'x', 't', 'x', ?, ?)`,
        )
        .run(visitId, status, payload, printedAt, printedAt && 'x')
    expect(() => insert('void', '{}', null)).toThrow(/CHECK/)
    expect(() => insert('draft', 'not json', null)).toThrow(/CHECK/)
    expect(() => insert('printed', '{}', null)).toThrow(/CHECK/)
    expect(() => insert('draft', '{}', 't')).toThrow(/CHECK/)
    expect(() => insert('draft', '{}', null, 99)).toThrow(/FOREIGN KEY/)
  })

  it('finds a visit’s sheets and a sheet number through indexes', () => {
    const db = migrated()
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' ')
    expect(plan('SELECT * FROM consultation_sheets WHERE visit_id = 1 ORDER BY version DESC LIMIT 1')).toMatch(/USING INDEX sqlite_autoindex_consultation_sheets_1/)
    expect(plan("SELECT * FROM consultation_sheets WHERE sheet_no = 'ZX2026-000001'")).toContain('consultation_sheets_no')
  })
})
