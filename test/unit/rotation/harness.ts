/** A tiny desk for tests: runs commands through decide and folds accepted events, keeping the log. */
import type { ServiceCategory } from '../../../core/domain/categories.ts'
import {
  DEFAULT_POLICIES, applyEvent, decide, initialState, membersInOrder,
} from '../../../core/rotation/index.ts'
import type {
  BoardCommand, BoardEvent, BoardMember, BoardState, Continuation, Decision, MemberInput, RotationError, RotationPolicies,
} from '../../../core/rotation/index.ts'

export function member(id: number, skills: ServiceCategory[] = []): MemberInput {
  return { id, name: `M${id}`, skills }
}

export class Desk {
  state: BoardState = initialState()
  events: BoardEvent[] = []
  policies: RotationPolicies
  private minute = 0

  constructor(policies: Partial<RotationPolicies> = {}) {
    this.policies = { ...DEFAULT_POLICIES, ...policies }
  }

  static opened(ids: number[] | MemberInput[], policies: Partial<RotationPolicies> = {}, continueFrom?: Continuation): Desk {
    const desk = new Desk(policies)
    const members = ids.map((m) => (typeof m === 'number' ? member(m) : m))
    desk.ok({ type: 'open', date: '2025-03-01', kind: 'consultant', members, continueFrom: continueFrom ?? null })
    return desk
  }

  run(command: BoardCommand): Decision {
    this.minute += 1
    const now = new Date(Date.UTC(2025, 2, 1, 1, this.minute))
    const decision = decide(this.state, command, this.policies, now)
    if (decision.ok) {
      this.state = applyEvent(this.state, decision.event)
      this.events.push(decision.event)
    }
    return decision
  }

  /** Runs a command that must be accepted; returns its event. */
  ok(command: BoardCommand): BoardEvent {
    const decision = this.run(command)
    if (!decision.ok) throw new Error(`refused ${command.type}: ${decision.error.code} ${JSON.stringify(decision.error.params)}`)
    return decision.event
  }

  /** Runs a command that must be refused; returns the refusal. The state must not change. */
  refused(command: BoardCommand): RotationError {
    const before = this.state
    const decision = this.run(command)
    if (decision.ok) throw new Error(`accepted ${command.type}: ${JSON.stringify(decision.event)}`)
    if (this.state !== before) throw new Error('a refusal changed the state')
    return decision.error
  }

  /** Rotation: assigns the visit and returns the chosen member id. */
  next(visitId: number, category?: ServiceCategory): number {
    const event = this.ok({ type: 'assignNext', visitId, category: category ?? null })
    if (event.type !== 'assigned') throw new Error('not an assignment')
    return event.memberId
  }

  order(): number[] {
    return this.state.board?.order ?? []
  }

  get(id: number): BoardMember {
    const found = this.state.board?.members.find((m) => m.id === id)
    if (found === undefined) throw new Error(`no member ${id}`)
    return found
  }

  statuses(): string[] {
    return membersInOrder(this.state).map((m) => `${m.id}:${m.status}`)
  }
}
