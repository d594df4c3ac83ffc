/** The plan id the demo plan is stored under (`--demo`). Its own module, so the relay loads the plan model only when it seeds the demo. */
export const DEMO_PLAN_ID = 'demo';
