import '../../../core/i18n/photoMessages.ts'
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { DomainError } from '../../../core/api/errors.ts'
import { localDateOf } from '../../../core/domain/dates.ts'
import { clinicalPhotoMimeOf, clinicalPhotoRefusal, photoRelativePath, type ClientPhoto } from '../../../core/domain/clientPhoto.ts'
import { PHOTO_KIND_NAMES } from '../../../core/i18n/photoMessages.ts'
import { getCard } from '../../../db/cards.ts'
import { livePhotoPath, sha256Of } from '../../../db/photoBackup.ts'
import { getPhoto, hidePhoto, insertPhoto, photoOfClientBySha, photosOfClient, type StoredPhoto } from '../../../db/photos.ts'
import type { HandlerContext } from '../context.ts'
import type { PartialHandlerTable } from '../handlerTable.ts'
import { requireClient } from './clients.ts'

type PhotoMethods = 'photos.ofClient' | 'photos.import' | 'photos.get' | 'photos.hide'


/** What the renderer sees of a row: everything but where the file lives. */
function shown(photo: StoredPhoto): ClientPhoto {
  const { relPath: _relPath, ...rest } = photo
  return rest
}

function photosDirOf(ctx: HandlerContext): string {
  if (ctx.photosDir === null) throw new DomainError('rule_violation', 'error.photos.unavailable')
  return resolve(ctx.photosDir)
}

/** Removes a leftover temp file; a folder that cannot hold one cannot hold its leftover either. */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true })
  } catch {
    // nothing was written there
  }
}

/**
 * Writes the picture crash-safely: a temp name in the same folder, fsync, then rename over the final name.
 * A failure leaves no temp file behind and is a refusal, so the transaction rolls the row back.
 */
function writePhotoFile(file: string, bytes: Buffer, name: string): void {
  const temp = join(dirname(file), `.import-${process.pid}-${Date.now()}.tmp`)
  try {
    mkdirSync(dirname(file), { recursive: true })
    const fd = openSync(temp, 'w')
    try {
      writeSync(fd, bytes)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, file)
  } catch (error) {
    removeQuietly(temp)
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'I/O'
    throw new DomainError('internal', 'error.photos.writeFailed', { name, reason })
  }
}

function requirePhoto(ctx: HandlerContext, id: number): StoredPhoto {
  const photo = getPhoto(ctx.db, id)
  if (!photo) throw new DomainError('not_found', 'error.photos.notFound', { id }, 'id')
  return photo
}

const named = (originalName: string) => originalName || '未命名文件'

export const photoHandlers: PartialHandlerTable<PhotoMethods> = {
  'photos.ofClient': (ctx, { clientId, includeRemoved }) => (requireClient(ctx.db, clientId), photosOfClient(ctx.db, clientId, includeRemoved).map(shown)),

  'photos.import': (ctx, { clientId, kind, takenOn, cardId, note, originalName, base64 }) => {
    const root = photosDirOf(ctx)
    const client = requireClient(ctx.db, clientId)
    const name = named(originalName)
    const bytes = Buffer.from(base64, 'base64')
    const refusal = clinicalPhotoRefusal(bytes)
    if (refusal === 'tooLarge') throw new DomainError('invalid_input', 'error.photos.tooLarge', { name }, 'base64')
    if (refusal === 'heic') throw new DomainError('invalid_input', 'error.photos.heic', { name }, 'base64')
    const mime = clinicalPhotoMimeOf(bytes)
    if (refusal !== null || mime === null) throw new DomainError('invalid_input', 'error.photos.notImage', { name }, 'base64')
    if (takenOn > ctx.today()) throw new DomainError('invalid_input', 'error.photos.takenFuture', {}, 'takenOn')
    if (cardId !== null && getCard(ctx.db, cardId, ctx.today())?.clientId !== clientId) throw new DomainError('invalid_input', 'error.photos.cardNotOfClient', {}, 'cardId')
    const sha256 = sha256Of(bytes)
    const already = photoOfClientBySha(ctx.db, clientId, sha256)
    if (already) throw new DomainError('conflict', 'error.photos.duplicate', { name, date: already.takenOn, kind: PHOTO_KIND_NAMES[already.kind] })

    const relPath = photoRelativePath(client.archiveNo, clientId, takenOn, sha256, mime)
    const file = livePhotoPath(root, relPath)
    const id = insertPhoto(ctx.db, { clientId, cardId, kind, takenOn, relPath, mime, bytes: bytes.length, sha256, originalName, note, createdByName: ctx.operator.name, now: ctx.now() })
    // After the row: a failed write throws and rolls the row back, so no row is ever without its file.
    writePhotoFile(file, bytes, name)
    ctx.audit(`导入照片 ${client.archiveNo} ${PHOTO_KIND_NAMES[kind]} ${takenOn}（${client.name}，${name}）`)
    ctx.emit({ topic: 'photos', ids: [id] })
    return shown(requirePhoto(ctx, id))
  },

  'photos.get': (ctx, { id }) => {
    const root = photosDirOf(ctx)
    const photo = requirePhoto(ctx, id)
    const params = { id, date: photo.takenOn, kind: PHOTO_KIND_NAMES[photo.kind] }
    let bytes: Buffer
    try {
      bytes = readFileSync(livePhotoPath(root, photo.relPath))
    } catch {
      throw new DomainError('not_found', 'error.photos.fileMissing', params, 'id')
    }
    if (bytes.length !== photo.bytes || sha256Of(bytes) !== photo.sha256) throw new DomainError('rule_violation', 'error.photos.fileDamaged', params, 'id')
    return { id, mime: photo.mime, base64: bytes.toString('base64') }
  },

  'photos.hide': (ctx, { id, reason }) => {
    const photo = requirePhoto(ctx, id)
    if (!hidePhoto(ctx.db, id, { at: ctx.now(), byName: ctx.operator.name, reason })) {
      throw new DomainError('rule_violation', 'error.photos.alreadyHidden', { date: localDateOf(new Date(photo.removedAt ?? ctx.now())) })
    }
    const client = requireClient(ctx.db, photo.clientId)
    ctx.audit(`隐藏照片 ${client.archiveNo} ${PHOTO_KIND_NAMES[photo.kind]} ${photo.takenOn}（${client.name}，编号 ${id}）：${reason}`)
    ctx.emit({ topic: 'photos', ids: [id] })
    return shown(requirePhoto(ctx, id))
  },
}
