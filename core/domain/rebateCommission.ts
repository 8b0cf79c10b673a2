import { mulBasisPoints, type Fen } from '../money/fen.ts'
import type { RebateRates } from './rebateRates.ts'
import { checkAmount, checkRates } from './rebateRefusals.ts'

/** What a store's staff member or relative (打版) pays for a surgery item: 40% of list price, 45% with consumables, half-up. */
export function storeStaffPrice(listPriceFen: Fen, withConsumables: boolean, rates: RebateRates): Fen {
  const checkedRates = checkRates(rates)
  checkAmount(listPriceFen, 'rebate.invalidStaffListPrice', 'listPriceFen')
  return mulBasisPoints(listPriceFen, withConsumables ? checkedRates.storeStaffSurgeryWithConsumablesBp : checkedRates.storeStaffSurgeryBp)
}

export interface ReferralCommission {
  /** dealFen × 5%, half-up. */
  commissionFen: Fen
  /** commissionFen × the referrer's part (half), half-up. */
  referrerFen: Fen
  /** The rest: commissionFen − referrerFen, so the two always add up to the commission. */
  salespersonFen: Fen
}

/** The commission on one deal of a client brought by a staff member outside marketing, split between referrer and salesperson. */
export function referralCommission(dealFen: Fen, rates: RebateRates): ReferralCommission {
  const checkedRates = checkRates(rates)
  checkAmount(dealFen, 'rebate.invalidDeal', 'dealFen')
  const commissionFen = mulBasisPoints(dealFen, checkedRates.referralCommissionBp)
  const referrerFen = mulBasisPoints(commissionFen, checkedRates.referralReferrerPartBp)
  return { commissionFen, referrerFen, salespersonFen: commissionFen - referrerFen }
}
