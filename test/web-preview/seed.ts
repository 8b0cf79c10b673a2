import type { Dispatch } from '../../electron/api/dispatcher.ts'
import { newDeskSession } from '../../electron/api/sessions.ts'

export { DEMO_ADMIN, DEMO_PRICE_LIST, DEMO_STAFF } from '../../electron/api/demo/demoClinic.ts'

/** The web preview's demo clinic: the first-run setup's own "load the demo" action, as a user would choose it. */
export async function seedDemoClinic(dispatch: Dispatch): Promise<void> {
  const result = await dispatch('setup.loadDemo', {}, newDeskSession())
  if (!result.ok) throw new Error(`seed setup.loadDemo: ${result.error.message}`)
}
