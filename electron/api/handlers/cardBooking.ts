import '../../../core/i18n/cardMessages.ts'
import { DomainError } from '../../../core/api/errors.ts'
import { addDays } from '../../../core/domain/dates.ts'
import type { FeeSheet } from '../../../core/domain/feeSheet.ts'
import { cardsOfSheet, insertCard, voidCardsOfSheet } from '../../../db/cards.ts'
import { readSettings } from '../../../db/settings.ts'
import type { HandlerContext } from '../context.ts'

/**
 * The treatment cards (疗程卡) of a fee sheet, made and voided inside fees.pay's and the void's transaction
 * (DOMAIN.md "After the deal"): every 'treatment' line of a paid sheet is a card of its quantity. Each returns
 * a short Chinese note for the fee handler's audit line ('' when there was nothing).
 */

/**
 * The last day a card paid on `boughtOn` can be used: `validDays` days later, that day included, the same
 * convention as a partner report's validity (core/domain/partnerStore.ts reportValidUntil).
 */
export function cardExpiresOn(boughtOn: string, validDays: number): string {
  return addDays(boughtOn, validDays)
}

/** Makes a card of every treatment line of a sheet just paid. */
export function makeCardsOfPaid(ctx: HandlerContext, sheet: FeeSheet): string {
  const boughtOn = ctx.today()
  const expiresOn = cardExpiresOn(boughtOn, readSettings(ctx.db).treatmentCardValidDays)
  const made: { id: number; text: string }[] = []
  sheet.lines.forEach((line, lineIndex) => {
    if (line.category !== 'treatment' || line.quantity < 1) return
    const id = insertCard(
      ctx.db,
      { clientId: sheet.clientId, feeSheetId: sheet.id, lineIndex, itemId: line.itemId, code: line.code, name: line.name, sessionsBought: line.quantity, boughtOn, expiresOn },
      ctx.now(),
    )
    made.push({ id, text: `${line.name} ${line.quantity} 次` })
  })
  if (made.length === 0) return ''
  ctx.emit({ topic: 'cards', ids: made.map((m) => m.id) })
  return `开疗程卡 ${made.map((m) => m.text).join('、')}（有效至 ${expiresOn}）`
}

/** Refuses the void of a sheet one of whose cards has a session deducted and not undone. */
export function refuseVoidOfUsedCards(ctx: HandlerContext, sheet: FeeSheet): void {
  const used = cardsOfSheet(ctx.db, sheet.id, ctx.today()).filter((c) => !c.voided && c.sessionsUsed > 0)
  const first = used[0]
  if (!first) return
  const params = { name: first.name, used: first.sessionsUsed, others: used.length - 1 }
  throw new DomainError('rule_violation', used.length > 1 ? 'error.cardsUsedNoVoid' : 'error.cardUsedNoVoid', params)
}

/** Voids the cards of a sheet being voided (refuseVoidOfUsedCards has let it through). */
export function voidCardsOf(ctx: HandlerContext, sheet: FeeSheet): string {
  const cards = cardsOfSheet(ctx.db, sheet.id, ctx.today()).filter((c) => !c.voided)
  const ids = voidCardsOfSheet(ctx.db, sheet.id)
  if (ids.length === 0) return ''
  ctx.emit({ topic: 'cards', ids })
  return `疗程卡 ${cards.map((c) => c.name).join('、')} 作废`
}
