import { ElMessage } from 'element-plus'
import { onMounted, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { BackupEntry, BackupScheduleView } from '../../../../core/domain/backup.ts'
import { api, ApiCallError, isPreview } from '../../api/client.ts'
import { describeError, showError, showSuccess } from '../../api/notify.ts'
import { useBackupsStore } from '../../stores/backups.ts'

/** How long the "restoring" notice shows before the page reloads into the restored data. */
export const RELOAD_AFTER_RESTORE_MS = 1500

/** The backups page: back up now (with progress), check a file, restore one, and the schedule. */
export function useBackups() {
  const { t } = useI18n()
  const store = useBackupsStore()
  const backingUp = ref(false)
  const verifying = ref<string | null>(null)
  const savingSchedule = ref(false)
  const scheduleErrors = reactive<Record<string, string>>({})
  const restoreFor = ref<BackupEntry | null>(null)
  const restoreOpen = ref(false)
  const restoring = ref(false)
  const restoreError = ref('')

  async function backupNow(): Promise<void> {
    if (backingUp.value) return
    backingUp.value = true
    try {
      const entry = await api.call('backups.create', {})
      const photos = entry.photos?.stored ?? 0
      showSuccess(photos > 0 ? t('backups.actions.doneWithPhotos', { file: entry.file, count: photos }) : t('backups.actions.done', { file: entry.file }))
      if (entry.photos && entry.photos.missing > 0) {
        // Stays until closed: a picture that could not be backed up needs someone to look at the photos folder.
        ElMessage({ type: 'warning', message: t('backups.actions.photosMissing', { count: entry.photos.missing, paths: (entry.missingPhotoPaths ?? []).join('、') }), showClose: true, duration: 0 })
      }
    } catch (error) {
      showError(error)
    } finally {
      backingUp.value = false
      store.progress = null
      await store.refresh()
    }
  }

  async function verify(entry: BackupEntry): Promise<void> {
    verifying.value = entry.file
    try {
      const check = await api.call('backups.verify', { file: entry.file })
      if (check.ok) showSuccess(t('backups.actions.verified', { file: entry.file }))
      else if (check.reason === 'photos_missing') showError(new ApiCallError('rule_violation', t('backups.actions.checkPhotosMissing', { file: entry.file, count: check.photosMissing ?? 0 })))
      else showError(new ApiCallError('rule_violation', t(`backups.refused.${check.reason ?? 'unreadable'}`)))
      await store.refresh()
    } catch (error) {
      showError(error)
    } finally {
      verifying.value = null
    }
  }

  async function saveSchedule(schedule: Omit<BackupScheduleView, 'passphraseSet'>, passphrase: string | undefined): Promise<void> {
    savingSchedule.value = true
    for (const key of Object.keys(scheduleErrors)) delete scheduleErrors[key]
    try {
      await api.call('backups.setSchedule', { ...schedule, ...(passphrase ? { passphrase } : {}) })
      showSuccess(t('backups.schedule.saved'))
      await store.refresh()
    } catch (error) {
      if (error instanceof ApiCallError) Object.assign(scheduleErrors, error.fields)
      showError(error)
    } finally {
      savingSchedule.value = false
    }
  }

  async function chooseFolder(): Promise<string | null> {
    try {
      return (await api.call('backups.chooseFolder', {})).folder
    } catch (error) {
      showError(error)
      return null
    }
  }

  function askRestore(entry: BackupEntry): void {
    restoreFor.value = entry
    restoreError.value = ''
    restoreOpen.value = true
  }

  /** Checks and restores; on success the app restarts into the restored data. A refusal stays in the dialog. */
  async function restore(passphrase: string | undefined): Promise<void> {
    const entry = restoreFor.value
    if (!entry || restoring.value) return
    restoring.value = true
    restoreError.value = ''
    try {
      await api.call('backups.restore', { file: entry.file, ...(passphrase ? { passphrase } : {}) })
      showSuccess(t('backups.actions.restoring'))
      // The desktop app restarts into the restored data; the web preview reopens its database, and the page reloads.
      setTimeout(() => window.location.reload(), RELOAD_AFTER_RESTORE_MS)
    } catch (error) {
      restoreError.value = describeError(error)
    } finally {
      restoring.value = false
    }
  }

  onMounted(() => {
    store.init()
    void store.refresh()
  })

  return { store, backingUp, verifying, savingSchedule, scheduleErrors, restoreFor, restoreOpen, restoring, restoreError, canChoose: !isPreview(), backupNow, verify, saveSchedule, chooseFolder, askRestore, restore }
}
