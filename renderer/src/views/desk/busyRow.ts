import { ElMessageBox } from 'element-plus'
import { ref } from 'vue'
import { reportDeskError } from './report.ts'

/**
 * The row an action runs on, so that its buttons show it busy. A refusal is reported as every desk action
 * reports it (a conflict: look again) and gives undefined.
 */
export function useBusyRow() {
  const busyId = ref<number | null>(null)

  async function busy<T>(id: number, run: () => Promise<T>): Promise<T | undefined> {
    busyId.value = id
    try {
      return await run()
    } catch (error) {
      reportDeskError(error)
      return undefined
    } finally {
      busyId.value = null
    }
  }

  return { busyId, busy }
}

/** Asks before an action that ends something (a visit, an appointment); true when the operator confirmed. */
export async function confirmWarning(message: string, title: string, buttons: { confirm: string; cancel: string }): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, { type: 'warning', confirmButtonText: buttons.confirm, cancelButtonText: buttons.cancel })
    return true
  } catch {
    return false
  }
}
