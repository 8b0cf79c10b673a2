import { schemaVersion } from '../../../db/migrate.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'

export const systemHandlers: PartialHandlerTable<'app.info'> = {
  'app.info': (ctx) => ({ ...ctx.appInfo, schemaVersion: schemaVersion(ctx.db) }),
}
