/** fast-check generators for the property tests: policies, and command recipes read against the state. */
import fc from 'fast-check'
import type { ServiceCategory } from '../../../core/domain/categories.ts'
import { nextInTurn } from '../../../core/rotation/index.ts'
import type { BoardCommand, BoardState, MemberInput, RotationPolicies } from '../../../core/rotation/index.ts'

export const MEMBER_IDS = [1, 2, 3, 4, 5, 6] as const

const memberId = fc.constantFrom(...MEMBER_IDS, 9)
const visitId = fc.integer({ min: 1, max: 30 })
const category = fc.option(fc.constantFrom<ServiceCategory>('skin', 'surgery', 'laser'), { nil: null })
const skills = fc.subarray<ServiceCategory>(['skin', 'surgery', 'laser'], { maxLength: 2 })
const reason = fc.constantFrom('', 'r', '  busy  ')

export const policiesArb: fc.Arbitrary<RotationPolicies> = fc.record({
  rotationMode: fc.constantFrom('order', 'fewestTurns'),
  designatedCountsAsTurn: fc.boolean(),
  returningCountsAsTurn: fc.boolean(),
  returningOwnerAbsent: fc.constantFrom('rotation', 'wait'),
  manualCountsAsTurn: fc.boolean(),
  partnerCountsAsTurn: fc.boolean(),
})

export const openingArb: fc.Arbitrary<MemberInput[]> = fc
  .uniqueArray(fc.constantFrom(...MEMBER_IDS), { minLength: 1, maxLength: 6 })
  .chain((ids) => fc.tuple(...ids.map((id) => skills.map((s): MemberInput => ({ id, name: `M${id}`, skills: s })))))

/** A command, or a recipe that builds one from the current state (so that some hit the right member). */
export type Recipe = BoardCommand | ((state: BoardState, policies: RotationPolicies) => BoardCommand)

const reorderRecipe = fc.nat(10).map((k): Recipe => (state) => {
  const order = state.board?.order ?? []
  const at = order.length === 0 ? 0 : k % order.length
  return { type: 'reorder', order: [...order.slice(at), ...order.slice(0, at)], reason: 'shift' }
})

const passNextRecipe = fc.constant<Recipe>((state, policies) => ({ type: 'pass', memberId: nextInTurn(state, policies) ?? 1 }))

const finishAnyRecipe = fc.nat(20).map((k): Recipe => (state) => {
  const serving = (state.board?.members ?? []).filter((m) => m.visitId !== null)
  const chosen = serving[k % Math.max(1, serving.length)]
  return { type: 'finish', visitId: chosen?.visitId ?? 1 }
})

const breakEndRecipe = fc.nat(10).map((k): Recipe => (state) => {
  const resting = (state.board?.members ?? []).filter((m) => m.status === 'break')
  return { type: 'breakEnd', memberId: resting[k % Math.max(1, resting.length)]?.id ?? 1 }
})

const designatedOnBoardRecipe = fc.tuple(fc.nat(10), visitId).map(([k, visit]): Recipe => (state) => {
  const order = state.board?.order ?? []
  return { type: 'assignDesignated', visitId: visit, memberId: order[k % Math.max(1, order.length)] ?? 1 }
})

/** Rule 13: an A-class store whose maintainer is on the board (often the one whose turn it is), or an ordinary store. */
const partnerOnBoardRecipe = fc.tuple(fc.nat(10), visitId, fc.integer({ min: 1, max: 3 }), fc.boolean()).map(([k, visit, storeId, aClass]): Recipe => (state) => {
  const order = state.board?.order ?? []
  return { type: 'assignPartner', visitId: visit, storeId, maintainerId: aClass ? (order[k % Math.max(1, order.length)] ?? 1) : null }
})

/** Long enough days to reach deep states (the default size would keep them short). */
export const recipesArb = (): fc.Arbitrary<Recipe[]> => fc.array(recipeArb, { minLength: 5, maxLength: 80, size: 'max' })

export const recipeArb: fc.Arbitrary<Recipe> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.constant('assignNext' as const), visitId, category }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('assignDesignated' as const), visitId, memberId, category }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('assignReturning' as const), visitId, ownerId: memberId, category }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('assignPartner' as const), visitId, storeId: fc.integer({ min: 1, max: 3 }), maintainerId: fc.option(memberId, { nil: null }), category }) },
  { weight: 2, arbitrary: partnerOnBoardRecipe },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('assignManual' as const), visitId, memberId, reason, visitKind: fc.constantFrom('first' as const, 'designated' as const, 'returning' as const, 'partner' as const, null) }) },
  { weight: 5, arbitrary: finishAnyRecipe },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('finish' as const), visitId }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('signIn' as const), member: fc.record({ id: memberId, name: fc.constant('late'), skills }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('signOut' as const), memberId }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('breakStart' as const), memberId }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('breakEnd' as const), memberId }) },
  { weight: 2, arbitrary: breakEndRecipe },
  { weight: 2, arbitrary: designatedOnBoardRecipe },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('pass' as const), memberId }) },
  { weight: 2, arbitrary: passNextRecipe },
  { weight: 1, arbitrary: reorderRecipe },
  { weight: 3, arbitrary: fc.constant<Recipe>({ type: 'undo' }) },
)

export function toCommand(recipe: Recipe, state: BoardState, policies: RotationPolicies): BoardCommand {
  return typeof recipe === 'function' ? recipe(state, policies) : recipe
}
