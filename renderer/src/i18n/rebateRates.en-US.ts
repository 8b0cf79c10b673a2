import type { rebateRatesZh } from './rebateRates.zh-CN.ts'

export const rebateRatesEn: typeof rebateRatesZh = {
  title: 'Partner rebates and referral commissions',
  hint: 'A rebate is what was paid less the excluded categories and high-cost consumables, times the store’s share. Rates are percentages with at most two decimals.',
  storeShare: 'Store’s share',
  specialPriceShare: 'Special-price injection share',
  specialPriceThreshold: 'Special price at or above this part of list price earns the store’s share',
  storeStaffSurgery: 'Store staff and relatives (打版): surgery without consumables',
  storeStaffSurgeryWithConsumables: 'Store staff and relatives (打版): surgery with consumables',
  referralCommission: 'Staff referral commission (each deal)',
  referralReferrerPart: 'Referrer’s part (the salesperson gets the rest)',
  excludedCategories: 'Categories kept out of rebates',
  restoreDefaults: 'Restore defaults',
}
