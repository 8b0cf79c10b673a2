import { migration0010 } from './0010-foundation.ts'
import { migration0020 } from './0020-clients-visits.ts'
import { migration0030 } from './0030-rotation-events.ts'
import { migration0040 } from './0040-calls.ts'
import { migration0050 } from './0050-price-list.ts'
import { migration0060 } from './0060-consultation-sheets.ts'
import { migration0070 } from './0070-fee-sheets.ts'
import { migration0080 } from './0080-operators.ts'
import { migration0090 } from './0090-appointments.ts'
import { migration0100 } from './0100-partner-stores.ts'
import { migration0110 } from './0110-partner-routing.ts'
import { migration0120 } from './0120-rebates.ts'
import { migration0130 } from './0130-treatment-cards.ts'
import { migration0140 } from './0140-stored-value.ts'
import { migration0150 } from './0150-complaints.ts'
import { migration0160 } from './0160-treatment-record.ts'
import { migration0170 } from './0170-consent-forms.ts'
import { migration0180 } from './0180-client-photos.ts'
import type { Migration } from './types.ts'

/** Every migration, in order. A test checks that versions only go up. */
export const MIGRATIONS: readonly Migration[] = [migration0010, migration0020, migration0030, migration0040, migration0050, migration0060, migration0070, migration0080, migration0090, migration0100, migration0110, migration0120, migration0130, migration0140, migration0150, migration0160, migration0170, migration0180]

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0
