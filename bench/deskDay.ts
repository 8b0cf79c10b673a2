// The desk's day through the API, for the benchmarks (no browser here: bench/memoryMain.ts loads it into
// the process it measures): the administrator of the ten-year file, the board, arrivals, a mid-morning.
import type { RegisterResult } from '../core/api/visits.ts'
import type { Staff } from '../core/domain/staff.ts'
import type { VisitRow } from '../core/domain/visit.ts'
import { DEMO_ADMIN } from '../electron/api/demo/demoClinic.ts'
import { category, gender, personName } from './people.ts'
import type { Rng } from './prng.ts'

export interface Who {
  name: string
  pin: string
}

/** Calls the API as one desk (over HTTP to a preview, or straight into a dispatcher). */
export interface Api {
  call<T>(method: string, input: unknown): Promise<T>
}

export { DEMO_ADMIN }
/** The administrator the bench adds to the ten-year file (the generator sets no PINs), through first-run setup. */
export const BENCH_ADMIN: Who = { name: '基准测试管理员', pin: '246810' }

/**
 * The ten-year file has staff but nobody who can sign in (no PINs): the app then shows its first-run setup,
 * and `setup.complete` is how a clinic adds its first administrator. The bench does the same on its copy.
 */
export async function ensureBenchAdmin(api: Api): Promise<'added' | 'present'> {
  const state = await api.call<{ setupNeeded: boolean }>('session.current', {})
  if (!state.setupNeeded) return 'present'
  await api.call('setup.complete', { clinicName: '十年基准诊所', adminName: BENCH_ADMIN.name, pin: BENCH_ADMIN.pin, repeatPin: BENCH_ADMIN.pin })
  return 'added'
}

let phoneSerial = 0
/** Phones no generated client has (196 is not among bench/people.ts's prefixes). */
export function benchPhone(): string {
  phoneSerial++
  return `196${String(process.pid % 10_000).padStart(4, '0')}${String(phoneSerial).padStart(4, '0')}`
}

export async function activeConsultants(api: Api): Promise<Staff[]> {
  return (await api.call<Staff[]>('staff.list', {})).filter((s) => s.role === 'consultant' && s.active)
}

/** Opens today's consultant board with every active consultant, unless it is open. */
export async function openBoard(api: Api): Promise<number> {
  const board = await api.call<{ opened: boolean }>('rotation.board', { kind: 'consultant' })
  const consultants = await activeConsultants(api)
  if (!board.opened) await api.call('rotation.open', { kind: 'consultant', memberIds: consultants.map((c) => c.id) })
  return consultants.length
}

export async function registerNewClient(api: Api, rng: Rng): Promise<RegisterResult> {
  const g = gender(rng)
  return api.call<RegisterResult>('visits.register', { type: 'first', newClient: { name: personName(rng, g), gender: g, phone: benchPhone(), intendedCategory: rng() < 0.3 ? category(rng) : null }, assign: true })
}

/**
 * A desk at mid-morning, through the API: the board open, `arrivals` new clients registered; the first
 * third already consulted and gone, the next third in consultation, the rest waiting (assigned or not).
 */
export async function midMorning(api: Api, rng: Rng, arrivals: number): Promise<{ consultants: number; visits: number }> {
  const consultants = await openBoard(api)
  const visits: VisitRow[] = []
  for (let i = 0; i < arrivals; i++) visits.push((await registerNewClient(api, rng)).visit)
  for (const [i, visit] of visits.entries()) {
    if (i >= (2 * arrivals) / 3 || visit.consultantId === null) continue
    const consulting = await api.call<VisitRow>('visits.setStatus', { visitId: visit.id, expectedVersion: visit.version, status: 'consulting' })
    if (i < arrivals / 3) await api.call('visits.setStatus', { visitId: consulting.id, expectedVersion: consulting.version, status: 'done' })
  }
  return { consultants, visits: arrivals }
}
