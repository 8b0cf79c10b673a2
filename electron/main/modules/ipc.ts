import { ipcMain } from 'electron'
import { IPC_INVOKE_CHANNEL } from '../../../core/api/bridge.ts'
import type { Envelope } from '../../../core/api/errors.ts'
import type { Dispatch } from '../../api/dispatcher.ts'
import { createSessionTable } from '../../api/sessions.ts'
import { isTrustedSender } from '../logic/appUrl.ts'
import { displayMayCall } from '../logic/displayPolicy.ts'
import type { Logger } from './logging.ts'

const UNTRUSTED: Envelope<never> = { ok: false, error: { code: 'forbidden', message: 'Untrusted sender / 来源不可信' } }
const DISPLAY_READ_ONLY: Envelope<never> = { ok: false, error: { code: 'forbidden', message: 'The waiting-room display only reads / 候诊显示屏只能读取' } }

/**
 * The one IPC handler of the whole API. Only the top frame of a page of the app itself may call; the
 * dispatcher validates, authorises (as the operator signed in at that window) and answers with an
 * envelope (never a thrown Error). Each window is a desk with its own sign-in; the display never signs in.
 */
export function enableIpc(dispatch: Dispatch, devUrl: string | null, logger: Logger, isDisplay: (webContentsId: number) => boolean): () => void {
  const sessions = createSessionTable()
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event, method: unknown, input: unknown) => {
    const frame = event.senderFrame
    if (!frame || frame.parent !== null || !isTrustedSender(frame.url, devUrl)) {
      logger.warn(`IPC refused from ${frame?.url ?? 'a destroyed frame'}`)
      return UNTRUSTED
    }
    if (isDisplay(event.sender.id) && !displayMayCall(method)) {
      logger.warn(`IPC refused from the display: ${typeof method === 'string' ? method.slice(0, 60) : typeof method}`)
      return DISPLAY_READ_ONLY
    }
    const key = String(event.sender.id)
    if (!sessions.has(key)) event.sender.once('destroyed', () => sessions.delete(key))
    return dispatch(method, input, isDisplay(event.sender.id) ? null : sessions.get(key))
  })
  return () => ipcMain.removeHandler(IPC_INVOKE_CHANNEL)
}
