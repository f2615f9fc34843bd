/** The stated defaults when neither the rep's nor the team's history says more (domain.md). */
export const DEFAULT_RATES = { closeRate: 0.05, cardRate: 0.25 } as const;

/** Less history than this and a rate is not trusted (the rep's, then the team's). */
export const MIN_POOL = 20;
export const MIN_NEW_CUSTOMERS = 20;
