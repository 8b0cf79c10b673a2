import { listAudit } from '../../../db/audit.ts'
import { schemaVersion } from '../../../db/migrate.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'

export const systemHandlers: PartialHandlerTable<'app.info' | 'audit.list'> = {
  'app.info': (ctx) => ({ ...ctx.appInfo, schemaVersion: schemaVersion(ctx.db) }),
  'audit.list': (ctx, query) => listAudit(ctx.db, query),
}
