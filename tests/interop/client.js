'use strict';
// The grpc-js side of the interop tests, as a client of SegRestore's server: runs one case against --target and
// prints one JSON object with what it observed. Exit code 0 whenever the case ran (failures are data).
const { grpc, parseArgs, loadProto } = require('./common');

const args = parseArgs(process.argv.slice(2));
const proto = loadProto('interop.proto');
const client = new proto.segrestore.interop.Interop(args.target, grpc.credentials.createInsecure());
const FOUR_MIB = 4 * 1024 * 1024;

function deadlineIn(ms) {
  return new Date(Date.now() + ms);
}

// Resolves once both the callback and the 'status' event ran: grpc-js emits 'status' (with the trailers) after
// calling back.
function unary(request, options = {}, metadata = new grpc.Metadata()) {
  return new Promise((resolve) => {
    const observed = {};
    let outcome = null;
    let status = null;
    const finish = () => {
      if (outcome && status) {
        resolve({ ...outcome, ...observed, trailers: status.metadata.getMap() });
      }
    };
    const call = client.unary(request, metadata, { deadline: deadlineIn(options.deadlineMs || 30000) }, (error, response) => {
      outcome = error ? { ok: false, code: error.code, details: error.details } : { ok: true, response };
      finish();
    });
    call.on('metadata', (headers) => { observed.headers = headers.getMap(); });
    call.on('status', (received) => {
      status = received;
      finish();
    });
  });
}

const cases = {
  async unary() {
    const metadata = new grpc.Metadata();
    metadata.set('x-text', 'plain ascii value');
    metadata.set('x-data-bin', Buffer.from([0, 1, 2, 255]));
    const result = await unary({ text: 'héllo wörld', payload: Buffer.from('abc') }, {}, metadata);
    if (result.ok) {
      result.response.payload = result.response.payload.toString('hex');
      result.response.seenBinaryHeader = result.response.seenBinaryHeader.toString('hex');
      if (result.trailers['x-trailer-bin']) {
        result.trailers['x-trailer-bin'] = Buffer.from(result.trailers['x-trailer-bin']).toString('hex');
      }
    }
    return result;
  },

  serverStream() {
    return new Promise((resolve) => {
      const texts = [];
      const call = client.serverStream({ text: 'item', count: 5 }, { deadline: deadlineIn(30000) });
      call.on('data', (reply) => texts.push(`${reply.index}:${reply.text}`));
      call.on('error', (error) => resolve({ ok: false, code: error.code, details: error.details, texts }));
      call.on('end', () => resolve({ ok: true, texts }));
    });
  },

  serverStreamError() {
    return new Promise((resolve) => {
      const texts = [];
      const call = client.serverStream(
        { text: 'item', count: 2, failCode: grpc.status.ABORTED, failMessage: 'stream aborted after 2' },
        { deadline: deadlineIn(30000) });
      call.on('data', (reply) => texts.push(reply.text));
      call.on('error', (error) => resolve({ ok: false, code: error.code, details: error.details, texts }));
      call.on('end', () => resolve({ ok: true, texts }));
    });
  },

  clientStream() {
    return new Promise((resolve) => {
      const call = client.clientStream({ deadline: deadlineIn(30000) }, (error, response) => {
        resolve(error ? { ok: false, code: error.code, details: error.details } : { ok: true, response });
      });
      for (const text of ['a', 'b', 'c', 'd']) {
        call.write({ text, payload: Buffer.alloc(10, 1) });
      }
      call.end();
    });
  },

  bidi() {
    return new Promise((resolve) => {
      const texts = [];
      const call = client.bidi({ deadline: deadlineIn(30000) });
      call.on('data', (reply) => {
        texts.push(reply.text);
        if (texts.length < 3) {
          call.write({ text: `m${texts.length}` });
        } else {
          call.end();
        }
      });
      call.on('error', (error) => resolve({ ok: false, code: error.code, details: error.details, texts }));
      call.on('end', () => resolve({ ok: true, texts }));
      call.write({ text: 'm0' });
    });
  },

  deadline() {
    return unary({ text: 'slow', delayMs: 20000 }, { deadlineMs: 300 });
  },

  error() {
    return unary({ text: 'x', failCode: grpc.status.FAILED_PRECONDITION, failMessage: 'ünïcödé 100% wrong\nsecond line ✓' });
  },

  async large() {
    const size = FOUR_MIB - 64;
    const result = await unary({ text: 'big', payload: Buffer.alloc(size, 7), replyPayloadSize: size });
    if (result.ok) {
      result.response = { payloadLength: result.response.payload.length, text: result.response.text };
    }
    return result;
  },

  tooLarge() {
    return unary({ text: 'too big', payload: Buffer.alloc(FOUR_MIB + 1, 7) });
  },

  unimplemented() {
    return new Promise((resolve) => {
      const generic = new grpc.Client(args.target, grpc.credentials.createInsecure());
      generic.makeUnaryRequest('/segrestore.interop.Interop/DoesNotExist', (x) => x, (x) => x, Buffer.alloc(0),
        (error) => resolve(error ? { ok: false, code: error.code, details: error.details } : { ok: true }));
    });
  },
};

const run = cases[args.case];
if (!run) {
  console.error(`client.js: unknown --case '${args.case}'; known: ${Object.keys(cases).join(', ')}`);
  process.exit(2);
}
run().then((result) => {
  console.log(JSON.stringify(result));
  client.close();
}, (error) => {
  console.error(`client.js: ${error.stack}`);
  process.exit(1);
});
