// The media store in an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO, Ceph) through the official SDK.

import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'
import { Readable } from 'node:stream'
import type { S3Config } from '../../config.ts'
import { UnavailableError } from '../../errors.ts'
import { PROBE_FILE } from '../media-files.ts'
import type { MediaStore } from './media-store.ts'

/** S3's smallest part but the last: what a streamed put holds in memory per part. */
const PART_BYTES = 5 * 1024 * 1024
const PARTS_IN_FLIGHT = 2

const MISSING = new Set(['NoSuchKey', 'NotFound'])

const missing = (err: unknown): boolean =>
  (err instanceof S3ServiceException && (MISSING.has(err.name) || err.$metadata.httpStatusCode === 404))

/**
 * The SDK's error as an UnavailableError when the store cannot be reached or answers 5xx (nothing was saved; the same
 * request may succeed later); a refusal (403: wrong keys, 404: no such bucket) stays as it is, for the log: a fault of set-up.
 */
function outage(err: unknown): unknown {
  const status = err instanceof S3ServiceException ? err.$metadata.httpStatusCode ?? 0 : 0
  const network = !(err instanceof S3ServiceException) && typeof (err as { code?: unknown } | null)?.code === 'string'
  return status >= 500 || network || (err as { name?: string } | null)?.name === 'TimeoutError'
    ? new UnavailableError('down', 'the media storage cannot be reached just now; nothing was saved', err)
    : err
}

/** The SDK client for `s3`; shared by the store and `broadsheet media migrate`. */
export function createS3Client(s3: S3Config): S3Client {
  return new S3Client({
    region: s3.region,
    ...(s3.endpoint !== null && { endpoint: s3.endpoint, forcePathStyle: true }),
    ...(s3.credentials !== null && { credentials: s3.credentials }),
    // Since 2025 the SDK adds CRC checksums by default, which many S3-compatible servers refuse; MD5-less PUTs are fine
    // for S3 itself, and a PUT of a known length is checked by its Content-Length.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
  })
}

/** The store in `bucket`, keys under `prefix/` (none when the prefix is empty). */
export function createS3MediaStore(o: { readonly bucket: string; readonly prefix: string; readonly s3: S3Config }): MediaStore {
  const client = createS3Client(o.s3)
  const root = o.prefix ? `${o.prefix}/` : ''
  const Bucket = o.bucket
  const Key = (key: string) => root + key

  return {
    description: `s3://${o.bucket}/${o.prefix}`,

    async put(key, body, { contentType, size }) {
      try {
        if (Buffer.isBuffer(body)) {
          await client.send(new PutObjectCommand({ Bucket, Key: Key(key), Body: body, ContentType: contentType, ContentLength: size }))
          return
        }
        // A stream goes up in parts of PART_BYTES, at most PARTS_IN_FLIGHT at a time: a 20 MiB original never sits whole
        // in memory, and a failed part is retried from its buffer (a single PUT of a stream cannot be replayed). Up to
        // one part, it is a single PUT.
        const upload = new Upload({
          client, partSize: PART_BYTES, queueSize: PARTS_IN_FLIGHT, leavePartsOnError: false,
          params: { Bucket, Key: Key(key), Body: body, ContentType: contentType },
        })
        await upload.done()
      } catch (err) {
        throw outage(err)
      }
    },

    async read(key) {
      try {
        const res = await client.send(new GetObjectCommand({ Bucket, Key: Key(key) }))
        return Buffer.from(await res.Body!.transformToByteArray())
      } catch (err) {
        if (missing(err)) return null
        throw outage(err)
      }
    },

    async open(key, range) {
      try {
        const res = await client.send(new GetObjectCommand({ Bucket, Key: Key(key), ...(range && { Range: `bytes=${range.start}-${range.end}` }) }))
        // Content-Range is `bytes start-end/size`; without a range the length is the size.
        const size = range ? Number(/\/(\d+)$/.exec(res.ContentRange ?? '')?.[1] ?? NaN) : res.ContentLength ?? NaN
        const body = res.Body instanceof Readable ? res.Body : Readable.from(Buffer.from(await res.Body!.transformToByteArray()))
        return { size, etag: res.ETag ?? '""', body, range: range ?? null }
      } catch (err) {
        if (missing(err)) return null
        throw outage(err)
      }
    },

    async head(key) {
      try {
        const res = await client.send(new HeadObjectCommand({ Bucket, Key: Key(key) }))
        return { size: res.ContentLength ?? 0, etag: res.ETag ?? '""' }
      } catch (err) {
        if (missing(err)) return null
        throw outage(err)
      }
    },

    async remove(key) {
      try {
        await client.send(new DeleteObjectCommand({ Bucket, Key: Key(key) }))
      } catch (err) {
        if (!missing(err)) throw outage(err)
      }
    },

    async *list() {
      let ContinuationToken: string | undefined
      do {
        let page
        try {
          page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: root, ...(ContinuationToken !== undefined && { ContinuationToken }) }))
        } catch (err) {
          throw outage(err)
        }
        for (const o of page.Contents ?? []) {
          const key = (o.Key ?? '').slice(root.length)
          if (key && !key.split('/').some((s) => s.startsWith('.'))) yield { key, size: o.Size ?? 0 }
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (ContinuationToken !== undefined)
    },

    async probe() {
      const key = `${PROBE_FILE}-${process.pid}`
      try {
        await client.send(new PutObjectCommand({ Bucket, Key: Key(key), Body: 'ok', ContentType: 'text/plain' }))
        await client.send(new DeleteObjectCommand({ Bucket, Key: Key(key) }))
      } catch (err) {
        throw outage(err)
      }
    },

    close: () => client.destroy(),
  }
}
