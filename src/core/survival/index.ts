export { SurvivalInputError, type GroupKey } from './spell-table.js';
export {
  estimateKaplanMeier,
  evaluateSurvivalAt,
  estimateSurvivalQuantiles,
  estimateMedianSurvival,
  type SurvivalInput,
  type EstimateOptions,
  type KaplanMeierCurve,
  type KaplanMeierFit,
  type SurvivalAtTime,
  type SurvivalQuantile,
  type MedianRule,
} from './kaplan-meier.js';
export { compareByLogRank, type LogRankTest, type LogRankGroup } from './log-rank.js';
export {
  estimateCumulativeIncidence,
  evaluateIncidenceAt,
  estimateIncidenceQuantile,
  type CompetingRiskInput,
  type CumulativeIncidenceCurve,
  type CumulativeIncidenceFit,
  type IncidenceAtTime,
  type ProbabilityBand,
} from './cumulative-incidence.js';
export { chiSquareUpperTail, normalQuantile, regularizedGammaQ, logGamma } from './distributions.js';
export { summarizeSurvival, summarizeIncidence, type SpellSummary, type GroupSummary, type SurvivalPoint, type IncidencePoint } from './summarize-spells.js';
