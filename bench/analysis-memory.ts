/**
 * Whether the analysis core waits on memory: over the development comments (those `bench:throughput`
 * times), the bundled working-tree core's
 *
 * - garbage collection: collections per 10,000 comments and their share of the CPU time;
 * - allocation: bytes allocated per comment, and the functions that allocate them, from V8's sampling
 *   heap profiler counting objects that a collection has freed since (most of them);
 * - data working set: the time per comment of a hundred comments spread over the set, timed inside
 *   whole passes over all comments and then in passes over those hundred alone (their words, lexicon
 *   entries and cue candidates then stay in the processor's cache). Equal times mean that the much
 *   larger working set of the whole set costs nothing: the core is bound by its own work, not by memory.
 *
 * Run with `npm run bench:memory`. Run as `node --min-semi-space-size=128 --max-semi-space-size=128
 * --import tsx bench/analysis-memory.ts` (NODE_OPTIONS refuses the first flag), the young generation is
 * 8 times larger and collected far less often: a rate that does not rise says that collection is no
 * bottleneck either. The rate is the CPU time of whole passes, so compare runs, not single figures.
 */
import { Session } from 'node:inspector/promises';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { importWorkingTreeCore } from './core-at-commit.js';
import { loadMams, loadTelecomNps } from './labelled-data.js';

const PASSES = 40;
const SAMPLED_PASSES = 5;
const SAMPLE_SIZE = 100;

const texts = [...loadTelecomNps().map((c) => c.text), ...loadMams('val').map((s) => s.text)].filter(
  (text) => text.trim() !== '',
);
const analyze = await importWorkingTreeCore();

function analyzeAt(i: number) {
  analyze({ id: `bench-${i}`, text: texts[i] as string });
}

function pass() {
  for (let i = 0; i < texts.length; i++) analyzeAt(i);
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

for (let p = 0; p < 20; p++) pass(); // warm-up: every word met, every function optimised

const collections = { minor: 0, major: 0, ms: 0 };
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
    if (kind === constants.NODE_PERFORMANCE_GC_MINOR) collections.minor++;
    else collections.major++;
    collections.ms += entry.duration;
  }
});
observer.observe({ entryTypes: ['gc'] });
const started = process.cpuUsage();
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
for (let p = 0; p < PASSES; p++) {
  pass();
  // Node reports each collection from its event loop, which a synchronous run of passes never lets turn.
  await nextTurn();
}
const seconds = cpuSeconds(started);
await nextTurn();
observer.disconnect();
const comments = PASSES * texts.length;
console.log(
  `${comments.toLocaleString('en')} analyses, ${Math.round(comments / seconds).toLocaleString('en')} comments/s`,
);
console.log(
  `  garbage collection: ${((collections.minor * 10_000) / comments).toFixed(1)} scavenges and ` +
    `${((collections.major * 10_000) / comments).toFixed(2)} other collections per 10,000 comments, ` +
    `${((100 * collections.ms) / 1000 / seconds).toFixed(1)}% of the CPU time`,
);

const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 512,
  includeObjectsCollectedByMinorGC: true,
  includeObjectsCollectedByMajorGC: true,
});
for (let p = 0; p < SAMPLED_PASSES; p++) pass();
const { profile } = await session.post('HeapProfiler.stopSampling');
session.disconnect();
const bytesBySite = new Map<string, number>();
let sampledBytes = 0;
function addSite(node: typeof profile.head, caller: string) {
  const name = node.callFrame.functionName || '(anonymous)';
  // A built-in (Set, push, join) is named after the core function that called it.
  const site = node.callFrame.url === '' ? `${caller} > ${name}` : name;
  bytesBySite.set(site, (bytesBySite.get(site) ?? 0) + node.selfSize);
  sampledBytes += node.selfSize;
  for (const child of node.children) addSite(child, name);
}
addSite(profile.head, '');
const perComment = (bytes: number) => Math.round(bytes / (SAMPLED_PASSES * texts.length));
console.log(`  allocation: ~${perComment(sampledBytes).toLocaleString('en')} bytes per comment, most by`);
for (const [site, bytes] of [...bytesBySite].sort((a, b) => b[1] - a[1]).slice(0, 8))
  console.log(`    ${String(perComment(bytes)).padStart(6)} B  ${site}`);

const sample = Array.from({ length: SAMPLE_SIZE }, (_, k) => Math.floor((k * texts.length) / SAMPLE_SIZE));
const ROUNDS = 15;
// Per sample comment, its time in each round (wall-clock nanoseconds); the median of a comment's rounds
// drops the rounds in which another process on a shared machine took the core away mid-analysis.
const withinAll = sample.map(() => [] as number[]);
const alone = sample.map(() => [] as number[]);
function timeAt(i: number): number {
  const before = process.hrtime.bigint();
  analyzeAt(i);
  return Number(process.hrtime.bigint() - before);
}
for (let round = 0; round < ROUNDS; round++) {
  let next = 0;
  for (let i = 0; i < texts.length; i++) {
    if (i === sample[next]) withinAll[next++]?.push(timeAt(i));
    else analyzeAt(i);
  }
  // As many passes over the sample alone as a whole pass holds comments: the same number of analyses.
  for (let repeat = 0; repeat < texts.length / SAMPLE_SIZE; repeat++)
    for (const [k, i] of sample.entries()) alone[k]?.push(timeAt(i));
}
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const microseconds = (times: number[][]) => times.reduce((sum, t) => sum + median(t), 0) / 1000 / SAMPLE_SIZE;
console.log(
  `  working set: ${SAMPLE_SIZE} comments take ${microseconds(withinAll).toFixed(1)} us each among all ` +
    `${texts.length}, ${microseconds(alone).toFixed(1)} us alone (medians of each comment's times)`,
);
