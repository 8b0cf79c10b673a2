/**
 * The preload of every window (sandboxed, bundled into out/preload/index.cjs). It exposes exactly one
 * object, `window.frontDesk`, with `invoke`, `onChange` and `preview`. ipcRenderer itself, and the
 * IpcRendererEvent of a message, never reach the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { IPC_CHANGE_CHANNEL, IPC_INVOKE_CHANNEL, type FrontDeskBridge } from '../../core/api/bridge.ts'
import type { ChangeEvent } from '../../core/api/events.ts'

const frontDesk: FrontDeskBridge = {
  invoke(method, input) {
    return ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, input)
  },
  onChange(listener) {
    if (typeof listener !== 'function') throw new TypeError('onChange needs a function')
    const forward = (_event: IpcRendererEvent, change: ChangeEvent) => listener(change)
    ipcRenderer.on(IPC_CHANGE_CHANNEL, forward)
    return () => {
      ipcRenderer.removeListener(IPC_CHANGE_CHANNEL, forward)
    }
  },
  preview: false,
}

contextBridge.exposeInMainWorld('frontDesk', frontDesk)
