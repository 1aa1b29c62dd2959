/**
 * `compute` worked out once per object (a taxonomy, a model), held weakly so a dropped one can go. The
 * last object asked for is answered with one comparison: nearly every comment is read with the same
 * taxonomy and model, and that costs less than a WeakMap lookup per comment.
 */
export function oncePerObject<Key extends object, Value>(compute: (key: Key) => Value): (key: Key) => Value {
  const values = new WeakMap<Key, Value>();
  let lastKey: Key | undefined;
  let lastValue: Value | undefined;
  return (key) => {
    if (key === lastKey) return lastValue as Value;
    let value = values.get(key);
    if (value === undefined) {
      value = compute(key);
      values.set(key, value);
    }
    lastKey = key;
    lastValue = value;
    return value;
  };
}
