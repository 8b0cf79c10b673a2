import { ElMessageBox } from 'element-plus'
import { reactive } from 'vue'
import { useI18n } from 'vue-i18n'
import { showSuccess } from '../../api/notify.ts'
import { useFormSubmit } from '../../composables/useFormSubmit.ts'
import { useSessionStore } from '../../stores/session.ts'

/** The first-run setup: the clinic's name and its first administrator, or the demo clinic instead. */
export function useSetup() {
  const session = useSessionStore()
  const { t } = useI18n()
  const form = reactive({ clinicName: '', adminName: '', pin: '', repeatPin: '' })
  const { busy, serverErrors, formError, submit, show, clear } = useFormSubmit(
    form,
    ['clinicName', 'adminName', 'pin', 'repeatPin'] as const,
    () => session.completeSetup({ ...form }),
    () => showSuccess(t('session.setup.done')),
  )

  async function loadDemo(): Promise<void> {
    if (busy.value) return
    try {
      await ElMessageBox.confirm(t('session.setup.demoConfirm'), t('session.setup.demo'), { type: 'warning', confirmButtonText: t('common.confirm'), cancelButtonText: t('common.cancel') })
    } catch {
      return // cancelled
    }
    busy.value = true
    clear()
    try {
      await session.loadDemo()
    } catch (error) {
      show(error)
    } finally {
      busy.value = false
    }
  }

  return { form, busy, serverErrors, formError, submit, loadDemo }
}
