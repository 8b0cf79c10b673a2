import type { HandoverNotes } from '../../../../core/domain/partnerStore.ts'

/** The hand-over notes in the order the consultant reads them (DOMAIN.md: income, work, family, wanted items). */
export const HANDOVER_KEYS = ['income', 'work', 'family', 'wanted', 'other'] as const satisfies readonly (keyof HandoverNotes)[]
