import type { FairnessRow } from '../../../../core/api/rotation.ts'

/** The counted columns of the fairness figures, in table order (labels: reports.fairness.columns.<key>). */
export const FAIRNESS_COUNTS = ['days', 'rotationTurns', 'designated', 'returning', 'partner', 'manual', 'passes', 'totalClients', 'deals'] as const satisfies readonly (keyof FairnessRow)[]

/** What the chart compares: the counts that differ between consultants on the same days. */
export const FAIRNESS_CHART_SERIES = ['rotationTurns', 'designated', 'returning', 'partner', 'manual', 'passes', 'totalClients', 'deals'] as const satisfies readonly (keyof FairnessRow)[]
