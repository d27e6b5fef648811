// Prints the newest verification code the reference backend's development outbox
// (`npm start`: GET /__dev/outbox) holds for one destination: the code source of
// `hik-register check` against the dev server.
//
//   node scripts/dev-outbox-code.mjs <server URL> [destination]
//   npm run check -- http://localhost:5173/api/register \
//     --code-command "node scripts/dev-outbox-code.mjs http://localhost:5173"
//
// The destination (email or E.164 number) is the second argument, else
// $HIK_CHECK_DESTINATION (set by the check kit). Exit code 1 when no code is there yet.
const [server, destination = process.env.HIK_CHECK_DESTINATION] = process.argv.slice(2);
if (!server || !destination) {
  console.error('Usage: node scripts/dev-outbox-code.mjs <server URL> [destination]  (or set HIK_CHECK_DESTINATION)');
  process.exit(2);
}
const response = await fetch(new URL('/__dev/outbox', server), { headers: { Accept: 'application/json' } });
if (!response.ok) {
  console.error(`GET /__dev/outbox: ${response.status}`);
  process.exit(1);
}
const { messages } = await response.json();
const latest = messages.find((m) => m.kind === 'code' && m.to === destination);
if (!latest) {
  console.error(`no code for ${destination} in the outbox yet`);
  process.exit(1);
}
console.log(latest.code);
