import { defineStore } from 'pinia'
import { reactive } from 'vue'
import type { MethodInput } from '../../../core/api/contract.ts'
import type { ClientPhoto } from '../../../core/domain/clientPhoto.ts'
import { api } from '../api/client.ts'
import { describeError } from '../api/notify.ts'
import { paramResource } from './paramResource.ts'

export type PhotoImportInput = MethodInput<'photos.import'>

/** A picture as the section shows it: its data URL once read, or why it could not be read. */
export type PictureState = { state: 'loading' } | { state: 'ready'; url: string } | { state: 'failed'; message: string }

/**
 * One client's clinical photos (术前照 / 术后照) for the client's page, fresh while shown, and the pictures
 * read so far (by id; a photo's file never changes, so a picture read once stays right). Nothing leaves the PC.
 */
export const useClientPhotosStore = defineStore('clientPhotos', () => {
  const list = paramResource<number, ClientPhoto[]>([], (clientId) => api.call('photos.ofClient', { clientId }), ['photos'])
  const pictures = reactive(new Map<number, PictureState>())

  /** Shows one client's photos; another client's are not kept on screen meanwhile. */
  async function open(clientId: number): Promise<void> {
    if (list.params.value !== clientId) list.value.value = []
    await list.load(clientId)
  }

  /** Reads a photo's picture once (a thumbnail scrolled into view, the enlarged one, the comparison). */
  async function picture(id: number): Promise<void> {
    const known = pictures.get(id)
    if (known && known.state !== 'failed') return
    pictures.set(id, { state: 'loading' })
    try {
      const { mime, base64 } = await api.call('photos.get', { id })
      pictures.set(id, { state: 'ready', url: `data:${mime};base64,${base64}` })
    } catch (error) {
      pictures.set(id, { state: 'failed', message: describeError(error) })
    }
  }

  /** One picture; throws ApiCallError (the import counts a duplicate as skipped). The list re-reads on the event. */
  const importOne = (input: PhotoImportInput) => api.call('photos.import', input)

  async function hide(id: number, reason: string): Promise<ClientPhoto> {
    const photo = await api.call('photos.hide', { id, reason })
    list.value.value = list.value.value.filter((p) => p.id !== id)
    return photo
  }

  return { photos: list.value, loading: list.loading, pictures, open, reload: list.reload, picture, importOne, hide, attach: list.attach }
})
