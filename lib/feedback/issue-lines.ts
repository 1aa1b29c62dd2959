/**
 * Validation issues as `path: message` lines (`(root)` for the value as a whole): the one form every
 * edge reports them in (API `issues`, rejects, CLI errors, config errors). Takes zod issues, or the
 * Standard Schema issues the event-handler passes on (whose path segments may be `{ key }` objects).
 */
export function issueLines(
  issues: ReadonlyArray<{
    path?: ReadonlyArray<PropertyKey | { key: PropertyKey }> | undefined;
    message: string;
  }>,
): string[] {
  return issues.map((issue) => {
    const path = (issue.path ?? []).map((segment) =>
      typeof segment === 'object' ? String(segment.key) : String(segment),
    );
    return `${path.join('.') || '(root)'}: ${issue.message}`;
  });
}
