import type { HandlerTable } from '../handlerTable.ts'
import { settingsHandlers } from './settings.ts'
import { staffHandlers } from './staff.ts'
import { systemHandlers } from './system.ts'

export const handlers: HandlerTable = {
  ...systemHandlers,
  ...staffHandlers,
  ...settingsHandlers,
}
