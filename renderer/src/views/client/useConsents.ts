import { ElMessageBox } from 'element-plus'
import { computed, nextTick, ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Client } from '../../../../core/domain/client.ts'
import type { CardConsent, Consent } from '../../../../core/domain/consent.ts'
import { ageOn, localDateOf } from '../../../../core/domain/dates.ts'
import { showError, showSuccess } from '../../api/notify.ts'
import { useClientSection } from '../../composables/useClientSection.ts'
import { usePrintSheet } from '../../composables/usePrintSheet.ts'
import { useConsentsStore } from '../../stores/consents.ts'
import { useSessionStore } from '../../stores/session.ts'
import { useSettingsStore } from '../../stores/settings.ts'

/**
 * The client page's consent forms: the client's cards with their consent state, kept fresh while shown;
 * 生成并打印 (makes the consent if none yet, then its A4 preview) and 标记已签 after a confirmation.
 */
export function useConsents(client: Ref<Client | null>) {
  const { t } = useI18n()
  const store = useConsentsStore()
  const session = useSessionStore()
  const settings = useSettingsStore()
  const canTreat = computed(() => session.may('treat'))
  const clinicName = computed(() => settings.clinicName)
  const age = computed(() => (client.value?.birthDate ? ageOn(client.value.birthDate, localDateOf(new Date())) : null))
  const busyCard = ref<number | null>(null)
  /** What the print template shows; it exists only while the preview is open. */
  const printing = ref<{ consent: Consent; sessions: number } | null>(null)
  const printOpen = ref(false)
  /** Invasive cards first (they need the signature), newest first within each. */
  const rows = computed(() => [...store.rows].sort((a, b) => Number(b.invasive) - Number(a.invasive)))

  async function print(row: CardConsent): Promise<void> {
    if (busyCard.value !== null) return
    busyCard.value = row.cardId
    try {
      const consent = row.consent ?? (await store.prepare(row.cardId))
      printing.value = { consent, sessions: row.sessionsBought }
      await nextTick()
      printOpen.value = true
    } catch (error) {
      showError(error)
    } finally {
      busyCard.value = null
    }
  }

  async function markSigned(row: CardConsent): Promise<void> {
    const consent = row.consent
    if (!consent || busyCard.value !== null) return
    try {
      await ElMessageBox.confirm(t('consent.confirmSigned'), t('consent.confirmTitle'), {
        type: 'warning',
        confirmButtonText: t('consent.confirmOk'),
        cancelButtonText: t('common.cancel'),
      })
    } catch {
      return
    }
    busyCard.value = row.cardId
    try {
      await store.markSigned(consent.id)
      showSuccess(t('consent.signedDone', { name: consent.itemName }))
    } catch (error) {
      showError(error)
    } finally {
      busyCard.value = null
    }
  }

  watch(printOpen, (open) => {
    if (!open) printing.value = null
  })
  useClientSection(client, store)
  usePrintSheet(printOpen)

  return { store, rows, canTreat, clinicName, age, busyCard, printing, printOpen, print, markSigned }
}
