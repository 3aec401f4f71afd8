'use strict';
// The grpc-js side of the interop tests: serves segrestore.interop.Interop on 127.0.0.1:<--port>.
// Prints {"listening":<port>} once bound.
const { grpc, parseArgs, loadProto, exitWhenParentCloses } = require('./common');

const args = parseArgs(process.argv.slice(2));
const proto = loadProto('interop.proto');

function seenMetadata(call) {
  const text = call.metadata.get('x-text');
  const binary = call.metadata.get('x-data-bin');
  const deadline = call.getDeadline();
  // grpc-js reports the deadline as a Date or as epoch milliseconds (Infinity when the client set none).
  const remaining = (deadline instanceof Date ? deadline.getTime() : Number(deadline)) - Date.now();
  return {
    seenTextHeader: text.length > 0 ? String(text[0]) : '',
    seenBinaryHeader: binary.length > 0 ? binary[0] : Buffer.alloc(0),
    seenTimeoutMs: Number.isFinite(remaining) ? String(Math.max(1, remaining)) : '0',
  };
}

function reply(request, index, seen) {
  const payload = request.replyPayloadSize > 0 ? Buffer.alloc(request.replyPayloadSize, 0x61) : request.payload;
  return { text: request.text, payload, index, ...seen };
}

function failure(request) {
  const trailer = new grpc.Metadata();
  trailer.set('x-failure', 'from-grpc-js');
  return { code: request.failCode, details: request.failMessage, metadata: trailer };
}

// Waits, but gives up as soon as the client cancels (deadline or reset).
function delay(call, ms) {
  return new Promise((resolve) => {
    if (!ms) {
      resolve(true);
      return;
    }
    const timer = setTimeout(() => resolve(true), ms);
    call.on('cancelled', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

const handlers = {
  async unary(call, callback) {
    const request = call.request;
    if (!(await delay(call, request.delayMs))) {
      return;
    }
    if (request.failCode) {
      callback(failure(request));
      return;
    }
    const headers = new grpc.Metadata();
    headers.set('x-handler', 'unary');
    call.sendMetadata(headers);
    const trailer = new grpc.Metadata();
    trailer.set('x-trailer-bin', Buffer.from([1, 2, 3, 254]));
    callback(null, reply(request, 0, seenMetadata(call)), trailer);
  },

  async serverStream(call) {
    const request = call.request;
    const seen = seenMetadata(call);
    for (let i = 0; i < request.count; i++) {
      if (!(await delay(call, request.delayMs))) {
        return;
      }
      call.write({ ...reply(request, i, seen), text: `${request.text}-${i}` });
    }
    if (request.failCode) {
      call.emit('error', failure(request));
      return;
    }
    call.end();
  },

  clientStream(call, callback) {
    let count = 0;
    let bytes = 0;
    const texts = [];
    let failed = null;
    call.on('data', (request) => {
      count++;
      bytes += request.payload.length;
      texts.push(request.text);
      if (request.failCode && !failed) {
        failed = failure(request);
      }
    });
    call.on('end', () => {
      if (failed) {
        callback(failed);
        return;
      }
      callback(null, { count, totalPayloadBytes: String(bytes), joinedText: texts.join(',') });
    });
  },

  bidi(call) {
    let index = 0;
    call.on('data', (request) => {
      call.write({ text: `echo:${request.text}`, index: index++ });
    });
    call.on('end', () => call.end());
  },
};

const server = new grpc.Server();
server.addService(proto.segrestore.interop.Interop.service, handlers);
server.bindAsync(`127.0.0.1:${args.port || 0}`, grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) {
    console.error(`server.js: bind failed: ${error.message}`);
    process.exit(1);
  }
  console.log(JSON.stringify({ listening: port }));
});

process.on('SIGTERM', () => server.forceShutdown());
exitWhenParentCloses(server);
