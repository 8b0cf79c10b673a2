import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { BackupEntry, BackupProgress, BackupStatus } from '../../../core/domain/backup.ts'
import { api, isConnected } from '../api/client.ts'
import { showError } from '../api/notify.ts'

/**
 * Backups: the status (folder, last good backup, the desk's warning, the schedule), the files in the
 * folder, and the progress of a backup running now. Progress events are pushed while a backup runs; any
 * other 'backups' event means the list or status changed, and both are read again.
 */
export const useBackupsStore = defineStore('backups', () => {
  const status = ref<BackupStatus | null>(null)
  const entries = ref<BackupEntry[]>([])
  const progress = ref<BackupProgress | null>(null)
  const loading = ref(false)
  let initialised = false

  function init(): void {
    if (initialised || !isConnected()) return
    initialised = true
    api.onChange('backups', (event) => {
      if (event.progress) {
        progress.value = { phase: event.progress.phase as BackupProgress['phase'], percent: event.progress.percent }
        return
      }
      progress.value = null
      void refresh()
    })
  }

  async function refresh(): Promise<void> {
    loading.value = true
    try {
      const [nextStatus, nextEntries] = await Promise.all([api.call('backups.status', {}), api.call('backups.list', {})])
      status.value = nextStatus
      entries.value = nextEntries
    } catch (error) {
      showError(error)
    } finally {
      loading.value = false
    }
  }

  /** The status alone, for the desk's warning banner. */
  async function refreshStatus(): Promise<void> {
    try {
      status.value = await api.call('backups.status', {})
    } catch {
      // The banner is a hint: the backups page shows the error when opened.
    }
  }

  return { status, entries, progress, loading, init, refresh, refreshStatus }
})
