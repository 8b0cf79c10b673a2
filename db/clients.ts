import type { ServiceCategory } from '../core/domain/categories.ts'
import type { Channel, Client, ClientSummary, Gender } from '../core/domain/client.ts'
import type { MaritalStatus } from '../core/domain/consultation.ts'
import { nameSearchKeys } from '../core/domain/nameKeys.ts'
import { normalizePhone } from '../core/domain/phone.ts'
import type { ReadableDb, WritableDb } from './types.ts'
import { stmt } from './statements.ts'

interface ClientRow {
  id: number
  archive_no: string
  name: string
  gender: Gender
  birth_date: string | null
  phone: string
  occupation: string
  own_consultant_id: number | null
  channel: Channel
  intended_category: ServiceCategory | null
  allergies: string
  notes: string
  marital_status: MaritalStatus | null
  address: string
  created_at: string
  updated_at: string
}

/** A client's fields; marital status and address may be left out (null and '' then). */
export type ClientFields = Omit<Client, 'id' | 'archiveNo' | 'createdAt' | 'updatedAt' | 'maritalStatus' | 'address'> & Partial<Pick<Client, 'maritalStatus' | 'address'>>

function rowToClient(row: ClientRow): Client {
  return {
    id: row.id,
    archiveNo: row.archive_no,
    name: row.name,
    gender: row.gender,
    birthDate: row.birth_date,
    phone: row.phone,
    occupation: row.occupation,
    ownConsultantId: row.own_consultant_id,
    channel: row.channel,
    intendedCategory: row.intended_category,
    allergies: row.allergies,
    notes: row.notes,
    maritalStatus: row.marital_status,
    address: row.address,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function fieldsToRow(fields: ClientFields) {
  const keys = nameSearchKeys(fields.name)
  return {
    name: fields.name,
    name_pinyin: keys.full,
    name_initials: keys.initials,
    gender: fields.gender,
    birth_date: fields.birthDate,
    phone: fields.phone,
    phone_reversed: [...fields.phone].reverse().join(''),
    occupation: fields.occupation,
    own_consultant_id: fields.ownConsultantId,
    channel: fields.channel,
    intended_category: fields.intendedCategory,
    allergies: fields.allergies,
    notes: fields.notes,
    marital_status: fields.maritalStatus ?? null,
    address: fields.address ?? '',
  }
}

export function getClient(db: ReadableDb, id: number): Client | undefined {
  const row = stmt(db, 'SELECT * FROM clients WHERE id = ?').get(id) as ClientRow | undefined
  return row && rowToClient(row)
}

export function findClientsByPhone(db: ReadableDb, phone: string): Client[] {
  return (stmt(db, 'SELECT * FROM clients WHERE phone = ? ORDER BY id').all(phone) as ClientRow[]).map(rowToClient)
}

export function insertClient(db: WritableDb, archiveNo: string, fields: ClientFields, now: string): Client {
  const result = stmt(db,
      `INSERT INTO clients (archive_no, name, name_pinyin, name_initials, gender, birth_date, phone, phone_reversed,
         occupation, own_consultant_id, channel, intended_category, allergies, notes, marital_status, address, created_at, updated_at)
       VALUES (@archive_no, @name, @name_pinyin, @name_initials, @gender, @birth_date, @phone, @phone_reversed,
         @occupation, @own_consultant_id, @channel, @intended_category, @allergies, @notes, @marital_status, @address, @now, @now)`,
    )
    .run({ ...fieldsToRow(fields), archive_no: archiveNo, now })
  return getClient(db, Number(result.lastInsertRowid)) as Client
}

export function updateClient(db: WritableDb, id: number, fields: ClientFields, now: string): Client | undefined {
  stmt(db,
    `UPDATE clients SET name = @name, name_pinyin = @name_pinyin, name_initials = @name_initials, gender = @gender,
       birth_date = @birth_date, phone = @phone, phone_reversed = @phone_reversed, occupation = @occupation,
       own_consultant_id = @own_consultant_id, channel = @channel, intended_category = @intended_category,
       allergies = @allergies, notes = @notes, marital_status = @marital_status, address = @address, updated_at = @now
     WHERE id = @id`,
  ).run({ ...fieldsToRow(fields), now, id })
  return getClient(db, id)
}

export function setOwnConsultant(db: WritableDb, clientId: number, consultantId: number, now: string): void {
  stmt(db, 'UPDATE clients SET own_consultant_id = ?, updated_at = ? WHERE id = ? AND own_consultant_id IS NULL').run(consultantId, now, clientId)
}

const SUMMARY_COLUMNS = `c.id, c.archive_no AS archiveNo, c.name, c.gender, c.phone, c.own_consultant_id AS ownConsultantId,
  (SELECT max(v.visit_date) FROM visits v WHERE v.client_id = c.id) AS lastVisitDate`
/** The highest code point: `x >= p AND x < p || MAX` is an index range for the prefix p. */
const MAX = '\u{10FFFF}'

/**
 * Search as the receptionist types: digits match a phone's start or end (the last four digits are what
 * clients say), letters match pinyin or its initials, Chinese matches the name's start, and an archive
 * number matches exactly. Every branch is an index range, so it stays fast on years of clients.
 */
export function searchClients(db: ReadableDb, rawQuery: string, limit: number): ClientSummary[] {
  const query = rawQuery.trim()
  if (query === '') return []
  const seen = new Map<number, ClientSummary>()
  const take = (sql: string, ...params: unknown[]) => {
    if (seen.size >= limit) return
    for (const row of stmt(db, `SELECT ${SUMMARY_COLUMNS} FROM clients c WHERE ${sql} LIMIT ?`).all(...params, limit) as ClientSummary[]) {
      if (seen.size < limit && !seen.has(row.id)) seen.set(row.id, row)
    }
  }
  take('c.archive_no = ?', query.toUpperCase())
  // As phones are stored: +86 / 0086 and spaces dropped; then hyphens too, since the desk may type them or not.
  const digits = normalizePhone(query).replace(/-/g, '')
  if (/^\d{3,}$/.test(digits)) {
    take('c.phone = ?', digits)
    take('c.phone >= ? AND c.phone < ?', digits, digits + MAX)
    // Landlines are stored as typed, often with a hyphen after a 3- or 4-digit area code (021-61234567).
    if (digits.startsWith('0') && digits.length > 4) {
      for (const cut of [3, 4]) {
        const hyphenated = `${digits.slice(0, cut)}-${digits.slice(cut)}`
        take('c.phone >= ? AND c.phone < ?', hyphenated, hyphenated + MAX)
      }
    }
    const reversed = [...digits].reverse().join('')
    take('c.phone_reversed >= ? AND c.phone_reversed < ?', reversed, reversed + MAX)
  } else if (/^[a-z]+$/i.test(query)) {
    const letters = query.toLowerCase()
    take('c.name_initials >= ? AND c.name_initials < ?', letters, letters + MAX)
    take('c.name_pinyin >= ? AND c.name_pinyin < ?', letters, letters + MAX)
    take('c.name >= ? AND c.name < ?', query, query + MAX)
  } else {
    take('c.name = ?', query)
    take('c.name >= ? AND c.name < ?', query, query + MAX)
  }
  return [...seen.values()]
}
