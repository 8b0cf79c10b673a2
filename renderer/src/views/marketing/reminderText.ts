import { useI18n } from 'vue-i18n'
import type { StoreReminder } from '../../../../core/domain/partnerStore.ts'

/** A lifecycle reminder in words: what the rule says, with the filing's missing parts joined by “、”. */
export function useReminderText() {
  const { t } = useI18n()
  const text = (reminder: StoreReminder) => t(`marketing.reminders.kind.${reminder.kind}`, { parts: reminder.missing.map((p) => t(`marketing.filing.${p}`)).join('、') })
  const since = (reminder: StoreReminder) => t('marketing.reminders.since', { date: reminder.since })
  return { text, since }
}
