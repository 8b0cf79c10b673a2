import { DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { expect, vi } from 'vitest'
import { mountApp } from './mountApp.ts'
import { settle, type Harness } from './setup.ts'

/** The desk mounted, with its board switch turned to the doctors' or the nurses' board. */
export async function showPanel(harness: Harness, panel: 'doctor' | 'nurse'): Promise<VueWrapper> {
  const { wrapper } = await mountApp(harness, '/front-desk')
  await settle()
  await new DOMWrapper(document.body).get(`[data-testid="board-panel-${panel}"] input`).setValue(true)
  await settle()
  return wrapper
}

/** Answers the open ElMessageBox with its primary button. */
export async function confirmBox(): Promise<void> {
  await vi.waitFor(() => expect(document.querySelector('.el-message-box')).not.toBeNull())
  ;(document.querySelector('.el-message-box__btns .el-button--primary') as HTMLElement).click()
  await settle()
}
