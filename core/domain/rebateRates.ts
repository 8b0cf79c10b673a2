import { z } from 'zod'
import { BASIS_POINTS_PER_WHOLE } from '../money/fen.ts'
import { PRICE_CATEGORIES, type PriceCategory } from './priceItem.ts'

/**
 * The rates of partner-store rebates (返款) and staff-referral commissions (DOMAIN.md, "Partner stores and the
 * marketing department"). Every rate is whole basis points (10,000 bp = 100%), so the maths stays in integers
 * and rounds once, half-up, through core/money's mulBasisPoints. They are settings: the values below are the
 * defaults DOMAIN.md gives, and rebateRatesSchema checks what a settings screen saves.
 */
export interface RebateRates {
  /** The store's share of the base: 5000 = 50%. */
  storeShareBp: number
  /** A special-price injection item (特价微整) priced under the threshold: the store gets this much of its price (1000 = 10%). */
  specialPriceShareBp: number
  /** A special-price item charged at least this much of its list price (8000 = 80%) is an ordinary line (the 50% rule). */
  specialPriceThresholdBp: number
  /** Store staff and their relatives (打版) pay this much of list price for surgery without consumables (4000 = 40%). */
  storeStaffSurgeryBp: number
  /** … and this much for surgery with consumables (4500 = 45%). */
  storeStaffSurgeryWithConsumablesBp: number
  /** Staff referral: the commission on each of the client's deals (500 = 5%). */
  referralCommissionBp: number
  /**
   * The referrer's part of that commission (5000 = half); the salesperson gets the rest. DOMAIN.md says the two
   * "split" it without saying how: half each is the default, and the setting lets the clinic choose.
   */
  referralReferrerPartBp: number
  /** Lines of these categories are kept out of the base entirely (anaesthesia, lab test, inpatient stay, infusion). */
  excludedCategories: PriceCategory[]
}

export const DEFAULT_REBATE_RATES: RebateRates = {
  storeShareBp: 5000,
  specialPriceShareBp: 1000,
  specialPriceThresholdBp: 8000,
  storeStaffSurgeryBp: 4000,
  storeStaffSurgeryWithConsumablesBp: 4500,
  referralCommissionBp: 500,
  referralReferrerPartBp: 5000,
  excludedCategories: ['anaesthesia', 'lab_test', 'inpatient', 'infusion'],
}

/** A rate of 0% to 100% in whole basis points: a share can never be more than what it is a share of. */
const rateBp = z.number().int('validation.range').min(0, 'validation.range').max(BASIS_POINTS_PER_WHOLE, 'validation.range')

/** The rates as a settings screen saves them (message keys as in core/domain/settings.ts). */
export const rebateRatesSchema = z
  .object({
    storeShareBp: rateBp,
    specialPriceShareBp: rateBp,
    specialPriceThresholdBp: rateBp,
    storeStaffSurgeryBp: rateBp,
    storeStaffSurgeryWithConsumablesBp: rateBp,
    referralCommissionBp: rateBp,
    referralReferrerPartBp: rateBp,
    excludedCategories: z
      .array(z.enum(PRICE_CATEGORIES))
      .max(PRICE_CATEGORIES.length, 'validation.tooMany')
      .refine((list) => new Set(list).size === list.length, 'validation.rebateCategoriesDistinct'),
  })
  .strict() satisfies z.ZodType<RebateRates>
