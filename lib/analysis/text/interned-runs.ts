/**
 * Runs of whole numbers (int32) one after another in one typed array, each distinct run kept once and
 * known by where it starts. What a step works out per word (the cues that can start on it, the terms it
 * matches) is such a run, and most words share theirs with others (every negator starts the same cues;
 * most words match no term): a word's run is then found by one number per word (see `LexemeNumbers`)
 * and read from a few contiguous kilobytes, where an array per word, spread over the heap, cost a cache
 * miss for nearly every word a step looked at. Kept once also bounds the array: a word met after the
 * table of words filled up (worked out afresh each time) adds nothing new.
 */
export class InternedRuns {
  /** The runs; replaced by a larger copy as runs are added, so read it again after `add`. */
  values = new Int32Array(256);
  private used = 0;
  private readonly starts = new Map<string, number>();

  /** Where `run` starts in `values`: the same place for runs of the same numbers. */
  add(run: readonly number[]): number {
    const key = run.join(',');
    const known = this.starts.get(key);
    if (known !== undefined) return known;
    while (this.used + run.length > this.values.length) {
      const grown = new Int32Array(2 * this.values.length);
      grown.set(this.values);
      this.values = grown;
    }
    const start = this.used;
    this.values.set(run, start);
    this.used += run.length;
    this.starts.set(key, start);
    return start;
  }
}
