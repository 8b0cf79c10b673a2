import '../../../core/i18n/complaintMessages.ts'
import { DomainError } from '../../../core/api/errors.ts'
import type { Complaint } from '../../../core/domain/complaint.ts'
import { localDateOf, localTimeOf } from '../../../core/domain/dates.ts'
import { COMPLAINT_CHANNEL_NAMES } from '../../../core/i18n/complaintMessages.ts'
import { addComplaintStep, closeComplaint, complaintsOfClient, getComplaint, insertComplaint, openComplaints } from '../../../db/complaints.ts'
import { getStaff } from '../../../db/staff.ts'
import { getVisit } from '../../../db/visits.ts'
import type { HandlerContext } from '../context.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'
import { requireClient } from './clients.ts'

type ComplaintMethods = 'complaints.ofClient' | 'complaints.open' | 'complaints.create' | 'complaints.addStep' | 'complaints.close'

const localDay = (iso: string) => localDateOf(new Date(iso))
const localTime = (iso: string) => `${localDay(iso)} ${localTimeOf(new Date(iso))}`

function read(ctx: HandlerContext, id: number): Complaint {
  const complaint = getComplaint(ctx.db, id)
  if (!complaint) throw new DomainError('not_found', 'error.complaintNotFound', { id }, 'id')
  return complaint
}

/** An open complaint at the version the caller holds: another window's change is a conflict, a closed one a refusal. */
function requireOpen(ctx: HandlerContext, id: number, expectedVersion: number): Complaint {
  const complaint = read(ctx, id)
  if (complaint.status !== 'open') throw new DomainError('rule_violation', 'error.complaintClosed', { name: complaint.clientName, date: localDay(complaint.closedAt ?? '') })
  if (complaint.version !== expectedVersion) throw new DomainError('conflict', 'error.complaintChanged', { name: complaint.clientName })
  return complaint
}

const changed = (c: Complaint) => new DomainError('conflict', 'error.complaintChanged', { name: c.clientName })

export const complaintHandlers: PartialHandlerTable<ComplaintMethods> = {
  'complaints.ofClient': (ctx, { clientId }) => (requireClient(ctx.db, clientId), complaintsOfClient(ctx.db, clientId)),

  'complaints.open': (ctx) => openComplaints(ctx.db),

  'complaints.create': (ctx, { visitId, receivedAt, channel, content, handlerId }) => {
    const visit = getVisit(ctx.db, visitId)
    if (!visit) throw new DomainError('not_found', 'error.complaintVisitNotFound', { id: visitId }, 'visitId')
    const handler = getStaff(ctx.db, handlerId)
    if (!handler || !handler.active) throw new DomainError('invalid_input', 'error.complaintHandlerInvalid', { id: handlerId }, 'handlerId')
    const now = ctx.now()
    const received = receivedAt === undefined ? now : new Date(receivedAt).toISOString()
    if (received > now) throw new DomainError('invalid_input', 'error.complaintReceivedFuture', {}, 'receivedAt')
    const id = insertComplaint(ctx.db, { clientId: visit.clientId, visitId, receivedAt: received, channel, content, handlerId, createdByName: ctx.operator.name, now })
    const complaint = read(ctx, id)
    ctx.audit(`登记 ${complaint.clientName} 的投诉（${visit.visitDate} 到访，${COMPLAINT_CHANNEL_NAMES[channel]}，${localTime(received)} 受理）：${content}；处理人 ${handler.name}`)
    ctx.emit({ topic: 'complaints', ids: [id] })
    return complaint
  },

  'complaints.addStep': (ctx, { id, expectedVersion, note }) => {
    const before = requireOpen(ctx, id, expectedVersion)
    if (!addComplaintStep(ctx.db, id, expectedVersion, { at: ctx.now(), byId: ctx.operator.id, byName: ctx.operator.name, note })) throw changed(before)
    ctx.audit(`投诉处理 ${before.clientName}（投诉编号 ${id}）：${note}`)
    ctx.emit({ topic: 'complaints', ids: [id] })
    return read(ctx, id)
  },

  'complaints.close': (ctx, { id, expectedVersion, resolution }) => {
    const before = requireOpen(ctx, id, expectedVersion)
    if (!closeComplaint(ctx.db, id, expectedVersion, { at: ctx.now(), byId: ctx.operator.id, byName: ctx.operator.name, resolution })) throw changed(before)
    ctx.audit(`投诉结案 ${before.clientName}（投诉编号 ${id}）：${resolution}`)
    ctx.emit({ topic: 'complaints', ids: [id] })
    return read(ctx, id)
  },
}
