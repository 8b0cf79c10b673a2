// A deterministic ten-year history of a large clinic, written straight into a database file through the
// project's own db layer (insertStaff, insertClient, insertVisit, nextCounter, updateVisitStatus, ...) and
// the real rotation engine (decide / applyEvent -> appendBoardEvent). No dispatcher: 550k visits through
// it would take too long; everything it writes is what the handlers would have written, minus audit rows.
//
//   node bench/generate.ts [out.sqlite] [--seed=N] [--end=YYYY-MM-DD] [--years=N] [--force]
//
// The file is reused when its app_meta 'bench_generator' marker matches version, seed, end and years.
import './tz.ts'
import Database from 'better-sqlite3'
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_ARCHIVE_TEMPLATE, formatArchiveNumber } from '../core/domain/archiveNumber.ts'
import type { ServiceCategory } from '../core/domain/categories.ts'
import type { Outcome, VisitStatus, VisitType } from '../core/domain/visit.ts'
import { formatQueueNumber } from '../core/domain/queueNumber.ts'
import { DEFAULT_SETTINGS } from '../core/domain/settings.ts'
import {
  applyEvent,
  decide,
  DEFAULT_POLICIES,
  findMember,
  initialState,
  nextInTurn,
  type BoardCommand,
  type BoardState,
  type MemberInput,
} from '../core/rotation/index.ts'
import { insertClient, setOwnConsultant } from '../db/clients.ts'
import { nextCounter } from '../db/counters.ts'
import { closeDatabase, openDatabase } from '../db/open.ts'
import { appendBoardEvent } from '../db/rotation.ts'
import { insertStaff, setStaffActive } from '../db/staff.ts'
import type { WritableDb } from '../db/types.ts'
import { insertVisit, setVisitConsultant, setVisitOutcome, updateVisitStatus } from '../db/visits.ts'
import { category, channel, gender, mobile, NO_DEAL_REASONS, OCCUPATIONS, personName } from './people.ts'
import { gaussian, int, mulberry32, pick, shuffle, type Rng } from './prng.ts'

/** Bump when the generated content changes, so old files are regenerated. */
export const GENERATOR_VERSION = 1
export const DEFAULT_SEED = 20_261_101
/** "Today" of the generated clinic: the history ends the day before. Fixed, so the file is reproducible. */
export const DEFAULT_END = '2026-11-01'
export const DEFAULT_YEARS = 10
export const DEFAULT_PATH = resolve(import.meta.dirname, '.data/clinic-10y.sqlite')

export interface GenerateOptions {
  seed: number
  end: string
  years: number
}

export interface GeneratedCounts {
  days: number
  staff: number
  consultants: number
  activeConsultants: number
  clients: number
  visits: number
  visitsByType: Record<VisitType, number>
  visitStatusRows: number
  rotationEvents: number
  counters: number
  seconds: number
}

export interface Marker extends GenerateOptions {
  version: number
  counts: GeneratedCounts
}

const ACTOR = '前台'
const POLICIES = DEFAULT_POLICIES
const PREFIXES = DEFAULT_SETTINGS.queuePrefixes
/** Mean arrivals per open day, before weekday and season factors (which average about 1.0). */
const MEAN_ARRIVALS = 153
const TYPE_SHARE = { first: 0.545, returning: 0.3 } // review: the rest

// ---------------------------------------------------------------- dates

function addDays(date: string, days: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

function weekday(date: string): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay()
}

/** ISO-8601 UTC of a local (clinic) time: minutes and seconds after midnight of `date`. */
function localIso(date: string, minute: number, second = 0): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number)
  return new Date(y, m - 1, d, 0, minute, second).toISOString()
}

// ---------------------------------------------------------------- staff plan

interface Consultant extends MemberInput {
  room: string
  phone: string
  startDay: number
  /** First day no longer employed (exclusive); Infinity while employed. */
  endDay: number
}

function planConsultants(rng: Rng, days: number, phones: Set<string>): Consultant[] {
  const uniquePhone = () => {
    for (;;) {
      const p = mobile(rng)
      if (!phones.has(p)) return phones.add(p), p
    }
  }
  const skillsFor = (i: number): ServiceCategory[] => (i % 7 === 3 ? ['skin', 'injection', 'laser'] : i % 7 === 5 ? ['surgery', 'body'] : [])
  const list: Consultant[] = []
  for (let i = 0; i < 20; i++) {
    list.push({ id: 0, name: personName(rng, 'female'), skills: skillsFor(i), room: String(i + 1), phone: uniquePhone(), startDay: 0, endDay: Infinity })
  }
  // Turnover: eight consultants leave over the years, each replaced the same week; 20 on staff at the end.
  for (let k = 0; k < 8; k++) {
    const leaver = list[int(rng, 0, list.length - 1)] as Consultant
    if (leaver.endDay !== Infinity || leaver.startDay > days - 400) continue
    const day = int(rng, Math.max(leaver.startDay + 200, 300), days - 120)
    leaver.endDay = day
    list.push({ id: 0, name: personName(rng, rng() < 0.85 ? 'female' : 'male'), skills: leaver.skills, room: leaver.room, phone: uniquePhone(), startDay: day + int(rng, 0, 6), endDay: Infinity })
  }
  return list
}

// ---------------------------------------------------------------- one day

interface Pending {
  visitId: number
  version: number
  type: VisitType
  clientId: number
  arrived: number
  command: BoardCommand
  duration: number
}

interface Serving {
  visitId: number
  version: number
  type: VisitType
  memberId: number
  end: number
}

interface World {
  db: WritableDb
  rng: Rng
  phones: Set<string>
  /** client id -> own consultant id (0 = none). */
  ownerOf: Int32Array
  /** Clients with an own consultant, oldest first (returning visits draw from here, recent ones more often). */
  owned: number[]
  consultants: Consultant[]
  counts: GeneratedCounts
}

function simulateDay(w: World, date: string, dayIndex: number): void {
  const { db, rng } = w
  let state: BoardState = initialState()
  let minute = 0
  let second = 0
  const at = () => localIso(date, minute, Math.min(59, second++))

  const command = (cmd: BoardCommand): boolean => {
    const decision = decide(state, { actor: ACTOR, ...cmd }, POLICIES, at())
    if (!decision.ok) return false
    appendBoardEvent(db, date, 'consultant', decision.event)
    state = applyEvent(state, decision.event)
    w.counts.rotationEvents++
    return true
  }
  const status = (visitId: number, version: number, to: VisitStatus): number => {
    if (!updateVisitStatus(db, visitId, version, to, at(), ACTOR)) throw new Error(`visit ${visitId}: version ${version} stale`)
    w.counts.visitStatusRows++
    return version + 1
  }

  // Staff changes of the day.
  for (const c of w.consultants) {
    if (c.startDay === dayIndex && dayIndex > 0) {
      c.id = insertStaff(db, { name: c.name, role: 'consultant', phone: c.phone, room: c.room, skills: c.skills }, localIso(date, 8 * 60)).id
      w.counts.staff++
    }
    if (c.endDay === dayIndex) setStaffActive(db, c.id, false, localIso(date, 8 * 60))
  }

  // Who works today, who comes late, who leaves early, who takes a break.
  const employed = w.consultants.filter((c) => c.startDay <= dayIndex && dayIndex < c.endDay)
  let onDuty = employed.filter(() => rng() > 0.15)
  if (onDuty.length < 12) onDuty = employed.slice(0, 12)
  const late = new Map<number, number>()
  const early = new Map<number, number>()
  const breaks = new Map<number, [number, number]>()
  for (const c of onDuty) {
    if (rng() < 0.1) late.set(c.id, int(rng, 600, 780))
    else if (rng() < 0.06) early.set(c.id, int(rng, 1020, 1140))
    if (rng() < 0.35) {
      const start = int(rng, 690, 840)
      breaks.set(c.id, [start, start + int(rng, 15, 50)])
    }
  }
  const openers = shuffle(rng, onDuty.filter((c) => !late.has(c.id)))

  // Arrivals: weekends busier, Mondays quieter, a little season, noise; morning and afternoon peaks.
  const dow = weekday(date)
  const month = Number(date.slice(5, 7))
  const factor = (dow === 0 || dow === 6 ? 1.22 : dow === 1 ? 0.86 : 0.96) * (month === 12 || month === 1 || month === 7 ? 1.08 : month === 2 ? 0.88 : 0.99)
  const mean = MEAN_ARRIVALS * factor
  const n = Math.max(40, Math.round(mean + gaussian(rng) * Math.sqrt(mean)))
  const arrivalMinutes: number[] = []
  for (let i = 0; i < n; i++) {
    const r = rng()
    const m = r < 0.6 ? int(rng, 570, 1199) : r < 0.85 ? Math.round(660 + 40 * gaussian(rng)) : Math.round(900 + 60 * gaussian(rng))
    arrivalMinutes.push(Math.min(1230, Math.max(570, m)))
  }
  arrivalMinutes.sort((a, b) => a - b)
  let nextArrival = 0

  const pending: Pending[] = []
  const serving: Serving[] = []
  const today = new Set<number>()
  const pendingBreaks = new Map(breaks)

  const register = (): void => {
    const arrivalIso = at()
    const r = rng()
    let type: VisitType = r < TYPE_SHARE.first ? 'first' : r < TYPE_SHARE.first + TYPE_SHARE.returning ? 'returning' : 'review'
    if (type !== 'first' && w.owned.length < 2000) type = 'first'
    let clientId = 0
    if (type !== 'first') {
      for (let tries = 0; tries < 5 && clientId === 0; tries++) {
        const u = rng()
        const candidate = w.owned[Math.floor(w.owned.length * (1 - u * u))] as number
        if (!today.has(candidate)) clientId = candidate
      }
      if (clientId === 0) type = 'first'
    }
    const visitChannel = type === 'first' ? channel(rng) : rng() < 0.6 ? 'phone' : 'walk_in'
    const intended = category(rng)
    if (type === 'first') {
      const g = gender(rng)
      let phone = mobile(rng)
      while (w.phones.has(phone)) phone = mobile(rng)
      w.phones.add(phone)
      const year = Number(date.slice(0, 4))
      const archiveNo = formatArchiveNumber(DEFAULT_ARCHIVE_TEMPLATE, nextCounter(db, 'archive'), date)
      const client = insertClient(
        db,
        archiveNo,
        {
          name: personName(rng, g),
          gender: g,
          birthDate: rng() < 0.7 ? `${year - int(rng, 18, 58)}-${String(int(rng, 1, 12)).padStart(2, '0')}-${String(int(rng, 1, 28)).padStart(2, '0')}` : null,
          phone,
          occupation: pick(rng, OCCUPATIONS),
          ownConsultantId: null,
          channel: visitChannel,
          intendedCategory: intended,
          allergies: rng() < 0.05 ? pick(rng, ['青霉素', '利多卡因', '海鲜', '花粉', '透明质酸']) : '',
          notes: '',
        },
        arrivalIso,
      )
      clientId = client.id
      w.counts.clients++
    }
    today.add(clientId)
    const owner = w.ownerOf[clientId] ?? 0
    const onBoard = state.board ? state.board.order : []
    let designated: number | null = null
    let duration = 0
    if (type === 'first') {
      duration = int(rng, 30, 75)
      if (rng() < 0.06 && onBoard.length > 0) designated = pick(rng, onBoard)
    } else if (type === 'returning') {
      duration = int(rng, 20, 45)
    } else if (rng() < 0.3 && onBoard.includes(owner)) {
      duration = int(rng, 15, 25)
      designated = owner
    }
    const queueSeq = nextCounter(db, `queue:${date}:${type}`)
    const visit = insertVisit(
      db,
      {
        clientId,
        visitDate: date,
        type,
        queueSeq,
        queueNo: formatQueueNumber(PREFIXES[type], queueSeq),
        channel: visitChannel,
        designatedConsultantId: designated,
        intendedCategory: intended,
      },
      arrivalIso,
      ACTOR,
    )
    w.counts.visits++
    w.counts.visitsByType[type]++
    w.counts.visitStatusRows++

    // The same choice as the register handler's autoCommand.
    const cmd: BoardCommand | null =
      designated !== null
        ? { type: 'assignDesignated', visitId: visit.id, memberId: designated, category: intended }
        : type === 'first'
          ? { type: 'assignNext', visitId: visit.id, category: intended }
          : type === 'returning'
            ? { type: 'assignReturning', visitId: visit.id, ownerId: owner, category: intended }
            : null
    if (cmd) {
      pending.push({ visitId: visit.id, version: visit.version, type, clientId, arrived: minute, command: cmd, duration })
    } else {
      // A review or treatment visit without a consultation turn: seen briefly, treated, done (canMove's flow).
      status(visit.id, status(visit.id, status(visit.id, visit.version, 'consulting'), 'treatment'), 'done')
    }
  }

  const tryAssign = (p: Pending): boolean => {
    let cmd = p.command
    // Rule 6 now and then: the member whose turn it is passes before the next rotation client.
    if (cmd.type === 'assignNext' && rng() < 0.02) {
      const turn = nextInTurn(state, POLICIES, null)
      if (turn !== null && nextInTurn(state, POLICIES, cmd.category ?? null) === turn) command({ type: 'pass', memberId: turn, reason: pick(rng, [null, '身体不适', '在等预约顾客']) })
    }
    let ok = command(cmd)
    if (!ok && minute - p.arrived >= 45 && cmd.type !== 'assignNext') {
      // Waited 45 minutes for a named consultant: the desk gives the client to whoever is next (rule 9).
      const memberId = nextInTurn(state, POLICIES, null)
      if (memberId !== null) {
        cmd = { type: 'assignManual', visitId: p.visitId, memberId, reason: '指定咨询师忙，顾客不愿久等', visitKind: cmd.type === 'assignReturning' ? 'returning' : 'designated' }
        ok = command(cmd)
      }
    }
    if (!ok) return false
    if (cmd.type === 'assignNext' && rng() < 0.003) {
      // Rule 11: the desk undoes a rotation assignment by mistake and gives it again.
      command({ type: 'undo' })
      if (!command(cmd)) return false
    }
    const assignment = state.board?.assignments.find((a) => a.visitId === p.visitId)
    if (!assignment) throw new Error(`visit ${p.visitId} not assigned after an accepted event`)
    setVisitConsultant(db, p.visitId, assignment.memberId, assignment.how)
    let v = p.version + 1
    if (rng() < 0.5) v = status(p.visitId, v, 'called')
    v = status(p.visitId, v, 'consulting')
    if (p.type === 'first' && (w.ownerOf[p.clientId] ?? 0) === 0) {
      setOwnConsultant(db, p.clientId, assignment.memberId, at())
      w.ownerOf[p.clientId] = assignment.memberId
      w.owned.push(p.clientId)
    }
    serving.push({ visitId: p.visitId, version: v, type: p.type, memberId: assignment.memberId, end: minute + p.duration })
    return true
  }

  const finish = (s: Serving): void => {
    command({ type: 'finish', visitId: s.visitId })
    const dealRate = s.type === 'first' ? 0.42 : s.type === 'returning' ? 0.58 : 0.7
    const outcome: Outcome = rng() < dealRate ? 'deal' : 'no_deal'
    setVisitOutcome(db, s.visitId, outcome, outcome === 'deal' ? '' : pick(rng, NO_DEAL_REASONS))
    let v = s.version + 1
    if (outcome === 'deal') v = status(s.visitId, v, 'billing')
    status(s.visitId, v, 'done')
  }

  for (minute = 540; minute <= 1260; minute++) {
    second = 0
    if (minute === 540) command({ type: 'open', date, kind: 'consultant', members: openers.map(({ id, name, skills }) => ({ id, name, skills })), continueFrom: null })
    let freed = false
    for (let i = serving.length - 1; i >= 0; i--) {
      const s = serving[i] as Serving
      if (s.end <= minute || minute === 1260) {
        serving.splice(i, 1)
        finish(s)
        freed = true
      }
    }
    const statusOf = (id: number) => (state.board ? findMember(state.board, id)?.status : undefined)
    for (const [id, [, end]] of breaks) {
      if (end === minute && statusOf(id) === 'break') freed = command({ type: 'breakEnd', memberId: id }) || freed
    }
    for (const [id, m] of late) {
      const c = onDuty.find((x) => x.id === id) as Consultant
      if (m === minute) freed = command({ type: 'signIn', member: { id, name: c.name, skills: c.skills } }) || freed
    }
    for (const [id, m] of early) {
      if (m <= minute && statusOf(id) === 'available' && command({ type: 'signOut', memberId: id })) early.delete(id)
    }
    for (const [id, [start, end]] of pendingBreaks) {
      if (start <= minute && minute < end - 10 && statusOf(id) === 'available') {
        if (command({ type: 'breakStart', memberId: id })) {
          pendingBreaks.delete(id)
          breaks.set(id, [minute, end])
        }
      }
    }
    let arrived = false
    while (nextArrival < arrivalMinutes.length && arrivalMinutes[nextArrival] === minute && minute < 1260) {
      register()
      nextArrival++
      arrived = true
    }
    if ((freed || arrived || minute % 5 === 0) && pending.length > 0) {
      // The desk serves clients who wait for a named consultant first, then the rotation queue in order.
      for (const named of [true, false]) {
        for (let i = 0; i < pending.length; ) {
          const p = pending[i] as Pending
          if ((p.command.type !== 'assignNext') !== named) i++
          else if (tryAssign(p)) pending.splice(i, 1)
          else if (named || minute - p.arrived < 75) i++
          else {
            // Waited over an hour and a quarter for anyone: the client leaves.
            status(p.visitId, p.version, 'left')
            pending.splice(i, 1)
          }
        }
      }
    }
  }
  // Closing time: whoever still waits has left.
  minute = 1260
  for (const p of pending) status(p.visitId, p.version, 'left')
}

// ---------------------------------------------------------------- the file

/**
 * The db layer prepares its SQL on every call (about a fifth of the generator's time). For the generator
 * only, the connection's prepare() keeps one statement per SQL text: the same functions and SQL run, just
 * without recompiling. Safe because every SQL text in db/ is used with one mode (pluck or not). The
 * benchmark itself never does this: it measures the db layer as it is.
 */
function cacheStatements(db: WritableDb): void {
  const prepare = db.prepare.bind(db)
  const cache = new Map<string, ReturnType<typeof prepare>>()
  ;(db as { prepare: typeof prepare }).prepare = ((sql: string) => {
    let statement = cache.get(sql)
    if (!statement) cache.set(sql, (statement = prepare(sql)))
    return statement
  }) as typeof prepare
}

export function readMarker(path: string): Marker | null {
  if (!existsSync(path)) return null
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true })
    try {
      const row = db.prepare("SELECT value FROM app_meta WHERE key = 'bench_generator'").get() as { value: string } | undefined
      return row ? (JSON.parse(row.value) as Marker) : null
    } finally {
      db.close()
    }
  } catch {
    return null
  }
}

function matches(marker: Marker | null, options: GenerateOptions): marker is Marker {
  return marker !== null && marker.version === GENERATOR_VERSION && marker.seed === options.seed && marker.end === options.end && marker.years === options.years
}

/** Writes the history to `path` (through a .partial file, renamed when complete). */
export function generate(path: string, options: GenerateOptions, log: (line: string) => void = console.log): Marker {
  const started = performance.now()
  mkdirSync(dirname(path), { recursive: true })
  const partial = `${path}.partial`
  for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true })
  const { db } = openDatabase(partial)
  cacheStatements(db)
  const rng = mulberry32(options.seed)
  const first = addDays(options.end, -Math.round(options.years * 365.25))
  const days = Math.round(options.years * 365.25)
  const counts: GeneratedCounts = {
    days,
    staff: 0,
    consultants: 0,
    activeConsultants: 0,
    clients: 0,
    visits: 0,
    visitsByType: { first: 0, returning: 0, review: 0 },
    visitStatusRows: 0,
    rotationEvents: 0,
    counters: 0,
    seconds: 0,
  }
  const phones = new Set<string>()
  const consultants = planConsultants(rng, days, phones)
  const w: World = { db, rng, phones, ownerOf: new Int32Array(1_000_000), owned: [], consultants, counts }

  db.transaction(() => {
    const at = localIso(first, 8 * 60)
    for (const c of consultants.filter((x) => x.startDay === 0)) {
      c.id = insertStaff(db, { name: c.name, role: 'consultant', phone: c.phone, room: c.room, skills: c.skills }, at).id
      counts.staff++
    }
    const others: [string, 'doctor' | 'nurse' | 'receptionist' | 'administrator', number][] = [
      ['doctor', 'doctor', 6],
      ['nurse', 'nurse', 10],
      ['receptionist', 'receptionist', 4],
      ['administrator', 'administrator', 1],
    ]
    for (const [, role, n] of others) {
      for (let i = 0; i < n; i++) {
        let phone = mobile(rng)
        while (phones.has(phone)) phone = mobile(rng)
        phones.add(phone)
        const skills: ServiceCategory[] = role === 'doctor' ? [pick(rng, ['surgery', 'injection', 'laser', 'skin'] as const)] : []
        insertStaff(db, { name: personName(rng, rng() < 0.7 ? 'female' : 'male'), role, phone, room: role === 'doctor' ? `专家 ${i + 1}` : role === 'nurse' ? '治疗室' : '前台', skills }, at)
        counts.staff++
      }
    }
  }).immediate()

  log(`[generate] ${path}\n[generate] seed ${options.seed}, ${days} days ${first} .. ${addDays(options.end, -1)}, ~${MEAN_ARRIVALS} arrivals a day`)
  let lastLog = performance.now()
  for (let d = 0; d < days; d++) {
    const date = addDays(first, d)
    db.transaction(() => simulateDay(w, date, d)).immediate()
    const now = performance.now()
    if (now - lastLog > 5000 || d === days - 1) {
      lastLog = now
      log(
        `[generate] ${date}  day ${String(d + 1).padStart(4)}/${days}  clients ${counts.clients.toLocaleString('en')}  visits ${counts.visits.toLocaleString('en')}` +
          `  events ${counts.rotationEvents.toLocaleString('en')}  ${((now - started) / 1000).toFixed(0)} s`,
      )
    }
  }
  counts.consultants = consultants.length
  counts.activeConsultants = consultants.filter((c) => c.endDay === Infinity).length
  counts.counters = db.prepare('SELECT count(*) FROM counters').pluck().get() as number
  counts.seconds = Math.round((performance.now() - started) / 100) / 10
  const marker: Marker = { version: GENERATOR_VERSION, ...options, counts }
  db.prepare("INSERT INTO app_meta (key, value) VALUES ('bench_generator', ?)").run(JSON.stringify(marker))
  closeDatabase(db) // PRAGMA optimize and close, as the app does when it quits; the WAL is checkpointed away
  for (const suffix of ['-wal', '-shm']) rmSync(path + suffix, { force: true })
  renameSync(partial, path)
  log(`[generate] done in ${counts.seconds} s, ${(statSync(path).size / 1e6).toFixed(0)} MB`)
  return marker
}

/** The generated file at `path`, made if missing or generated with other options. */
export function ensureGenerated(path: string, options: GenerateOptions, force = false, log: (line: string) => void = console.log): Marker {
  const marker = readMarker(path)
  if (!force && matches(marker, options)) {
    log(`[generate] reusing ${path} (generator v${marker.version}, seed ${marker.seed}, end ${marker.end})`)
    return marker
  }
  if (existsSync(path) && marker === null && !force) {
    throw new Error(`${path} exists but was not made by this generator; remove it or pass --force`)
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true })
  return generate(path, options, log)
}

export function generatorArgs(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      end: { type: 'string', default: DEFAULT_END },
      years: { type: 'string', default: String(DEFAULT_YEARS) },
      force: { type: 'boolean', default: false },
      registrations: { type: 'string', default: '1000' },
      iterations: { type: 'string', default: '2000' },
      'work-dir': { type: 'string' },
    },
  })
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.end)) throw new Error('--end must be YYYY-MM-DD')
  return {
    path: resolve(positionals[0] ?? DEFAULT_PATH),
    options: { seed: Number(values.seed), end: values.end, years: Number(values.years) } satisfies GenerateOptions,
    force: values.force,
    registrations: Number(values.registrations),
    iterations: Number(values.iterations),
    workDir: values['work-dir'],
  }
}

if (import.meta.main) {
  const { path, options, force } = generatorArgs(process.argv.slice(2))
  const marker = ensureGenerated(path, options, force)
  console.log(JSON.stringify(marker.counts, null, 2))
}
