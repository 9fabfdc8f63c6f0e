// Deploys a BPMN file and runs one instance to its end through the Camunda Node.js SDK's gRPC
// client, then prints the instance's result variables as JSON: a client in another language than
// flowport's Java, against the same gateway (DevAndWorkerTest, against flowport dev).
//
//   node deploy-and-start.mjs ADDRESS BPMN_FILE PROCESS_ID VARIABLES_JSON
//
// ADDRESS is the gateway, e.g. http://localhost:26500 or grpc://localhost:26500 (plaintext, no
// auth); https:// and grpcs:// use TLS. Exit codes: 0 ok, 1 a call failed, 2 bad arguments.
import { Zeebe } from '@camunda8/sdk'

const usage = 'usage: node deploy-and-start.mjs ADDRESS BPMN_FILE PROCESS_ID VARIABLES_JSON'

function fail(code, message) {
  process.stderr.write(`deploy-and-start: ${message}\n`)
  process.exit(code)
}

const [address, bpmnFile, processId, variablesJson, ...extra] = process.argv.slice(2)
if (!variablesJson || extra.length > 0) fail(2, usage)
let variables
try {
  variables = JSON.parse(variablesJson)
} catch (e) {
  fail(2, `VARIABLES_JSON is not JSON: ${e.message}`)
}
if (variables === null || typeof variables !== 'object' || Array.isArray(variables)) {
  fail(2, 'VARIABLES_JSON must be a JSON object')
}
// The SDK takes grpc:// (plaintext) or grpcs:// (TLS); accept the http(s):// form the Java client uses.
const grpcAddress = address.replace(/^http:\/\//, 'grpc://').replace(/^https:\/\//, 'grpcs://')
if (!/^grpcs?:\/\/[^/]+:\d+$/.test(grpcAddress)) fail(2, `ADDRESS must look like http://host:port, got ${address}`)

const zeebe = new Zeebe.ZeebeGrpcClient({
  config: {
    ZEEBE_GRPC_ADDRESS: grpcAddress,
    // The embedded engine's gateway has no authentication; against SaaS use OAUTH and its settings.
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    zeebeGrpcSettings: {
      // The SDK's logger writes to stdout, which carries the result; errors are reported below.
      ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
      // The default retries an unreachable gateway forever.
      ZEEBE_GRPC_CLIENT_MAX_RETRIES: 3,
    },
  },
})

try {
  const deployed = await zeebe.deployResource({ processFilename: bpmnFile })
  const ids = deployed.deployments.map((d) => d.process?.bpmnProcessId).filter(Boolean)
  if (!ids.includes(processId)) {
    throw new Error(`${bpmnFile} defines ${ids.join(', ') || 'no process'}, not ${processId}`)
  }
  const result = await zeebe.createProcessInstanceWithResult({
    bpmnProcessId: processId,
    variables,
    requestTimeout: 300_000,
  })
  process.stdout.write(JSON.stringify(result.variables) + '\n')
} catch (e) {
  process.exitCode = 1
  process.stderr.write(`deploy-and-start: ${e.message ?? e}\n`)
} finally {
  await zeebe.close()
}
