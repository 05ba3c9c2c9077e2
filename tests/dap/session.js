// A whole DAP session on examples/whowrote.c through build/backstep-dap, driven
// by VS Code's own test client (@vscode/debugadapter-testsupport): stop on
// entry, breakpoints (line, conditional, function), stack, variables, watch
// expressions, forwards and backwards (reverseContinue, stepBack, the custom
// reverseStepOut), the debug console's gdb commands, the exit stop, the exit
// code and the program's output; then an attach to a `backstep -g` started
// here, and a launch that must fail with backstep's reason.
//
//   node session.js ADAPTER BACKSTEP PROGRAM SOURCE QEMU_ARM SPIN
//
// SPIN (spin.c) runs until paused: pause, reverseContinue to the start of
// history, disconnect while running.
//
// Expected values come from the C source's semantics (vals[i] = 7i+3, the
// bucket of v is v % 9, a bucket of 8 lands in s.guard) and from qemu-arm
// (the reference) for the output and exit status.
'use strict';
const assert = require('node:assert/strict');
const cp = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { DebugClient } = require('@vscode/debugadapter-testsupport');

const [adapter, backstep, program, source, qemu, spin] = process.argv.slice(2);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dap-test-'));
const log = path.join(work, 'adapter.log');

const srcLines = fs.readFileSync(source, 'utf8').split('\n');
const lineOf = (text) => {
  const i = srcLines.findIndex((l) => l.includes(text));
  assert.ok(i >= 0, `no line with ${text} in ${source}`);
  return i + 1;
};
const WRITE_LINE = lineOf('the write that goes astray'); // s.hist[bucket_of(vals[i])]++
const LOOP_LINE = lineOf('for (unsigned i = 0; i < n; i++)');
const CALL_LINE = lineOf('count(vals, 40);');
const val = (i) => i * 7 + 3;
// s.hist and s.guard before iteration `upto` of count() runs
const histBefore = (upto) => {
  const h = new Array(9).fill(0);
  for (let i = 0; i < upto; i++) h[val(i) % 9]++;
  return h;
};

let checks = 0;
const ok = (cond, what) => { assert.ok(cond, what); checks++; console.log(`ok: ${what}`); };

// The reference run: qemu-arm's stdout and exit status.
const ref = cp.spawnSync(qemu, [program], { env: { ...process.env, QEMU_CPU: 'cortex-a15,neon=off' } });
assert.equal(ref.error, undefined, `qemu-arm: ${ref.error}`);
const refOut = ref.stdout.toString();

function elfEntry(file) {
  const b = fs.readFileSync(file);
  return b.readUInt32LE(24); // e_entry of an ELF32 header
}

async function topFrame(dc, threadId) {
  const st = await dc.stackTraceRequest({ threadId, startFrame: 0, levels: 20 });
  return st.body.stackFrames;
}

async function evaluate(dc, expression, frameId, context = 'watch') {
  const r = await dc.evaluateRequest({ expression, frameId, context });
  return r.body;
}

// Resumes with `request` and waits for the stop it leads to.
async function move(dc, request) {
  const stopped = dc.waitForEvent('stopped');
  await request();
  return (await stopped).body;
}

function newClient() {
  // DAP_STDERR=1 shows the adapter's stderr (sanitizer reports)
  const dc = new DebugClient(adapter, `--log=${log}`, 'backstep', undefined, !!process.env.DAP_STDERR);
  dc.defaultTimeout = 120000; // the ASan build is slow
  return dc;
}

async function mainSession() {
  const dc = newClient();
  let stdout = '';
  dc.on('output', (e) => { if (e.body.category === 'stdout') stdout += e.body.output; });
  await dc.start();
  const init = await dc.initializeRequest({ adapterID: 'backstep', linesStartAt1: true, columnsStartAt1: true });
  ok(init.body.supportsStepBack === true && init.body.supportsConfigurationDoneRequest === true &&
     init.body.supportsFunctionBreakpoints && init.body.supportsConditionalBreakpoints &&
     init.body.supportsEvaluateForHovers, 'initialize: step back, configurationDone, function and conditional breakpoints, hovers');

  // launch, stopped on entry: at the ELF entry point
  let stop = dc.waitForEvent('stopped');
  await Promise.all([dc.waitForEvent('initialized').then(() => dc.configurationDoneRequest()),
                    dc.launchRequest({ program, cwd: work, stopOnEntry: true })]);
  stop = (await stop).body;
  ok(stop.reason === 'entry', `stopped on entry (reason ${stop.reason})`);
  const tid = stop.threadId;
  const threads = (await dc.threadsRequest()).body.threads;
  ok(threads.length === 1 && threads[0].id === tid, `threads: one, id ${tid}`);
  let frames = await topFrame(dc, tid);
  ok(parseInt(frames[0].instructionPointerReference, 16) === elfEntry(program),
     `entry frame at the ELF entry point 0x${elfEntry(program).toString(16)} (${frames[0].name})`);

  // a line breakpoint in count(), continue to it
  const bps = await dc.setBreakpointsRequest({ source: { path: source }, breakpoints: [{ line: WRITE_LINE }] });
  ok(bps.body.breakpoints[0].verified && bps.body.breakpoints[0].line === WRITE_LINE, `breakpoint at line ${WRITE_LINE} verified`);
  stop = await move(dc, () => dc.continueRequest({ threadId: tid }));
  ok(stop.reason === 'breakpoint', 'continue: stopped at the breakpoint');
  frames = await topFrame(dc, tid);
  ok(frames[0].name === 'count' && frames[0].line === WRITE_LINE && frames[0].source.path === source,
     `stack: count at ${path.basename(source)}:${WRITE_LINE}`);
  ok(frames[1].name === 'main' && frames[1].line === CALL_LINE, `stack: called from main at line ${CALL_LINE}`);

  // variables: locals, arguments (a pointer expands to what it points at), registers
  const scopes = (await dc.scopesRequest({ frameId: frames[0].id })).body.scopes;
  const scope = (name) => scopes.find((s) => s.name === name).variablesReference;
  const locals = (await dc.variablesRequest({ variablesReference: scope('Locals') })).body.variables;
  ok(locals.some((v) => v.name === 'i' && v.value === '0'), 'Locals: i = 0');
  const argsv = (await dc.variablesRequest({ variablesReference: scope('Arguments') })).body.variables;
  ok(argsv.some((v) => v.name === 'n' && v.value === '40'), 'Arguments: n = 40');
  const valsVar = argsv.find((v) => v.name === 'vals');
  ok(valsVar && valsVar.variablesReference > 0, 'Arguments: vals is expandable');
  const pointee = (await dc.variablesRequest({ variablesReference: valsVar.variablesReference })).body.variables;
  ok(pointee.length === 1 && pointee[0].value === String(val(0)), `*vals = ${val(0)}`);
  const regs = (await dc.variablesRequest({ variablesReference: scope('Registers') })).body.variables;
  const pc = regs.find((r) => r.name === 'pc');
  ok(pc && parseInt(pc.value, 16) === parseInt(frames[0].instructionPointerReference, 16), `Registers: pc = ${pc && pc.value}`);

  // watch expressions: a scalar, and a struct member that is an array
  ok((await evaluate(dc, 'vals[i]', frames[0].id)).result === String(val(0)), 'watch vals[i] = 3');
  const hist = await evaluate(dc, 's.hist', frames[0].id);
  ok(hist.variablesReference > 0, 'watch s.hist is expandable');
  const histKids = (await dc.variablesRequest({ variablesReference: hist.variablesReference })).body.variables;
  ok(histKids.length === 8 && histKids.every((k) => k.value === '0'), 's.hist: 8 buckets of 0');
  const hover = await evaluate(dc, 'n', frames[0].id, 'hover');
  ok(hover.result === '40', 'hover n = 40');

  // a conditional breakpoint: i == 20
  await dc.setBreakpointsRequest({ source: { path: source }, breakpoints: [{ line: WRITE_LINE, condition: 'i == 20' }] });
  stop = await move(dc, () => dc.continueRequest({ threadId: tid }));
  frames = await topFrame(dc, tid);
  ok(stop.reason === 'breakpoint' && (await evaluate(dc, 'i', frames[0].id)).result === '20', 'conditional breakpoint: stopped with i = 20');
  const want20 = histBefore(20);
  const guard20 = await evaluate(dc, 's.guard', frames[0].id);
  ok(guard20.result === String(want20[8]), `watch s.guard = ${want20[8]} before iteration 20`);
  const when20 = (await evaluate(dc, '-exec monitor when', frames[0].id, 'repl')).result;
  ok(/^Current instruction count: \d+$/.test(when20), `debug console: -exec monitor when: ${when20}`);

  // a function breakpoint, stepOut back to count()
  await dc.setBreakpointsRequest({ source: { path: source }, breakpoints: [] });
  await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'bucket_of' }] });
  stop = await move(dc, () => dc.continueRequest({ threadId: tid }));
  frames = await topFrame(dc, tid);
  ok(stop.reason === 'function breakpoint' && frames[0].name === 'bucket_of', 'function breakpoint: in bucket_of');
  ok((await evaluate(dc, 'v', frames[0].id)).result === String(val(20)), `bucket_of's v = ${val(20)}`);
  stop = await move(dc, () => dc.stepOutRequest({ threadId: tid }));
  frames = await topFrame(dc, tid);
  ok(stop.reason === 'step' && frames[0].name === 'count', 'stepOut: back in count');
  await dc.setFunctionBreakpointsRequest({ breakpoints: [] });

  // on to iteration 21, then reverseContinue back to iteration 20's stop
  await dc.setBreakpointsRequest({ source: { path: source }, breakpoints: [{ line: WRITE_LINE }] });
  stop = await move(dc, () => dc.continueRequest({ threadId: tid }));
  frames = await topFrame(dc, tid);
  ok((await evaluate(dc, 'i', frames[0].id)).result === '21', 'continue: the breakpoint again, i = 21');
  stop = await move(dc, () => dc.reverseContinueRequest({ threadId: tid }));
  frames = await topFrame(dc, tid);
  ok(stop.reason === 'breakpoint' && frames[0].line === WRITE_LINE, 'reverseContinue: back at the breakpoint');
  ok((await evaluate(dc, 'i', frames[0].id)).result === '20', 'in the past: i = 20');
  ok((await evaluate(dc, '-exec monitor when', frames[0].id, 'repl')).result === when20,
     'the same instruction count as when going forwards');
  ok((await evaluate(dc, 's.guard', frames[0].id)).result === String(want20[8]), 'in the past: s.guard as before iteration 20');

  // stepBack twice: through the loop header into iteration 19's body
  await dc.setBreakpointsRequest({ source: { path: source }, breakpoints: [] });
  stop = await move(dc, () => dc.stepBackRequest({ threadId: tid }));
  frames = await topFrame(dc, tid);
  ok(stop.reason === 'step' && frames[0].name === 'count' && frames[0].line === LOOP_LINE, `stepBack: line ${LOOP_LINE} (the loop header)`);
  stop = await move(dc, () => dc.stepBackRequest({ threadId: tid }));
  frames = await topFrame(dc, tid);
  ok(frames[0].line === WRITE_LINE, `stepBack: line ${WRITE_LINE} again`);
  ok((await evaluate(dc, 'i', frames[0].id)).result === '19', 'in the past: i = 19');
  ok((await evaluate(dc, 'vals[i]', frames[0].id)).result === String(val(19)), `in the past: vals[i] = ${val(19)}`);
  const h19 = (await dc.variablesRequest({ variablesReference: (await evaluate(dc, 's.hist', frames[0].id)).variablesReference })).body.variables;
  ok(h19.map((k) => k.value).join(',') === histBefore(19).slice(0, 8).join(','), 'in the past: s.hist as before iteration 19');

  // one instruction back and forth comes back to the same pc
  const pc0 = frames[0].instructionPointerReference;
  await move(dc, () => dc.stepBackRequest({ threadId: tid, granularity: 'instruction' }));
  const pcBack = (await topFrame(dc, tid))[0].instructionPointerReference;
  await move(dc, () => dc.stepInRequest({ threadId: tid, granularity: 'instruction' }));
  const pcFwd = (await topFrame(dc, tid))[0].instructionPointerReference;
  ok(pcBack !== pc0 && pcFwd === pc0, `stepBack/stepIn by instruction: ${pc0} -> ${pcBack} -> ${pcFwd}`);

  // the custom reverseStepOut (reverse-finish): back to the call in main
  stop = await move(dc, () => dc.customRequest('reverseStepOut', { threadId: tid }));
  frames = await topFrame(dc, tid);
  ok(frames[0].name === 'main' && frames[0].line === CALL_LINE, `reverseStepOut: main, line ${CALL_LINE}`);

  // to the end: the exit stop, then the exit with qemu-arm's status
  stop = await move(dc, () => dc.continueRequest({ threadId: tid }));
  ok(stop.reason === 'exit' && stop.description.includes(`status ${ref.status}`), `continue: the exit stop (${stop.description})`);
  // who wrote s.guard last? a watchpoint from the debug console, reverseContinue
  let lastWriter = -1;
  for (let i = 0; i < 40; i++) if (val(i) % 9 === 8) lastWriter = i;
  frames = await topFrame(dc, tid);
  await evaluate(dc, '-exec watch -l s.guard', frames[0].id, 'repl');
  stop = await move(dc, () => dc.reverseContinueRequest({ threadId: tid }));
  frames = await topFrame(dc, tid);
  ok(stop.reason === 'data breakpoint' && frames[0].name === 'count' && frames[0].line === WRITE_LINE,
     `watch -l s.guard, reverseContinue: stopped at the write in count, line ${WRITE_LINE}`);
  ok((await evaluate(dc, 'i', frames[0].id)).result === String(lastWriter) &&
     (await evaluate(dc, 's.guard', frames[0].id)).result === String(histBefore(lastWriter)[8]),
     `the last write: i = ${lastWriter}, s.guard = ${histBefore(lastWriter)[8]} before it`);
  await evaluate(dc, '-exec delete', frames[0].id, 'repl');
  stop = await move(dc, () => dc.continueRequest({ threadId: tid }));
  ok(stop.reason === 'exit', 'continue: the exit stop again');
  const exited = dc.waitForEvent('exited');
  const terminated = dc.waitForEvent('terminated');
  await dc.continueRequest({ threadId: tid });
  ok((await exited).body.exitCode === ref.status, `exited with code ${ref.status}, as under qemu-arm`);
  await terminated;
  ok(stdout === refOut, "the program's stdout came as output events, once, as under qemu-arm");
  await disconnect(dc);
}

// Disconnects and checks that the adapter process ends by itself.
async function disconnect(dc) {
  const proc = dc._adapterProcess;
  const gone = new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
  await dc.disconnectRequest({});
  const code = await Promise.race([gone, new Promise((r) => setTimeout(() => r('timeout'), 20000))]);
  if (code === 'timeout') proc.kill();
  ok(code === 0, `disconnect: the adapter exits (${code})`);
}

async function attachSession() {
  const sock = path.join(work, 'attach.sock');
  const bs = cp.spawn(backstep, ['-g', `unix:${sock}`, program], { stdio: ['ignore', 'pipe', 'pipe'] });
  let bsOut = '';
  bs.stdout.on('data', (d) => { bsOut += d; });
  for (let i = 0; i < 200 && !fs.existsSync(sock); i++) await new Promise((r) => setTimeout(r, 50));
  const bsExit = new Promise((resolve) => bs.once('exit', (code) => resolve(code)));
  const dc = newClient();
  await dc.start();
  await dc.initializeRequest({ adapterID: 'backstep' });
  const exited = dc.waitForEvent('exited');
  const bp = dc.waitForEvent('initialized').then(() => dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'count' }] }))
    .then(() => dc.configurationDoneRequest());
  const stopped = dc.waitForEvent('stopped');
  await Promise.all([bp, dc.attachRequest({ target: `unix:${sock}`, program })]);
  const st = (await stopped).body;
  const frames = await topFrame(dc, st.threadId);
  ok(st.reason === 'function breakpoint' && frames[0].name === 'count', 'attach: runs to the function breakpoint in count');
  await dc.setFunctionBreakpointsRequest({ breakpoints: [] });
  const exitStop = await move(dc, () => dc.continueRequest({ threadId: st.threadId }));
  ok(exitStop.reason === 'exit', 'attach: the exit stop');
  await dc.continueRequest({ threadId: st.threadId });
  ok((await exited).body.exitCode === ref.status, `attach: exited with code ${ref.status}`);
  ok((await bsExit) === ref.status && bsOut === refOut, "attach: backstep ends with the program's status and output");
  await disconnect(dc);
}

async function pauseSession() {
  const dc = newClient();
  let stdout = '';
  const started = new Promise((resolve) => dc.on('output', (e) => {
    if (e.body.category === 'stdout' && (stdout += e.body.output).includes('spinning\n')) resolve();
  }));
  await dc.start();
  await dc.initializeRequest({ adapterID: 'backstep' });
  await Promise.all([dc.waitForEvent('initialized').then(() => dc.configurationDoneRequest()),
                     dc.launchRequest({ program: spin })]);
  await started;
  let stop = await move(dc, () => dc.pauseRequest({ threadId: 1 }));
  let frames = await topFrame(dc, stop.threadId);
  const laps1 = Number((await evaluate(dc, 'laps', frames[0].id)).result);
  ok(stop.reason === 'pause' && frames[0].name === 'main' && laps1 > 0, `pause: stopped in main, laps = ${laps1}`);
  await dc.continueRequest({ threadId: stop.threadId });
  await new Promise((r) => setTimeout(r, 300));
  stop = await move(dc, () => dc.pauseRequest({ threadId: 1 }));
  frames = await topFrame(dc, stop.threadId);
  const laps2 = Number((await evaluate(dc, 'laps', frames[0].id)).result);
  ok(laps2 > laps1, `continue then pause: laps = ${laps2}`);
  stop = await move(dc, () => dc.reverseContinueRequest({ threadId: stop.threadId }));
  frames = await topFrame(dc, stop.threadId);
  ok(stop.reason === 'start of history' && parseInt(frames[0].instructionPointerReference, 16) === elfEntry(spin),
     `reverseContinue with no breakpoint: the start of history, at the entry point (${stop.reason})`);
  ok((await evaluate(dc, 'laps', frames[0].id)).result === '0', 'there laps = 0');
  await dc.continueRequest({ threadId: stop.threadId });
  ok(stdout === 'spinning\n', 'going forward again replays: the output is not printed twice');
  await disconnect(dc); // while it runs: interrupted and killed
}

async function failedLaunch() {
  // through the VS Code extension's own entry (dap/vscode/package.json's
  // "program"), as VS Code starts it
  const ext = path.join(__dirname, '..', '..', 'dap', 'vscode');
  const dbg = JSON.parse(fs.readFileSync(path.join(ext, 'package.json'), 'utf8')).contributes.debuggers[0];
  ok(dbg.type === 'backstep' && dbg.configurationAttributes.launch.required.includes('program'),
     'dap/vscode/package.json contributes the debugger type "backstep"');
  const dc = new DebugClient(path.join(ext, dbg.program), `--log=${log}`, 'backstep',
                             { env: { ...process.env, BACKSTEP_DAP: adapter } }, !!process.env.DAP_STDERR);
  dc.defaultTimeout = 120000;
  await dc.start();
  await dc.initializeRequest({ adapterID: 'backstep' });
  const missing = path.join(work, 'no-such-program');
  const r = await dc.launchRequest({ program: missing }).then(() => null, (e) => e);
  ok(r instanceof Error && /backstep/.test(r.message) && r.message.includes('no-such-program'),
     `launch of a missing program fails with backstep's reason: ${r && r.message}`);
  await disconnect(dc);
}

(async () => {
  try {
    await mainSession();
    await attachSession();
    await pauseSession();
    await failedLaunch();
    console.log(`${checks} passed, 0 failed`);
    fs.rmSync(work, { recursive: true, force: true });
    process.exit(0);
  } catch (e) {
    console.log(`FAIL: ${e.stack || e}`);
    if (fs.existsSync(log)) console.log(`--- adapter log (${log}), last 80 lines:\n` + fs.readFileSync(log, 'utf8').split('\n').slice(-80).join('\n'));
    console.log(`${checks} passed, 1 failed`);
    process.exit(1);
  }
})();
