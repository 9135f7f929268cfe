import type { InputProblem } from './input-error.ts';

/**
 * Collects problems by kind (e.g. "unknown answer in column Q2_1"): the first of each kind is
 * reported, the rest only counted — "… en nog 312 keer" — so one wrong column gives one message.
 */
export class ProblemTally {
  private readonly groups = new Map<string, { first: InputProblem; more: number }>();

  add(kind: string, p: InputProblem): void {
    const g = this.groups.get(kind);
    if (g) g.more++;
    else this.groups.set(kind, { first: p, more: 0 });
  }

  get size(): number {
    return this.groups.size;
  }

  problems(): InputProblem[] {
    return [...this.groups.values()].map(({ first, more }) =>
      more === 0 ? first : { ...first, message: `${first.message.replace(/\.$/, '')} (… en nog ${more} keer).` },
    );
  }
}
