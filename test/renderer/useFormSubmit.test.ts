import { afterEach, describe, expect, it } from 'vitest'
import { effectScope, nextTick, reactive, type EffectScope } from 'vue'
import { ApiCallError } from '../../renderer/src/api/client.ts'
import { useFormSubmit, type FormSubmitOptions } from '../../renderer/src/composables/useFormSubmit.ts'
import { applyLocale } from '../../renderer/src/i18n/index.ts'

const FIELDS = ['amount', 'nurseId'] as const
type Field = (typeof FIELDS)[number]

/** A call the test answers by hand, so the busy flag can be seen while it runs. */
function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

let scope: EffectScope | undefined
afterEach(() => scope?.stop())

function setUp(options: FormSubmitOptions<Field> = {}) {
  applyLocale('zh-CN')
  scope = effectScope()
  const form = reactive<{ amount: string; nurseId: number | null }>({ amount: '12', nurseId: 3 })
  const calls: number[] = []
  const done: string[] = []
  let answer = deferred<string>()
  const run = scope.run(() =>
    useFormSubmit(
      form,
      FIELDS,
      (fen: number) => {
        calls.push(fen)
        return answer.promise
      },
      (result) => done.push(result),
      options,
    ),
  )
  if (!run) throw new Error('no scope')
  return { form, run, calls, done, answer: () => answer, next: () => (answer = deferred<string>()) }
}

describe('useFormSubmit', () => {
  it('sends what submit is given, once at a time, busy meanwhile, and hands the result to done', async () => {
    const { run, calls, done, answer } = setUp()
    const first = run.submit(1200)
    void run.submit(999)
    expect(run.busy.value).toBe(true)
    expect(calls).toEqual([1200])
    answer().resolve('saved')
    await first
    expect(run.busy.value).toBe(false)
    expect(done).toEqual(['saved'])
  })

  it('puts a refusal on the field its alias names', async () => {
    const { run, answer, done } = setUp({ aliases: { amountFen: 'amount' } })
    const sent = run.submit(1200)
    answer().reject(new ApiCallError('invalid_input', '金额不对', { amountFen: '金额须大于零' }))
    await sent
    expect(run.serverErrors.amount).toBe('金额须大于零')
    expect(run.formError.value).toBe('')
    expect(done).toEqual([])
  })

  it("skips the usual placing when onError says 'handled', with the messages it set shown", async () => {
    const seen: unknown[] = []
    const { run, answer } = setUp({
      aliases: { amountFen: 'amount' },
      onError: (error, messages) => {
        seen.push(error)
        if (!(error instanceof ApiCallError && error.code === 'conflict')) return
        messages.formError.value = '已被他人修改，已重新读取'
        return 'handled'
      },
    })
    const conflict = new ApiCallError('conflict', '版本不符', { amountFen: '不应出现在字段上' })
    const sent = run.submit(1200)
    answer().reject(conflict)
    await sent
    expect(seen).toEqual([conflict])
    expect(run.formError.value).toBe('已被他人修改，已重新读取')
    expect(run.serverErrors.amount).toBeUndefined()
  })

  it('places the error as usual when onError does not handle it, keeping what the hook added', async () => {
    const { run, answer, next } = setUp({
      onError: (_error, messages) => {
        messages.serverErrors.nurseId = '护士已停用'
      },
    })
    let sent = run.submit(1)
    answer().reject(new ApiCallError('invalid_input', '数量不对', { amount: '数量须为整数' }))
    await sent
    expect(run.serverErrors).toEqual({ amount: '数量须为整数', nurseId: '护士已停用' })

    // The next attempt starts clean; an error that is no refusal becomes the form's message.
    next()
    sent = run.submit(2)
    expect(run.serverErrors).toEqual({})
    answer().reject(new TypeError('boom'))
    await sent
    expect(run.formError.value).toBe('发生意外错误，请重试')
    expect(run.serverErrors).toEqual({ nurseId: '护士已停用' })
  })

  it('reset empties the text fields and the messages, leaving a chosen id as it is', async () => {
    const { form, run, answer } = setUp()
    const sent = run.submit(1)
    answer().reject(new ApiCallError('invalid_input', '不对', { amount: '数量须为整数' }))
    await sent
    run.reset()
    await nextTick()
    expect(form).toEqual({ amount: '', nurseId: 3 })
    expect(run.serverErrors).toEqual({})
    expect(run.formError.value).toBe('')
  })
})
