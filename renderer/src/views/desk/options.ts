import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { SERVICE_CATEGORIES } from '../../../../core/domain/categories.ts'
import { CHANNELS, GENDERS } from '../../../../core/domain/client.ts'
import { VISIT_TYPES } from '../../../../core/domain/visit.ts'
import { useStaffStore } from '../../stores/staff.ts'

/** Choices of the desk's selects with their labels in the current language. */
export function useDeskOptions() {
  const { t } = useI18n()
  const staff = useStaffStore()
  const typeOptions = computed(() => VISIT_TYPES.map((value) => ({ value, label: t(`visit.type.${value}`) })))
  const channelOptions = computed(() => CHANNELS.map((value) => ({ value, label: t(`visit.channel.${value}`) })))
  const genderOptions = computed(() => GENDERS.map((value) => ({ value, label: t(`visit.gender.${value}`) })))
  const categoryOptions = computed(() => SERVICE_CATEGORIES.map((value) => ({ value, label: t(`categories.${value}`) })))
  /** Active consultants, for the designated and own-consultant selects. */
  const consultants = computed(() => staff.active.filter((s) => s.role === 'consultant'))
  const staffName = (id: number | null | undefined) => (id == null ? '' : (staff.all.find((s) => s.id === id)?.name ?? ''))
  return { typeOptions, channelOptions, genderOptions, categoryOptions, consultants, staffName }
}
