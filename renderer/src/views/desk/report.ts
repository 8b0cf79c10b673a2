import { ElMessage } from 'element-plus'
import { ApiCallError } from '../../api/client.ts'
import { showError } from '../../api/notify.ts'
import { t } from '../../i18n/index.ts'

/**
 * Reports a failed desk action. A conflict means another window changed the record first: the store has
 * re-read it, so the operator is told to look again rather than shown a plain error.
 */
export function reportDeskError(error: unknown): void {
  if (error instanceof ApiCallError && error.code === 'conflict') {
    ElMessage({ type: 'warning', message: `${error.message}${t('desk.conflictReread')}`, showClose: true, duration: 6000, grouping: true })
    return
  }
  showError(error)
}
