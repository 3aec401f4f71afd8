'use strict';
// A fake PD on grpc-js: answers pdpb.PD/GetMembers. Options:
//   --port <n>            listen on 127.0.0.1:<n> (0 picks a free port)
//   --cluster-id <u64>    the cluster id in every response header
//   --members <n>         number of members pd-0..pd-(n-1) (default 3); --leader <i> picks the leader (default 0)
//   --header-error <TYPE:message>   answer with ResponseHeader.error set
//   --tls-ca, --tls-cert, --tls-key  serve TLS with these PEM files and require a client certificate from the CA
// Prints {"listening":<port>} once bound, then {"call":"GetMembers",...} for every request it answers.
const fs = require('fs');
const { grpc, parseArgs, loadProto, exitWhenParentCloses } = require('./common');

const args = parseArgs(process.argv.slice(2));
const proto = loadProto('pdpb.proto');
const clusterId = args['cluster-id'] || '7000000000000000001';
const memberCount = Number(args.members || 3);
const leaderIndex = Number(args.leader || 0);
const tls = Boolean(args['tls-cert']);
const scheme = tls ? 'https' : 'http';

let port = 0;

function member(i) {
  return {
    name: `pd-${i}`,
    memberId: String(1000 + i),
    peerUrls: [`${scheme}://pd-${i}.pd-peer:2380`],
    clientUrls: [`${scheme}://127.0.0.1:${port}`],
  };
}

function getMembers(call, callback) {
  const header = call.request.header || {};
  console.log(JSON.stringify({ call: 'GetMembers', callerId: header.callerId, requestClusterId: header.clusterId }));
  const members = Array.from({ length: memberCount }, (_, i) => member(i));
  const response = { header: { clusterId }, members, leader: members[leaderIndex], etcdLeader: members[leaderIndex] };
  if (args['header-error']) {
    const [type, ...message] = args['header-error'].split(':');
    response.header.error = { type, message: message.join(':') };
    response.members = [];
    response.leader = null;
    response.etcdLeader = null;
  }
  callback(null, response);
}

const credentials = tls
  ? grpc.ServerCredentials.createSsl(
    fs.readFileSync(args['tls-ca']),
    [{ private_key: fs.readFileSync(args['tls-key']), cert_chain: fs.readFileSync(args['tls-cert']) }],
    true)
  : grpc.ServerCredentials.createInsecure();

const server = new grpc.Server();
server.addService(proto.pdpb.PD.service, { getMembers });
server.bindAsync(`127.0.0.1:${args.port || 0}`, credentials, (error, bound) => {
  if (error) {
    console.error(`fake-pd.js: bind failed: ${error.message}`);
    process.exit(1);
  }
  port = bound;
  console.log(JSON.stringify({ listening: bound }));
});

process.on('SIGTERM', () => server.forceShutdown());
exitWhenParentCloses(server);
