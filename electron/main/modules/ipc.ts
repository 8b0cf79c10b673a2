import { ipcMain } from 'electron'
import { IPC_INVOKE_CHANNEL } from '../../../core/api/bridge.ts'
import type { Envelope } from '../../../core/api/errors.ts'
import { LOCAL_DESK_OPERATOR } from '../../../core/api/operator.ts'
import type { Dispatch } from '../../api/dispatcher.ts'
import { isTrustedSender } from '../logic/appUrl.ts'
import type { Logger } from './logging.ts'

const UNTRUSTED: Envelope<never> = { ok: false, error: { code: 'forbidden', message: 'Untrusted sender / 来源不可信' } }

/**
 * The one IPC handler of the whole API. Only the top frame of a page of the app itself may call; the
 * dispatcher validates, authorises, runs and answers with an envelope (never a thrown Error).
 */
export function enableIpc(dispatch: Dispatch, devUrl: string | null, logger: Logger): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event, method: unknown, input: unknown) => {
    const frame = event.senderFrame
    if (!frame || frame.parent !== null || !isTrustedSender(frame.url, devUrl)) {
      logger.warn(`IPC refused from ${frame?.url ?? 'a destroyed frame'}`)
      return UNTRUSTED
    }
    return dispatch(method, input, LOCAL_DESK_OPERATOR)
  })
  return () => ipcMain.removeHandler(IPC_INVOKE_CHANNEL)
}
