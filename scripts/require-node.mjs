// Says in one line that Broadsheet needs Node.js 24, before an older Node.js fails on the first TypeScript file with a
// stack trace. Plain JavaScript on purpose: it must run on the Node.js it refuses. Run by npm before install and start.

const REQUIRED = 24
const major = Number(process.versions.node.split('.')[0])
if (major < REQUIRED) {
  console.error(`Broadsheet needs Node.js ${REQUIRED} or newer; this is Node.js ${process.versions.node}. Install Node.js ${REQUIRED} (https://nodejs.org) and run the command again.`)
  process.exit(1)
}
