import { computed, onBeforeUnmount, onMounted, watch, type Ref } from 'vue'
import { useClientScheduleStore } from '../../stores/clientSchedule.ts'

/** The client page's appointments (newest first) and follow-up calls (by due date), kept fresh while shown. */
export function useClientSchedule(clientId: Ref<number | null>) {
  const store = useClientScheduleStore()
  const appointments = computed(() => [...store.appointments].sort((a, b) => b.date.localeCompare(a.date) || b.time.localeCompare(a.time) || b.id - a.id))
  const followUps = computed(() => [...store.followUps].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id - b.id))

  function open(id: number | null): void {
    if (id !== null) void store.open(id)
  }
  watch(clientId, open)

  let detach: (() => void) | null = null
  onMounted(() => {
    detach = store.attach()
    open(clientId.value)
  })
  onBeforeUnmount(() => detach?.())

  return { appointments, followUps, loading: computed(() => store.loading) }
}
