import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { runMigrations } from '../../db/migrate.ts'
import { MIGRATIONS } from '../../db/migrations/index.ts'
import type { WritableDb } from '../../db/types.ts'

const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version)

/** A clinic at the version before 170: a client with a paid fee sheet of 玻尿酸 and its treatment card. */
function before170(): WritableDb {
  const db = new Database(':memory:') as WritableDb
  db.pragma('foreign_keys = ON')
  runMigrations(db, MIGRATIONS.filter((m) => m.version < 170))
  db.exec(`
    INSERT INTO clients (id, archive_no, name, name_pinyin, name_initials, gender, phone, phone_reversed, channel, created_at, updated_at)
      VALUES (1, 'DA000001', '张小丽', 'zhangxiaoli', 'zxl', 'female', '13900001111', '11110000931', 'walk_in', 't', 't'),
             (2, 'DA000002', '李芳', 'lifang', 'lf', 'female', '13900002222', '22220000931', 'walk_in', 't', 't');
    INSERT INTO price_items (id, code, name, name_pinyin, name_initials, category, unit, list_price_fen, created_at, updated_at)
      VALUES (1, 'BN01', '玻尿酸填充', 'boniaosuantianchong', 'bnstc', 'treatment', '支', 480000, 't', 't');
  `)
  return db
}

/** A card of client 1 (fee sheets need a visit; 0070's own columns are filled by a real sheet in the integration tests). */
function withCard(db: WritableDb): number {
  db.pragma('foreign_keys = OFF')
  db.prepare(`INSERT INTO treatment_cards (id, client_id, fee_sheet_id, line_index, item_id, code, name, sessions_bought, bought_on, expires_on, created_at)
    VALUES (1, 1, 1, 0, 1, 'BN01', '玻尿酸填充', 1, '2026-11-23', '2027-11-23', 't')`).run()
  db.pragma('foreign_keys = ON')
  return 1
}

const consent = (db: WritableDb, values: Record<string, unknown> = {}) => {
  const row: Record<string, unknown> = { client_id: 1, card_id: 1, template_key: 'injection', template_version: 1, item_name: '玻尿酸填充', title: '注射美容治疗知情同意书', body: '正文', created_at: 't', ...values }
  const columns = Object.keys(row)
  return Number(db.prepare(`INSERT INTO consents (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row).lastInsertRowid)
}

describe('migration 0170 (consent forms, treatment classification)', () => {
  it('leaves the items there unclassified and not invasive, and seeds a template per category plus 通用', () => {
    const db = before170()
    runMigrations(db, upTo(170))
    expect(db.pragma('user_version', { simple: true })).toBe(170)
    expect(db.prepare('SELECT code, service_category, invasive FROM price_items').all()).toEqual([{ code: 'BN01', service_category: null, invasive: 0 }])
    const templates = db.prepare('SELECT key, title, body, version FROM consent_templates ORDER BY key').all() as { key: string; title: string; body: string; version: number }[]
    expect(templates.map((t) => t.key)).toEqual(['body', 'dental', 'general', 'hair', 'injection', 'laser', 'skin', 'surgery'])
    for (const t of templates) {
      expect(t.version).toBe(1)
      expect(t.title).toMatch(/知情同意书$/)
      for (const part of ['风险', '替代方案', '注意事项', '照片', '顾客声明', '自愿']) expect(t.body, `${t.key} ${part}`).toContain(part)
      expect(t.body.length).toBeLessThanOrEqual(5000)
    }
    expect(db.prepare('SELECT count(*) FROM consents').pluck().get()).toBe(0)
    expect(db.pragma('foreign_key_check')).toEqual([])
  })

  it('keeps the classification within the service categories and 0/1', () => {
    const db = before170()
    runMigrations(db, upTo(170))
    db.prepare("UPDATE price_items SET service_category = 'injection', invasive = 1").run()
    expect(() => db.prepare("UPDATE price_items SET service_category = 'general'").run()).toThrow(/CHECK constraint failed/)
    expect(() => db.prepare('UPDATE price_items SET invasive = 2').run()).toThrow(/CHECK constraint failed/)
  })

  it('refuses an empty or over-long template body, an unknown key and a delete', () => {
    const db = before170()
    runMigrations(db, upTo(170))
    expect(() => db.prepare("UPDATE consent_templates SET body = '  ' WHERE key = 'general'").run()).toThrow(/CHECK constraint failed/)
    expect(() => db.prepare("UPDATE consent_templates SET body = ? WHERE key = 'general'").run('字'.repeat(5001))).toThrow(/CHECK constraint failed/)
    expect(() => db.prepare("INSERT INTO consent_templates (key, title, body, updated_at) VALUES ('nails', 't', 'b', 't')").run()).toThrow(/CHECK constraint failed/)
    expect(() => db.prepare('DELETE FROM consent_templates').run()).toThrow(/never deleted/)
  })

  it('keeps one consent per card, of the card’s client, signed once, its text never changed, never deleted', () => {
    const db = before170()
    runMigrations(db, upTo(170))
    withCard(db)
    expect(() => consent(db, { client_id: 2 })).toThrow(/card's client's/)
    const id = consent(db)
    expect(() => consent(db)).toThrow(/UNIQUE constraint failed/)
    expect(() => db.prepare("UPDATE consents SET signed_by_name = '前台' WHERE id = ?").run(id)).toThrow(/only marked signed, once/)
    expect(() => db.prepare("UPDATE consents SET body = '改', signed_at = 't' WHERE id = ?").run(id)).toThrow(/only marked signed, once/)
    db.prepare("UPDATE consents SET signed_at = 't', signed_by_name = '前台' WHERE id = ?").run(id)
    expect(() => db.prepare("UPDATE consents SET signed_at = 't2' WHERE id = ?").run(id)).toThrow(/only marked signed, once/)
    expect(() => db.prepare('DELETE FROM consents').run()).toThrow(/never deleted/)
  })
})
