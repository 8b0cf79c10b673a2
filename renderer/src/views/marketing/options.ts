import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { REPORT_STATUSES, STORE_CLASSES, STORE_STATUSES, type FilingPart, type HandoverNotes } from '../../../../core/domain/partnerStore.ts'
import { HANDOVER_KEYS } from '../../components/consultation/handoverKeys.ts'
import { useStaffStore } from '../../stores/staff.ts'

/** The marketing screen's choices with their labels in the current language, and the staff it picks from. */
export function useMarketingOptions() {
  const { t } = useI18n()
  const staff = useStaffStore()
  const classOptions = computed(() => STORE_CLASSES.map((value) => ({ value, label: t(`marketing.storeClass.${value}`) })))
  const statusOptions = computed(() => STORE_STATUSES.map((value) => ({ value, label: t(`marketing.storeStatus.${value}`) })))
  const reportStatusOptions = computed(() => [...REPORT_STATUSES, 'all' as const].map((value) => ({ value, label: t(`marketing.reportStatus.${value}`) })))
  const noteFields = computed(() => HANDOVER_KEYS.map((key) => ({ key, label: t(`marketing.notes.${key}`) })))
  /** Active consultants: who may maintain an A-class store. */
  const consultants = computed(() => staff.active.filter((s) => s.role === 'consultant'))
  /** Active salespeople (role marketing). */
  const salespeople = computed(() => staff.active.filter((s) => s.role === 'marketing'))
  /** Who may refer a client: active staff outside marketing. */
  const referrers = computed(() => staff.active.filter((s) => s.role !== 'marketing'))
  const filingText = (missing: readonly FilingPart[]) =>
    missing.length === 0 ? t('marketing.filing.complete') : t('marketing.filing.missing', { parts: missing.map((p) => t(`marketing.filing.${p}`)).join('、') })
  return { classOptions, statusOptions, reportStatusOptions, noteFields, consultants, salespeople, referrers, filingText }
}

/** The hand-over notes that say something, in reading order. */
export function filledNotes(notes: HandoverNotes | null): { key: keyof HandoverNotes; text: string }[] {
  return notes ? HANDOVER_KEYS.map((key) => ({ key, text: notes[key].trim() })).filter((n) => n.text !== '') : []
}
