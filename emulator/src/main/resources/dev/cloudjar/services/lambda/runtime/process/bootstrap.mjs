// CloudJar's Node.js runtime: speaks the Lambda Runtime API (2018-06-01) on AWS_LAMBDA_RUNTIME_API as
// AWS's runtime interface client does. Loads CommonJS and ES module handlers (.js, .mjs, .cjs, "type":
// "module"), async and callback handlers and the legacy context.succeed/fail/done. Every invocation is
// one GET .../next answered by CloudJar and one POST of the result on the same keep-alive connection.
// The process exits when its stdin (a pipe held by CloudJar) closes, so it never outlives CloudJar.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import util from 'node:util';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const MARKER = '\0cloudjar-invocation-end\0\n';
const [HOST, PORT] = (() => {
  const api = process.env.AWS_LAMBDA_RUNTIME_API;
  const i = api.lastIndexOf(':');
  return [api.substring(0, i), Number(api.substring(i + 1))];
})();
const PREFIX = '/2018-06-01/runtime';
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const TASK_ROOT = process.env.LAMBDA_TASK_ROOT || process.cwd();
let currentRequestId;

process.stdin.on('data', () => {});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
if (typeof process.stdin.unref === 'function') {
  process.stdin.unref();
}

for (const [method, level] of Object.entries({ log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE' })) {
  console[method] = (...args) => {
    fs.writeSync(1, `${new Date().toISOString()}\t${currentRequestId}\t${level}\t${util.format(...args)}\n`);
  };
}

function request(method, urlPath, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: HOST, port: PORT, method, path: PREFIX + urlPath, agent,
      headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
    (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function endOutput() {
  fs.writeSync(1, MARKER);
}

function errorBody(error) {
  if (error instanceof Error) {
    return { errorType: error.name || 'Error', errorMessage: error.message, trace: String(error.stack || '').split('\n') };
  }
  return { errorType: typeof error, errorMessage: String(error), trace: [] };
}

function logError(requestId, body) {
  fs.writeSync(1, `${new Date().toISOString()}\t${requestId}\tERROR\tInvoke Error \t${JSON.stringify(body)}\n`);
}

async function postError(urlPath, error, requestId) {
  const body = errorBody(error);
  logError(requestId, body);
  endOutput();
  await request('POST', urlPath, JSON.stringify(body), { 'Lambda-Runtime-Function-Error-Type': body.errorType });
}

class UserCodeError extends Error {
  constructor(name, message) {
    super(message);
    this.name = name;
  }
}

function nearestPackageType(dir) {
  for (let d = dir; ; d = path.dirname(d)) {
    const file = path.join(d, 'package.json');
    if (fs.existsSync(file)) {
      try {
        return JSON.parse(fs.readFileSync(file, 'utf8')).type;
      } catch {
        return undefined;
      }
    }
    if (d === path.dirname(d) || d === path.dirname(TASK_ROOT)) {
      return undefined;
    }
  }
}

async function loadModule(moduleRoot, moduleName) {
  const base = path.resolve(TASK_ROOT, moduleRoot, moduleName);
  const require = createRequire(path.join(TASK_ROOT, 'index.js'));
  for (const ext of ['.js', '.mjs', '.cjs']) {
    const file = base + ext;
    if (fs.existsSync(file)) {
      if (ext === '.mjs' || (ext === '.js' && nearestPackageType(path.dirname(file)) === 'module')) {
        return import(pathToFileURL(file).href);
      }
      return require(file);
    }
  }
  try {
    return require(require.resolve(moduleName, { paths: [path.resolve(TASK_ROOT, moduleRoot), ...(process.env.NODE_PATH || '').split(':').filter(Boolean)] }));
  } catch (e) {
    if (e && e.code === 'MODULE_NOT_FOUND') {
      throw new UserCodeError('Runtime.ImportModuleError', `Error: Cannot find module '${moduleName}'\nRequire stack:\n- ${import.meta.filename || process.argv[1]}`);
    }
    throw e;
  }
}

async function loadHandler(fullHandler) {
  const handlerPart = path.basename(fullHandler);
  const moduleRoot = fullHandler.substring(0, fullHandler.length - handlerPart.length);
  const match = handlerPart.match(/^([^.]*)\.(.*)$/);
  if (!match) {
    throw new UserCodeError('Runtime.MalformedHandlerName', 'Bad handler');
  }
  const [, moduleName, handlerPath] = match;
  let mod;
  try {
    mod = await loadModule(moduleRoot, moduleName);
  } catch (e) {
    if (e instanceof UserCodeError) {
      throw e;
    }
    if (e instanceof SyntaxError) {
      throw new UserCodeError('Runtime.UserCodeSyntaxError', `${e.name}: ${e.message}`);
    }
    if (e && (e.code === 'MODULE_NOT_FOUND' || e.code === 'ERR_MODULE_NOT_FOUND')) {
      throw new UserCodeError('Runtime.ImportModuleError', `Error: ${e.message}`);
    }
    throw e;
  }
  const walk = (root) => handlerPath.split('.').reduce((o, key) => (o == null ? undefined : o[key]), root);
  let handler = walk(mod);
  if (handler === undefined && mod && mod.default) {
    handler = walk(mod.default);
  }
  if (handler === undefined) {
    throw new UserCodeError('Runtime.HandlerNotFound', `${fullHandler} is undefined or not exported`);
  }
  if (typeof handler !== 'function') {
    throw new UserCodeError('Runtime.HandlerNotFound', `${fullHandler} is not a function`);
  }
  return handler;
}

function makeContext(headers, done) {
  const deadline = Number(headers['lambda-runtime-deadline-ms']);
  const clientContext = headers['lambda-runtime-client-context'];
  const identity = headers['lambda-runtime-cognito-identity'];
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: headers['lambda-runtime-invoked-function-arn'],
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: headers['lambda-runtime-aws-request-id'],
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    clientContext: clientContext ? JSON.parse(clientContext) : undefined,
    identity: identity ? JSON.parse(identity) : undefined,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    succeed: (result) => done(null, result, true),
    fail: (error) => done(error == null ? '' : error, undefined, true),
    done: (error, result) => done(error, result, true),
  };
}

async function invoke(handler, headers, body) {
  const requestId = headers['lambda-runtime-aws-request-id'];
  currentRequestId = requestId;
  if (headers['lambda-runtime-trace-id']) {
    process.env._X_AMZN_TRACE_ID = headers['lambda-runtime-trace-id'];
  }
  await new Promise((resolve) => {
    let finished = false;
    let fallback;
    const send = async (error, result) => {
      try {
        if (error !== null && error !== undefined) {
          await postError(`/invocation/${requestId}/error`, error, requestId);
        } else {
          const payload = JSON.stringify(result === undefined ? null : result);
          endOutput();
          await request('POST', `/invocation/${requestId}/response`, payload);
        }
      } catch (e) {
        process.exit(1);
      }
      resolve();
    };
    const done = (error, result, immediate) => {
      if (finished) {
        return;
      }
      finished = true;
      if (fallback) {
        process.removeListener('beforeExit', fallback);
      }
      if (!immediate && context.callbackWaitsForEmptyEventLoop) {
        process.once('beforeExit', () => send(error, result));
      } else {
        send(error, result);
      }
    };
    const context = makeContext(headers, done);
    let event;
    try {
      event = JSON.parse(body);
    } catch (e) {
      done(e, undefined, true);
      return;
    }
    try {
      const returned = handler(event, context, (error, result) => done(error, result, false));
      if (returned && typeof returned.then === 'function') {
        returned.then((result) => done(null, result, true), (error) => done(error == null ? new Error('Rejected') : error, undefined, true));
      } else if (!finished) {
        // no promise: the answer comes from the callback or context.succeed, or is null once the event loop is empty
        fallback = () => done(null, null, true);
        process.once('beforeExit', fallback);
      }
    } catch (e) {
      done(e, undefined, true);
    }
  });
}

process.on('uncaughtException', async (error) => {
  if (currentRequestId) {
    try {
      await postError(`/invocation/${currentRequestId}/error`, error, currentRequestId);
    } catch {
      // CloudJar sees the exit instead
    }
  }
  process.exit(129);
});

async function main() {
  let handler;
  try {
    handler = await loadHandler(process.env._HANDLER);
  } catch (e) {
    await postError('/init/error', e, undefined);
    process.exit(1);
  }
  for (;;) {
    const next = await request('GET', '/invocation/next');
    if (next.status !== 200) {
      process.exit(0);
    }
    await invoke(handler, next.headers, next.body);
  }
}

main().catch(() => process.exit(1));
