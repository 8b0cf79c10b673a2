import { ElMessage } from 'element-plus'
import { t } from '../i18n/index.ts'
import { ApiCallError } from './client.ts'

/** The operator-facing text of any error: the API's message, or the renderer's own for local failures. */
export function describeError(error: unknown): string {
  if (error instanceof ApiCallError) {
    if (error.code === 'not_connected') return t('errors.notConnected')
    if (error.code === 'transport') return t('errors.transport')
    return error.message
  }
  return t('errors.unexpected')
}

/** Shows an error to the operator (and logs what is not an expected refusal). */
export function showError(error: unknown): void {
  // The sign-in screen itself is the answer to a call made while nobody is signed in.
  if (error instanceof ApiCallError && error.code === 'unauthenticated') return
  if (!(error instanceof ApiCallError) || error.code === 'internal' || error.code === 'transport') {
    console.error(error)
  }
  ElMessage({ type: 'error', message: describeError(error), showClose: true, duration: 6000, grouping: true })
}

export function showSuccess(message: string): void {
  ElMessage({ type: 'success', message, duration: 2500, grouping: true })
}
