import { computed, onBeforeUnmount, onMounted, ref } from 'vue'

export interface VoiceOption {
  name: string
  lang: string
}

/** The speech voices of this computer (they load asynchronously in Chromium), Chinese ones first. */
export function useVoices() {
  const voices = ref<VoiceOption[]>([])
  const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined
  const read = () => {
    voices.value = (synth?.getVoices() ?? []).map((v) => ({ name: v.name, lang: v.lang }))
  }
  onMounted(() => {
    read()
    synth?.addEventListener('voiceschanged', read)
  })
  onBeforeUnmount(() => synth?.removeEventListener('voiceschanged', read))
  const chinese = computed(() => voices.value.filter((v) => /^zh[-_]?(CN|Hans)?/i.test(v.lang)))
  const available = computed(() => synth !== undefined)
  return { voices, chinese, available }
}
