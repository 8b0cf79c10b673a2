import { computed, onBeforeUnmount, onMounted, watch, type Ref } from 'vue'
import type { Client } from '../../../core/domain/client.ts'

/** A store of one client's data that stays fresh while attached (paramResource's open/attach). */
interface ClientScopedStore {
  open(clientId: number): Promise<void>
  attach(): () => void
}

/**
 * The lifecycle a section of the client page shares: its store listens for changes while the section is
 * mounted and reads the client shown (again when another client is shown).
 */
export function useClientSection(client: Ref<Client | null>, store: ClientScopedStore) {
  const clientId = computed(() => client.value?.id ?? null)
  watch(clientId, (id) => id !== null && void store.open(id))

  let detach: (() => void) | null = null
  onMounted(() => {
    detach = store.attach()
    if (clientId.value !== null) void store.open(clientId.value)
  })
  onBeforeUnmount(() => detach?.())
  return { clientId }
}
