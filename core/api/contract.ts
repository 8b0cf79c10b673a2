import type { z } from 'zod'
import type { MethodSpec } from './method.ts'
import { appointmentMethods } from './appointments.ts'
import { cardMethods } from './cards.ts'
import { complaintMethods } from './complaints.ts'
import { consentMethods } from './consents.ts'
import { photoMethods } from './photos.ts'
import { storedValueMethods } from './storedValue.ts'
import { auditMethods } from './audit.ts'
import { backupMethods } from './backups.ts'
import { clientMethods } from './clients.ts'
import { consultationMethods } from './consultations.ts'
import { feeMethods } from './fees.ts'
import { partnerMethods } from './partners.ts'
import { followUpMethods } from './followUps.ts'
import { priceMethods } from './prices.ts'
import { rebateMethods } from './rebates.ts'
import { printMethods } from './print.ts'
import { queueMethods } from './queue.ts'
import { reportMethods } from './reports.ts'
import { rotationMethods } from './rotation.ts'
import { sessionMethods } from './session.ts'
import { settingsMethods } from './settings.ts'
import { staffMethods } from './staff.ts'
import { systemMethods } from './system.ts'
import { visitMethods } from './visits.ts'

/** The whole API between the renderer and the main process: `area.action` -> input schema and result. */
export const contract = {
  ...systemMethods,
  ...sessionMethods,
  ...staffMethods,
  ...settingsMethods,
  ...clientMethods,
  ...visitMethods,
  ...rotationMethods,
  ...queueMethods,
  ...priceMethods,
  ...printMethods,
  ...consultationMethods,
  ...feeMethods,
  ...backupMethods,
  ...auditMethods,
  ...reportMethods,
  ...appointmentMethods,
  ...followUpMethods,
  ...partnerMethods,
  ...rebateMethods,
  ...cardMethods,
  ...complaintMethods,
  ...consentMethods,
  ...photoMethods,
  ...storedValueMethods,
} satisfies Record<string, MethodSpec>

export type Contract = typeof contract
export type MethodName = keyof Contract
/** What a caller passes (defaults may be omitted). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
/** What a handler receives (after parsing and defaults). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type MethodResult<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer R> ? R : never

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}
