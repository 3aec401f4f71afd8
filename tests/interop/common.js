'use strict';
// Shared by the interop peers: argument parsing and proto loading.
const path = require('path');
const protoLoader = require('@grpc/proto-loader');
const grpc = require('@grpc/grpc-js');

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      throw new Error(`unexpected argument '${arg}'`);
    }
    const eq = arg.indexOf('=');
    if (eq > 0) {
      args[arg.slice(2, eq)] = arg.slice(eq + 1);
    } else {
      args[arg.slice(2)] = argv[++i];
    }
  }
  return args;
}

function loadProto(file) {
  const definition = protoLoader.loadSync(path.join(__dirname, 'protos', file), {
    keepCase: false,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  return grpc.loadPackageDefinition(definition);
}

// Servers are started by the .NET tests with stdin as a pipe: when the test process goes away (even killed), the
// pipe closes and the server exits instead of lingering.
function exitWhenParentCloses(server) {
  if (process.stdin.isTTY) {
    return;
  }
  process.stdin.on('end', () => {
    server.forceShutdown();
    process.exit(0);
  });
  process.stdin.resume();
}

module.exports = { grpc, parseArgs, loadProto, exitWhenParentCloses };
