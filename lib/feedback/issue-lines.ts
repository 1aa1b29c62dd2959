import { type Redacted, redactPii } from '../analysis/privacy/redact-pii.js';

/**
 * Validation issues as `path: message` lines (`(root)` for the value as a whole): the one form every
 * edge reports them in (API `issues`, rejects, CLI errors, config errors). Takes zod issues, or the
 * Standard Schema issues the event-handler passes on (whose path segments may be `{ key }` objects).
 * Each line goes through the redaction gate: zod quotes what it refused (`Unrecognized key:
 * "jane@example.com"`), and these lines are printed, logged, stored with rejects and sent back.
 */
export function issueLines(
  issues: ReadonlyArray<{
    path?: ReadonlyArray<PropertyKey | { key: PropertyKey }> | undefined;
    message: string;
  }>,
): Redacted[] {
  return issues.map((issue) => {
    const path = (issue.path ?? []).map((segment) =>
      typeof segment === 'object' ? String(segment.key) : String(segment),
    );
    return redactPii(`${path.join('.') || '(root)'}: ${issue.message}`);
  });
}
