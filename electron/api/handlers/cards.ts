import '../../../core/i18n/cardMessages.ts'
import type { DeductionResult } from '../../../core/api/cards.ts'
import { DomainError } from '../../../core/api/errors.ts'
import { localDateOf, localTimeOf } from '../../../core/domain/dates.ts'
import type { StaffRole } from '../../../core/domain/staff.ts'
import type { CardDeduction, CardDetail, TreatmentCard } from '../../../core/domain/treatmentCard.ts'
import { bumpCardVersion, cardsOfClient, deductionsOfCard, getCard, getDeduction, insertDeduction, treatmentRecordOfClient, undoDeduction } from '../../../db/cards.ts'
import { getClient } from '../../../db/clients.ts'
import { getStaff } from '../../../db/staff.ts'
import type { ReadableDb } from '../../../db/types.ts'
import type { HandlerContext } from '../context.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'
import { requireSignedConsent } from './consentGuard.ts'

type CardMethods = 'cards.ofClient' | 'cards.get' | 'cards.treatmentRecord' | 'cards.deduct' | 'cards.undoDeduction'

const localTime = (iso: string) => `${localDateOf(new Date(iso))} ${localTimeOf(new Date(iso))}`

function requireCard(ctx: HandlerContext, id: number): TreatmentCard {
  const card = getCard(ctx.db, id, ctx.today())
  if (!card) throw new DomainError('not_found', 'error.cardNotFound', { id }, 'cardId')
  return card
}

function detailOf(ctx: HandlerContext, id: number): CardDetail {
  return { card: requireCard(ctx, id), deductions: deductionsOfCard(ctx.db, id) }
}

/** An active staff member of the role, or the refusal on the field. */
function activeOfRole(db: ReadableDb, id: number, role: StaffRole, key: string, field: string): { id: number; name: string } {
  const staff = getStaff(db, id)
  if (!staff || !staff.active || staff.role !== role) throw new DomainError('invalid_input', key, { id }, field)
  return staff
}

/** The doctor's assistant: an active nurse or doctor, not the doctor themself; or the refusal on the field. */
function assistantOf(db: ReadableDb, id: number | null, doctorId: number | null): { id: number; name: string } | null {
  if (id === null) return null
  const staff = getStaff(db, id)
  if (!staff || !staff.active || (staff.role !== 'nurse' && staff.role !== 'doctor')) throw new DomainError('invalid_input', 'error.cardAssistantInvalid', { id }, 'assistantId')
  if (id === doctorId) throw new DomainError('invalid_input', 'error.cardAssistantIsDoctor', { name: staff.name }, 'assistantId')
  return staff
}

function requireClientOf(ctx: HandlerContext, clientId: number): void {
  if (!getClient(ctx.db, clientId)) throw new DomainError('not_found', 'error.cardClientNotFound', { id: clientId }, 'clientId')
}

/** Refuses a deduction on a card changed since it was read, void, used up or expired, in that order. */
function refuseUnusable(card: TreatmentCard, expectedVersion: number): void {
  const name = card.name
  if (card.version !== expectedVersion) throw new DomainError('conflict', 'error.cardChanged', { name, left: card.sessionsLeft })
  if (card.status === 'void') throw new DomainError('rule_violation', 'error.cardVoid', { name })
  if (card.status === 'used_up') throw new DomainError('rule_violation', 'error.cardUsedUp', { name, bought: card.sessionsBought })
  if (card.status === 'expired') throw new DomainError('rule_violation', 'error.cardExpired', { name, date: card.expiresOn })
}

export const cardHandlers: PartialHandlerTable<CardMethods> = {
  'cards.ofClient': (ctx, { clientId }) => {
    requireClientOf(ctx, clientId)
    return cardsOfClient(ctx.db, clientId, ctx.today())
  },

  'cards.treatmentRecord': (ctx, { clientId }) => {
    requireClientOf(ctx, clientId)
    return treatmentRecordOfClient(ctx.db, clientId)
  },

  'cards.get': (ctx, { id }) => detailOf(ctx, id),

  'cards.deduct': (ctx, { cardId, expectedVersion, nurseId, doctorId, bodyArea, assistantId, note }): DeductionResult => {
    const card = requireCard(ctx, cardId)
    refuseUnusable(card, expectedVersion)
    requireSignedConsent(ctx.db, card)
    const nurse = activeOfRole(ctx.db, nurseId, 'nurse', 'error.cardNurseInvalid', 'nurseId')
    const doctor = doctorId === null ? null : activeOfRole(ctx.db, doctorId, 'doctor', 'error.cardDoctorInvalid', 'doctorId')
    const assistant = assistantOf(ctx.db, assistantId, doctorId)
    if (!bumpCardVersion(ctx.db, card.id, expectedVersion)) throw new DomainError('conflict', 'error.cardChanged', { name: card.name, left: card.sessionsLeft })
    const deductionId = insertDeduction(ctx.db, { cardId, nurseId: nurse.id, doctorId: doctor?.id ?? null, assistantId: assistant?.id ?? null, bodyArea, note, at: ctx.now(), byId: ctx.operator.id, byName: ctx.operator.name })
    const after = requireCard(ctx, cardId)
    const deduction = getDeduction(ctx.db, deductionId) as CardDeduction
    ctx.audit(
      `划扣 ${after.clientName} 的疗程卡 ${after.name}（第 ${deduction.sessionNo} 次，剩 ${after.sessionsLeft} 次）：部位 ${bodyArea}，护士 ${nurse.name}` +
        (doctor ? `，医生 ${doctor.name}` : '') +
        (assistant ? `，助手 ${assistant.name}` : '') +
        (note === '' ? '' : `，备注：${note}`),
    )
    ctx.emit({ topic: 'cards', ids: [cardId] })
    return { card: after, deduction }
  },

  'cards.undoDeduction': (ctx, { deductionId, reason }) => {
    const deduction = getDeduction(ctx.db, deductionId)
    if (!deduction) throw new DomainError('not_found', 'error.cardDeductionNotFound', { id: deductionId }, 'deductionId')
    const card = requireCard(ctx, deduction.cardId)
    if (deduction.undone || !undoDeduction(ctx.db, deductionId, ctx.now(), ctx.operator.name, reason)) {
      const at = deduction.undoneAt === null ? '' : localTime(deduction.undoneAt)
      throw new DomainError('conflict', 'error.cardDeductionUndone', { name: card.name, no: deduction.sessionNo, at, by: deduction.undoneByName })
    }
    bumpCardVersion(ctx.db, card.id, card.version)
    const detail = detailOf(ctx, card.id)
    ctx.audit(`撤销 ${card.clientName} 的疗程卡 ${card.name} 第 ${deduction.sessionNo} 次划扣（剩 ${detail.card.sessionsLeft} 次），理由：${reason}`)
    ctx.emit({ topic: 'cards', ids: [card.id] })
    return detail
  },
}
