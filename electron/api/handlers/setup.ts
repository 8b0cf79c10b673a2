import { DomainError } from '../../../core/api/errors.ts'
import { writeMeta } from '../../../db/appMeta.ts'
import { writeSettings } from '../../../db/settings.ts'
import { countSignInAdministrators, findActiveStaffByName, insertStaff, setStaffPin } from '../../../db/staff.ts'
import { insertPriceItem } from '../../../db/priceItems.ts'
import { pluckStmt } from '../../../db/statements.ts'
import type { ReadableDb } from '../../../db/types.ts'
import { hashPin } from '../auth/pinHash.ts'
import type { HandlerContext } from '../context.ts'
import { DEMO_ADMIN, DEMO_CLASSIFICATION, DEMO_PRICE_LIST, DEMO_SETTINGS, DEMO_STAFF, demoFen } from '../demo/demoClinic.ts'
import { seedDemoPartners } from '../demo/demoPartners.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'
import { sessionState, signInAfterCommit } from './session.ts'

/** Setup is open only while no administrator can sign in: afterwards it is a sign-in like any other. */
function refuseUnlessSetupNeeded(db: ReadableDb): void {
  if (countSignInAdministrators(db) > 0) throw new DomainError('conflict', 'session.setupDone')
}

const hasRows = (db: ReadableDb, table: 'staff' | 'clients') => (pluckStmt(db, `SELECT EXISTS (SELECT 1 FROM ${table})`).get() as number) === 1

function finish(ctx: HandlerContext, operator: { id: number; name: string }, summary: string) {
  const signedIn = { id: operator.id, name: operator.name, role: 'administrator' as const }
  signInAfterCommit(ctx, signedIn)
  ctx.audit(summary, signedIn)
  ctx.emit({ topic: 'staff' })
  ctx.emit({ topic: 'settings' })
  return { ...sessionState(ctx.db, signedIn), setupNeeded: false }
}

export const setupHandlers: PartialHandlerTable<'setup.complete' | 'setup.loadDemo'> = {
  'setup.complete': (ctx, { clinicName, adminName, pin }) => {
    refuseUnlessSetupNeeded(ctx.db)
    if (findActiveStaffByName(ctx.db, adminName)) throw new DomainError('conflict', 'error.staffNameTaken', { name: adminName }, 'adminName')
    const now = ctx.now()
    writeSettings(ctx.db, { clinicName }, now)
    const admin = insertStaff(ctx.db, { name: adminName, role: 'administrator', phone: '', room: '', skills: [] }, now)
    setStaffPin(ctx.db, admin.id, hashPin(pin), now)
    return finish(ctx, admin, `初始设置：诊所“${clinicName}”，管理员 ${adminName} #${admin.id}`)
  },

  'setup.loadDemo': (ctx) => {
    refuseUnlessSetupNeeded(ctx.db)
    if (hasRows(ctx.db, 'staff') || hasRows(ctx.db, 'clients')) throw new DomainError('conflict', 'session.demoNeedsEmpty')
    const now = ctx.now()
    writeSettings(ctx.db, DEMO_SETTINGS, now)
    let adminId = 0
    for (const { pin, ...fields } of DEMO_STAFF) {
      const member = insertStaff(ctx.db, fields, now)
      if (pin !== null) setStaffPin(ctx.db, member.id, hashPin(pin), now)
      if (member.name === DEMO_ADMIN.name) adminId = member.id
    }
    for (const [code, name, category, unit, price, floor, cost] of DEMO_PRICE_LIST) {
      const fields = { code, name, category, unit, listPriceFen: demoFen(price), floorPriceFen: floor === undefined ? null : demoFen(floor), costFen: cost === undefined ? null : demoFen(cost), specialPrice: false }
      insertPriceItem(ctx.db, { ...fields, ...DEMO_CLASSIFICATION[code] }, true, now)
    }
    const admin = { id: adminId, name: DEMO_ADMIN.name }
    const partners = seedDemoPartners(ctx.db, ctx.today(), now, admin)
    writeMeta(ctx.db, 'demo', '1')
    ctx.emit({ topic: 'prices' })
    ctx.emit({ topic: 'partners' })
    return finish(ctx, admin, `载入演示诊所：${DEMO_STAFF.length + partners.staff} 名员工，${DEMO_PRICE_LIST.length} 个价目，${partners.stores} 家合作店家`)
  },
}
