import { table } from './format.js';
import type { GoalCheck } from './results.js';

/** The goals table. */
export function goalsTable(goals: GoalCheck[]): string {
  return table(
    ['Goal', 'Target', 'Measured', 'Met', 'Why / note'],
    goals.map((g) => [
      g.goal,
      g.target,
      g.measured,
      g.met ? 'met' : '**missed**',
      g.note ?? '',
    ]),
  );
}
