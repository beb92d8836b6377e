// Debian's nginx as the load balancer of cluster tests: its own prefix and config, loopback ports only, in the foreground.

import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { access, mkdir, writeFile } from 'node:fs/promises'
import { constants } from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { TestContext } from 'node:test'
import { freePort, tempDir } from './processes.ts'

export const NGINX = process.env.TEST_NGINX ?? '/usr/sbin/nginx'

/** Null when nginx can be run, else why not (for the skip message). */
export async function nginxUnavailable(): Promise<string | null> {
  try {
    await access(NGINX, constants.X_OK)
    return null
  } catch {
    return `nginx is not installed at ${NGINX} (apt-get install nginx-light, or set TEST_NGINX)`
  }
}

export interface Nginx {
  readonly base: string
  readonly child: ChildProcess
  /** nginx's error log so far. */
  errors(): Promise<string>
}

/**
 * nginx on a free loopback port, balancing over `upstreams` (host:port) as docs/ recommends: a request whose instance
 * refuses or drops the connection, or answers 502/503, is passed to the next one (GETs and HEADs only: nginx never
 * repeats a POST once it was sent).
 */
export async function startNginx(t: TestContext, upstreams: readonly string[]): Promise<Nginx> {
  const dir = await tempDir(t, 'broadsheet-nginx-')
  await mkdir(path.join(dir, 'tmp'))
  const port = await freePort()
  const conf = `
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  upstream broadsheet {
${upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=5s;`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 25m;
    location / {
      proxy_pass http://broadsheet;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_connect_timeout 1s;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 3;
    }
  }
}
`
  await writeFile(path.join(dir, 'nginx.conf'), conf)
  const child = spawn(NGINX, ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString() })
  t.after(() => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM') })
  const base = `http://127.0.0.1:${port}`
  const { readFile } = await import('node:fs/promises')
  const errors = () => readFile(path.join(dir, 'error.log'), 'utf8').catch(() => '')
  for (let i = 0; ; i++) {
    if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break
    if (i > 100 || child.exitCode !== null) assert.fail(`nginx did not start: ${stderr}\n${await errors()}`)
    await sleep(50)
  }
  return { base, child, errors }
}
