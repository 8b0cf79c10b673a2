import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { DisplayWindowState } from '../../../core/api/queue.ts'
import { api, isConnected } from '../api/client.ts'
import { showError } from '../api/notify.ts'

/**
 * Whether the waiting-room display window is open. In the desktop app main opens and closes it (and
 * pushes a 'display' change, also when the menu did it); in the web preview it is a browser tab.
 */
export const useDisplayWindowStore = defineStore('displayWindow', () => {
  const state = ref<DisplayWindowState>({ available: false, open: false })
  let initialised = false

  async function load(): Promise<void> {
    try {
      state.value = await api.call('display.state', {})
    } catch (error) {
      showError(error)
    }
  }

  function init(): void {
    if (initialised || !isConnected()) return
    initialised = true
    api.onChange('display', () => void load())
    void load()
  }

  async function toggle(): Promise<void> {
    if (!state.value.available) {
      window.open('#/display', 'front-desk-display')
      return
    }
    try {
      state.value = await api.call('display.setOpen', { open: !state.value.open })
    } catch (error) {
      showError(error)
    }
  }

  return { state, init, load, toggle }
})
