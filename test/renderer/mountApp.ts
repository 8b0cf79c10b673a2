import { mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import App from '../../renderer/src/App.vue'
import { routes } from '../../renderer/src/router/index.ts'
import { useSettingsStore } from '../../renderer/src/stores/settings.ts'
import { useStaffStore } from '../../renderer/src/stores/staff.ts'
import { settle, type Harness } from './setup.ts'

/** The whole app at `path`, started as main.ts starts it (stores initialised once). */
export async function mountApp(harness: Harness, path: string) {
  const router = createRouter({ history: createMemoryHistory(), routes })
  await useSettingsStore().init()
  useStaffStore().init()
  await router.push(path)
  const wrapper = mount(App, {
    global: { plugins: [...harness.global.plugins, router] } as never,
    attachTo: document.body,
  })
  await router.isReady()
  await settle()
  return { wrapper, router }
}
