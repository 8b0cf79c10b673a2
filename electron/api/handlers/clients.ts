import { DomainError } from '../../../core/api/errors.ts'
import { formatArchiveNumber } from '../../../core/domain/archiveNumber.ts'
import type { Client } from '../../../core/domain/client.ts'
import { findClientsByPhone, getClient, insertClient, searchClients, updateClient, type ClientFields } from '../../../db/clients.ts'
import { nextCounter } from '../../../db/counters.ts'
import { readSettings } from '../../../db/settings.ts'
import { getStaff } from '../../../db/staff.ts'
import type { ReadableDb, WritableDb } from '../../../db/types.ts'
import { listVisitsOfClient } from '../../../db/visits.ts'
import type { HandlerContext } from '../context.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'
import { stmt } from '../../../db/statements.ts'

export function requireClient(db: ReadableDb, id: number): Client {
  const client = getClient(db, id)
  if (!client) throw new DomainError('not_found', 'error.clientNotFound', { id })
  return client
}

function refuseSharedPhone(db: ReadableDb, phone: string, selfId: number | null, allowShared: boolean): void {
  if (allowShared) return
  const other = findClientsByPhone(db, phone).find((c) => c.id !== selfId)
  if (other) throw new DomainError('conflict', 'error.clientPhoneExists', { phone, name: other.name, archiveNo: other.archiveNo })
}

function checkOwnConsultant(db: ReadableDb, id: number | null): void {
  if (id === null) return
  const staff = getStaff(db, id)
  if (!staff || staff.role !== 'consultant') throw new DomainError('not_found', 'error.consultantNotFound', { id })
}

/** Creates a client with the next archive number; used by registration too. */
export function createClient(ctx: HandlerContext, fields: ClientFields, allowSharedPhone: boolean): Client {
  refuseSharedPhone(ctx.db, fields.phone, null, allowSharedPhone)
  checkOwnConsultant(ctx.db, fields.ownConsultantId)
  const archiveNo = nextArchiveNumber(ctx.db, ctx.today())
  const client = insertClient(ctx.db, archiveNo, fields, ctx.now())
  ctx.emit({ topic: 'clients', ids: [client.id] })
  return client
}

function nextArchiveNumber(db: WritableDb, today: string): string {
  const template = readSettings(db).archiveNumberTemplate
  // A number already taken (the template was changed back and forth) is skipped, never reused.
  for (;;) {
    const candidate = formatArchiveNumber(template, nextCounter(db, 'archive'), today)
    if (!stmt(db, 'SELECT 1 FROM clients WHERE archive_no = ?').get(candidate)) return candidate
  }
}

export const clientHandlers: PartialHandlerTable<'clients.search' | 'clients.findByPhone' | 'clients.get' | 'clients.create' | 'clients.update'> = {
  'clients.search': (ctx, { query, limit }) => searchClients(ctx.db, query, limit),
  'clients.findByPhone': (ctx, { phone }) => findClientsByPhone(ctx.db, phone),
  'clients.get': (ctx, { id }) => ({ client: requireClient(ctx.db, id), visits: listVisitsOfClient(ctx.db, id) }),

  'clients.create': (ctx, { allowSharedPhone, ...fields }) => {
    const client = createClient(ctx, fields, allowSharedPhone)
    ctx.audit(`登记顾客 ${client.name} 档案号 ${client.archiveNo}`)
    return client
  },

  'clients.update': (ctx, { id, expectedUpdatedAt, maritalStatus, address, ...rest }) => {
    const before = requireClient(ctx.db, id)
    const fields: ClientFields = { ...rest, maritalStatus: maritalStatus === undefined ? before.maritalStatus : maritalStatus, address: address ?? before.address }
    if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== before.updatedAt) throw new DomainError('conflict', 'error.recordChanged')
    if (fields.phone !== before.phone) refuseSharedPhone(ctx.db, fields.phone, id, false)
    checkOwnConsultant(ctx.db, fields.ownConsultantId)
    const after = updateClient(ctx.db, id, fields, ctx.now()) as Client
    const changed = (Object.keys(fields) as (keyof ClientFields)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    ctx.audit(`修改顾客 ${after.name} ${after.archiveNo}：${changed.join(', ') || '无变化'}`)
    ctx.emit({ topic: 'clients', ids: [id] })
    return after
  },
}
