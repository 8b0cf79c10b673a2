/** Board policies. They are read by decide only; their effect is written into the events. */
import type { BoardKind, VisitKind } from './types.ts'

export interface RotationPolicies {
  /** Rule 2: 'order' = first available in order; 'fewestTurns' = available member with the fewest
   *  turns used today (rotationTurns + passes, so that a pass is not offered straight back), ties by order. */
  rotationMode: 'order' | 'fewestTurns'
  /** Rule 4: a designated client also sends the member to the back and counts as a turn. */
  designatedCountsAsTurn: boolean
  /** Rule 5: same for a client going to their own consultant. */
  returningCountsAsTurn: boolean
  /** Rule 5: own consultant not on the board today (never signed in, or signed out):
   *  'rotation' = the client goes by rotation; 'wait' = refused with 'owner_absent_wait'.
   *  Rule 13 follows the same policy when an A-class store's maintainer is absent ('maintainer_absent_wait'). */
  returningOwnerAbsent: 'rotation' | 'wait'
  /** Rule 9: a manual assignment of a first-visit client counts as a turn (it takes the place of a
   *  rotation client). Manual assignments of designated, returning or partner clients follow their policies. */
  manualCountsAsTurn: boolean
  /** Rule 13: a client of an A-class partner store given to the store's maintainer also sends the
   *  maintainer to the back and counts as a turn. */
  partnerCountsAsTurn: boolean
}

export const DEFAULT_POLICIES: Readonly<RotationPolicies> = Object.freeze({
  rotationMode: 'order',
  designatedCountsAsTurn: false,
  returningCountsAsTurn: false,
  returningOwnerAbsent: 'rotation',
  manualCountsAsTurn: true,
  partnerCountsAsTurn: false,
})

export type PoliciesByKind = Record<BoardKind, RotationPolicies>

export const DEFAULT_POLICIES_BY_KIND: Readonly<PoliciesByKind> = Object.freeze({
  consultant: DEFAULT_POLICIES,
  doctor: DEFAULT_POLICIES,
  nurse: DEFAULT_POLICIES,
})

/** Policies with any missing field taken from the defaults (settings stored partially, older versions). */
export function withDefaults(partial: Partial<RotationPolicies> | null | undefined): RotationPolicies {
  return { ...DEFAULT_POLICIES, ...(partial ?? {}) }
}

/** Rule 9: whether a manual assignment counts as a turn, by the policy of the kind of client. */
export function manualCountsAsTurn(policies: RotationPolicies, visitKind: VisitKind): boolean {
  if (visitKind === 'designated') return policies.designatedCountsAsTurn
  if (visitKind === 'returning') return policies.returningCountsAsTurn
  if (visitKind === 'partner') return policies.partnerCountsAsTurn
  return policies.manualCountsAsTurn
}
