import { computed, nextTick, ref, watch, type Ref } from 'vue'
import type { Client } from '../../../../core/domain/client.ts'
import { ageOn, localDateOf } from '../../../../core/domain/dates.ts'
import { useClientSection } from '../../composables/useClientSection.ts'
import { usePrintSheet } from '../../composables/usePrintSheet.ts'
import { useSettingsStore } from '../../stores/settings.ts'
import { useTreatmentRecordStore } from '../../stores/treatmentRecord.ts'

/**
 * The client page's treatment record (病历档案): the client's header and every treatment (deduction), kept
 * fresh while shown, and its A4 print preview.
 */
export function useTreatmentRecord(client: Ref<Client | null>) {
  const store = useTreatmentRecordStore()
  const settings = useSettingsStore()
  const clinicName = computed(() => settings.clinicName)
  const age = computed(() => (client.value?.birthDate ? ageOn(client.value.birthDate, localDateOf(new Date())) : null))
  const printOpen = ref(false)
  /** The print template exists only while its preview is open, so the page prints nothing else meanwhile. */
  const printing = ref(false)

  async function print(): Promise<void> {
    printing.value = true
    await nextTick()
    printOpen.value = true
  }
  watch(printOpen, (open) => {
    if (!open) printing.value = false
  })
  useClientSection(client, store)
  usePrintSheet(printOpen)

  return { store, clinicName, age, printOpen, printing, print }
}
