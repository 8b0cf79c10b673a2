import type { FormInstance } from 'element-plus'
import { computed, reactive, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ServiceCategory } from '../../../../core/domain/categories.ts'
import { USUALLY_INVASIVE } from '../../../../core/domain/consent.ts'
import { fenToYuanText, parseYuanToFen, type PriceItem } from '../../../../core/domain/priceItem.ts'
import { showSuccess } from '../../api/notify.ts'
import { useServerErrors } from '../../composables/useServerErrors.ts'
import { usePricesStore, type PriceInput } from '../../stores/prices.ts'
import { optionalFen, priceRules, type PriceForm } from './rules.ts'

const FIELDS = ['code', 'name', 'category', 'unit', 'listPrice', 'floorPrice', 'cost', 'specialPrice', 'serviceCategory', 'invasive'] as const
type Field = (typeof FIELDS)[number]

/** The API's field names (fen) onto the form's (yuan text). */
const SERVER_FIELDS: Record<string, Field> = { listPriceFen: 'listPrice', floorPriceFen: 'floorPrice', costFen: 'cost' }

function emptyForm(): PriceForm {
  return { code: '', name: '', category: 'treatment', unit: '', listPrice: '', floorPrice: '', cost: '', specialPrice: false, serviceCategory: '', invasive: false }
}

function formOf(item: PriceItem | null): PriceForm {
  if (!item) return emptyForm()
  const yuan = (fen: number | null) => (fen === null ? '' : fenToYuanText(fen))
  return {
    code: item.code,
    name: item.name,
    category: item.category,
    unit: item.unit,
    listPrice: fenToYuanText(item.listPriceFen),
    floorPrice: yuan(item.floorPriceFen),
    cost: yuan(item.costFen),
    specialPrice: item.specialPrice,
    serviceCategory: item.serviceCategory ?? '',
    invasive: item.invasive,
  }
}

/** The form's fields as the API takes them: trimmed text and integer fen. Null when an amount does not parse. */
export function toPriceInput(form: PriceForm): PriceInput | null {
  const list = parseYuanToFen(form.listPrice)
  const floor = optionalFen(form.floorPrice)
  const cost = optionalFen(form.cost)
  if (!list.ok || !floor.ok || !cost.ok) return null
  return {
    code: form.code.trim(),
    name: form.name.trim(),
    category: form.category,
    unit: form.unit.trim(),
    listPriceFen: list.fen,
    floorPriceFen: floor.fen,
    costFen: cost.fen,
    specialPrice: form.specialPrice,
    serviceCategory: form.serviceCategory === '' ? null : form.serviceCategory,
    invasive: form.invasive,
  }
}

/** The add / edit item form: local checks, the call, and server errors put back on their fields. */
export function usePriceForm(item: Ref<PriceItem | null>, onSaved: (item: PriceItem) => void) {
  const { t } = useI18n()
  const store = usePricesStore()
  const formRef = ref<FormInstance>()
  const form = reactive<PriceForm>(emptyForm())
  const rules = computed(() => priceRules(t, form))
  const { serverErrors, formError, clear: clearServerErrors, show: showServerError } = useServerErrors(form, FIELDS, SERVER_FIELDS)
  const saving = ref(false)
  const editing = computed(() => item.value !== null)

  function reset(): void {
    Object.assign(form, formOf(item.value))
    clearServerErrors()
    formRef.value?.clearValidate()
  }

  async function submit(): Promise<void> {
    if (saving.value) return
    clearServerErrors()
    const valid = await formRef.value?.validate().catch(() => false)
    const input = toPriceInput(form)
    if (!valid || !input) return
    saving.value = true
    try {
      const before = item.value
      const saved = before ? await store.update({ ...input, id: before.id, expectedUpdatedAt: before.updatedAt }) : await store.create(input)
      showSuccess(t(before ? 'prices.updated' : 'prices.created', { name: saved.name }))
      onSaved(saved)
    } catch (error) {
      showServerError(error)
    } finally {
      saving.value = false
    }
  }

  /** Picking 注射 or 手术 suggests 侵入性治疗 (the operator may untick it); other picks leave it as it is. */
  function serviceCategoryPicked(category: ServiceCategory | ''): void {
    if (category !== '' && USUALLY_INVASIVE.includes(category)) form.invasive = true
  }

  return { formRef, form, rules, serverErrors, formError, saving, editing, reset, submit, serviceCategoryPicked }
}
