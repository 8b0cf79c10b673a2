import { computed, onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ClientPhoto } from '../../../../core/domain/clientPhoto.ts'
import { showSuccess } from '../../api/notify.ts'
import { useClientPhotosStore } from '../../stores/clientPhotos.ts'
import { useSessionStore } from '../../stores/session.ts'

export interface PhotoDay {
  date: string
  photos: ClientPhoto[]
}

/** The latest photo of a kind (the list is oldest first), or null. */
function latestOf(photos: readonly ClientPhoto[], kind: ClientPhoto['kind']): number | null {
  return photos.findLast((p) => p.kind === kind)?.id ?? null
}

/**
 * The client page's photos: the list kept fresh while shown, grouped by day (newest day first), the
 * before / after comparison (by default the latest 术前 and the latest 术后), the enlarged one, hiding it.
 */
export function usePhotos(clientId: Ref<number | null>) {
  const { t } = useI18n()
  const store = useClientPhotosStore()
  const session = useSessionStore()
  const canImport = computed(() => session.may('treat'))
  const canHide = computed(() => session.may('admin'))

  const days = computed<PhotoDay[]>(() => {
    const byDay = Map.groupBy(store.photos, (p) => p.takenOn)
    return [...byDay.entries()].sort(([a], [b]) => b.localeCompare(a)).map(([date, photos]) => ({ date, photos }))
  })

  // The operator's picks; null follows the default (so a new import shows up in the comparison by itself).
  const pickedBefore = ref<number | null>(null)
  const pickedAfter = ref<number | null>(null)
  const known = (id: number | null) => (id !== null && store.photos.some((p) => p.id === id) ? id : null)
  const beforeId = computed({ get: () => known(pickedBefore.value) ?? latestOf(store.photos, 'before'), set: (id) => (pickedBefore.value = id) })
  const afterId = computed({ get: () => known(pickedAfter.value) ?? latestOf(store.photos, 'after'), set: (id) => (pickedAfter.value = id) })

  const viewingId = ref<number | null>(null)
  const viewing = computed(() => store.photos.find((p) => p.id === viewingId.value) ?? null)

  async function hide(photo: ClientPhoto, reason: string): Promise<void> {
    await store.hide(photo.id, reason)
    viewingId.value = null
    showSuccess(t('photos.viewer.hidden'))
  }

  function open(id: number | null): void {
    pickedBefore.value = null
    pickedAfter.value = null
    if (id !== null) void store.open(id)
  }
  watch(clientId, open)
  let detach: (() => void) | null = null
  onMounted(() => {
    detach = store.attach()
    open(clientId.value)
  })
  onBeforeUnmount(() => detach?.())

  return { store, canImport, canHide, days, beforeId, afterId, viewingId, viewing, hide }
}
