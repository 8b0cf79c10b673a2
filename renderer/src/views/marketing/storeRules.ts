import type { FormItemRule, FormRules } from 'element-plus'
import { missingFiling, type BankAccount, type FilingPart, type PartnerStore, type StoreClass, type StoreStatus } from '../../../../core/domain/partnerStore.ts'

/** The store dialog's fields as typed. The photo and the bank account are held beside it (see useStoreForm). */
export interface StoreForm {
  name: string
  storeClass: StoreClass
  consultantId: number | null
  salespersonId: number | null
  agreementNo: string
  agreementText: string
  startDate: string
  status: StoreStatus
}

export const STORE_LIMITS = { name: 60, agreementNo: 40, agreementText: 5000, bankName: 60, accountName: 60, accountNo: 32 } as const

export const emptyBank = (): BankAccount => ({ bankName: '', accountName: '', accountNo: '' })

export function storeFormOf(store: PartnerStore | null, defaults: { salespersonId: number | null; today: string }): StoreForm {
  if (!store) {
    return { name: '', storeClass: 'ordinary', consultantId: null, salespersonId: defaults.salespersonId, agreementNo: '', agreementText: '', startDate: defaults.today, status: 'active' }
  }
  return {
    name: store.name,
    storeClass: store.storeClass,
    consultantId: store.consultantId,
    salespersonId: store.salespersonId,
    agreementNo: store.agreementNo,
    agreementText: store.agreementText,
    startDate: store.startDate,
    status: store.status,
  }
}

type Translate = (key: string) => string

function rule(message: (value: unknown) => string, trigger: string | string[] = 'blur'): FormItemRule {
  return {
    trigger,
    validator: (_rule, value, callback) => {
      const problem = message(value)
      if (problem === '') callback()
      else callback(new Error(problem))
    },
  }
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '')

/** The dialog's rules; `form` is read when they run (the consultant is required of an A-class store only). */
export function storeRules(t: Translate, form: StoreForm): FormRules<StoreForm> {
  return {
    name: [rule((v) => (blank(v) ? t('marketing.dialog.nameRequired') : ''))],
    consultantId: [rule((v) => (form.storeClass === 'A' && blank(v) ? t('marketing.dialog.consultantRequired') : ''), 'change')],
    salespersonId: [rule((v) => (blank(v) ? t('marketing.dialog.salespersonRequired') : ''), 'change')],
    startDate: [rule((v) => (blank(v) ? t('marketing.dialog.startDateRequired') : ''), 'change')],
  }
}

/** What a store's filing lacks, as a reader sees it (a masked account number still counts as entered). */
export function storeMissing(store: PartnerStore): FilingPart[] {
  return missingFiling({ ...store, hasPhoto: store.photoMime !== null })
}
