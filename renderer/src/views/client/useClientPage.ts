import { computed, onMounted, ref, watch, type Ref } from 'vue'
import { ageOn, localDateOf } from '../../../../core/domain/dates.ts'
import { useClientsStore } from '../../stores/clients.ts'
import { useStaffStore } from '../../stores/staff.ts'

/** A client's page: the record (re-read when it changes anywhere), the visits newest first, and the edit dialog. */
export function useClientPage(id: Ref<string>) {
  const clients = useClientsStore()
  const staff = useStaffStore()
  const editOpen = ref(false)
  const numericId = computed(() => {
    const n = Number(id.value)
    return Number.isInteger(n) && n > 0 ? n : null
  })
  const client = computed(() => (clients.detail && clients.detail.client.id === numericId.value ? clients.detail.client : null))
  const visits = computed(() =>
    clients.detail && client.value ? [...clients.detail.visits].sort((a, b) => b.visitDate.localeCompare(a.visitDate) || b.id - a.id) : [],
  )
  const age = computed(() => (client.value?.birthDate ? ageOn(client.value.birthDate, localDateOf(new Date())) : null))
  const staffName = (sid: number | null) => (sid === null ? '' : (staff.all.find((s) => s.id === sid)?.name ?? ''))
  const notFound = computed(() => numericId.value === null || (!clients.loading && clients.detail === null && clients.detailId === numericId.value))

  watch(numericId, (n) => void clients.open(n))
  onMounted(() => {
    void staff.ensureLoaded()
    void clients.open(numericId.value)
  })

  return { clients, client, visits, age, staffName, notFound, editOpen }
}
