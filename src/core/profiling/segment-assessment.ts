import type { TLocalizedText } from './localized-text.js';
import type { RiskBand, RiskScore } from './risk-model.js';

/** A reason shorter than this says nothing a colleague or the jobcenter could follow. */
export const MIN_OVERRIDE_REASON_LENGTH = 10;

export interface SegmentAssessmentInput {
  score: Pick<RiskScore, 'modelId' | 'modelVersion' | 'probability' | 'band' | 'scheme' | 'suggestedSegment' | 'allowedSegments'>;
  chosenSegment: string;
  reason?: string | null;
  /** Defaults to MIN_OVERRIDE_REASON_LENGTH. */
  minReasonLength?: number;
}

/** The caseworker's decision as it is kept beside the profiling result. */
export interface SegmentAssessment {
  chosenSegment: string;
  suggestedSegment: string | null;
  /** True when the caseworker chose otherwise than the model suggested (or it suggested nothing). */
  overridden: boolean;
  reason: string | null;
  modelId: string;
  modelVersion: number;
  probability: number;
  band: RiskBand;
}

export type SegmentAssessmentErrorCode = 'segment_required' | 'segment_not_in_scheme' | 'reason_required';

export interface SegmentAssessmentError {
  field: 'chosenSegment' | 'reason';
  code: SegmentAssessmentErrorCode;
  message: TLocalizedText;
}

export type SegmentAssessmentResult =
  | { ok: true; assessment: SegmentAssessment }
  | { ok: false; errors: SegmentAssessmentError[] };

/**
 * The risk score is a dialogue tool, never the decision: the caseworker picks the segment.
 * Choosing another segment than the suggested one is allowed, but needs a written reason so
 * the professional judgement is kept. With no suggestion at all, any choice counts as an
 * override and needs a reason too.
 */
export function assessSegment(input: SegmentAssessmentInput): SegmentAssessmentResult {
  const { score } = input;
  const chosenSegment = input.chosenSegment.trim();
  const reason = input.reason?.trim() ?? '';
  const minReasonLength = input.minReasonLength ?? MIN_OVERRIDE_REASON_LENGTH;

  if (chosenSegment === '') {
    return {
      ok: false,
      errors: [
        {
          field: 'chosenSegment',
          code: 'segment_required',
          message: { da: 'Feltet chosenSegment (gruppe) skal udfyldes.', en: 'The field chosenSegment (segment) is required.' },
        },
      ],
    };
  }
  if (score.allowedSegments && !score.allowedSegments.includes(chosenSegment)) {
    const allowed = score.allowedSegments.join(', ');
    return {
      ok: false,
      errors: [
        {
          field: 'chosenSegment',
          code: 'segment_not_in_scheme',
          message: {
            da: `Gruppen „${chosenSegment}“ findes ikke i ordningen ${score.scheme ?? ''}. Vælg en af: ${allowed}.`,
            en: `The segment "${chosenSegment}" is not part of the scheme ${score.scheme ?? ''}. Choose one of: ${allowed}.`,
          },
        },
      ],
    };
  }

  const overridden = chosenSegment !== score.suggestedSegment;
  if (overridden && reason.length < minReasonLength) {
    const suggestion = score.suggestedSegment;
    return {
      ok: false,
      errors: [
        {
          field: 'reason',
          code: 'reason_required',
          message: suggestion
            ? {
                da: `Feltet reason (begrundelse) skal udfyldes med mindst ${minReasonLength} tegn, når du vælger gruppen „${chosenSegment}“ i stedet for den foreslåede „${suggestion}“.`,
                en: `The field reason must hold at least ${minReasonLength} characters when you choose the segment "${chosenSegment}" instead of the suggested "${suggestion}".`,
              }
            : {
                da: `Feltet reason (begrundelse) skal udfyldes med mindst ${minReasonLength} tegn, fordi profilafklaringen ikke har foreslået en gruppe.`,
                en: `The field reason must hold at least ${minReasonLength} characters because the profiling suggested no segment.`,
              },
        },
      ],
    };
  }

  return {
    ok: true,
    assessment: {
      chosenSegment,
      suggestedSegment: score.suggestedSegment,
      overridden,
      reason: reason === '' ? null : reason,
      modelId: score.modelId,
      modelVersion: score.modelVersion,
      probability: score.probability,
      band: score.band,
    },
  };
}
