// An S3-compatible server on loopback for storage tests (s3rver: an emulator, not AWS S3, R2, MinIO or Ceph).

import { mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import S3rver from 's3rver'

export interface S3Emulator {
  /** http://127.0.0.1:<port>, for AWS_ENDPOINT_URL. */
  readonly endpoint: string
  /** A bucket that exists, empty at start. */
  readonly bucket: string
  /** The variables that point an app at the emulator: MEDIA_STORE=s3://<bucket>/media, endpoint, region and keys. */
  readonly env: Record<string, string>
  /** Stops the server and removes its files. */
  stop(): Promise<void>
}

/**
 * Starts s3rver on 127.0.0.1 on a free port, with one bucket, keeping its objects in a temporary folder.
 * s3rver accepts any key pair (it checks no signature); these are its documented defaults.
 */
export async function startS3Emulator(opts: { readonly bucket?: string; readonly prefix?: string } = {}): Promise<S3Emulator> {
  const bucket = opts.bucket ?? 'broadsheet-media'
  const directory = await mkdtemp(path.join(tmpdir(), 'broadsheet-s3-'))
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] })
  const address = await server.run() as AddressInfo
  const endpoint = `http://127.0.0.1:${address.port}`
  return {
    endpoint,
    bucket,
    env: {
      MEDIA_STORE: `s3://${bucket}/${opts.prefix ?? 'media'}`,
      AWS_ENDPOINT_URL: endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
    },
    async stop() {
      await server.close()
      await rm(directory, { recursive: true, force: true })
    },
  }
}
