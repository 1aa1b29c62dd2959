import * as z from 'zod';
import { personNameSchema } from './person-name.js';

/**
 * Who works with whom, as data: team name -> members' person names (the names follow-ups are owned
 * by). The "my team" view shows the follow-ups owned by anyone who shares a team with the viewer.
 * Locally it comes from `serve-local --team NAME,NAME`; deployed from the API function's
 * `TEAM_ROSTER` environment variable (JSON of this shape). A person may be in several teams.
 */
export const teamRosterSchema = z.record(
  z.string().trim().min(1).max(128),
  z.array(personNameSchema).max(1_000),
);

export type TeamRoster = z.infer<typeof teamRosterSchema>;

/** The viewer and everyone sharing a team with them; the viewer alone when no team lists them. */
export function teammatesOf(roster: TeamRoster, viewer: string): string[] {
  const members = Object.values(roster).filter((team) => team.includes(viewer));
  return [...new Set([viewer, ...members.flat()])];
}
