/** Shapes of the contact course API's answers (spells, conversations, profiling, Min Plan, caseload). */

export type Bilingual = { da: string; en: string };

export type SpellKind = 'unemployment' | 'notice';
export type SpellStatus = 'active' | 'ended';

export type SpellSummary = {
  id: string;
  jobseekerId: string;
  kind: SpellKind;
  startDate: string;
  registrationDate: string;
  noticeEndDate: string | null;
  targetGroup: string;
  unitId: string | null;
  caseworkerId: string | null;
  segment: string | null;
  cadence: { id: string; key: string; name: string; version: number } | null;
  status: SpellStatus;
  endDate: string | null;
  endReason: string | null;
  passed410On: string | null;
  handoverDate: string | null;
  version: number;
};

export const CONVERSATION_STATUSES = ['planned', 'booked', 'held', 'no_show', 'cancelled', 'exempted', 'superseded'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];
export type ConversationMode = 'in_person' | 'phone' | 'video';
export const CONVERSATION_MODES: ConversationMode[] = ['in_person', 'phone', 'video'];

export type JobPresented = { title: string; employer?: string };

export type Conversation = {
  id: string;
  spellId: string;
  planKey: string | null;
  type: string;
  label: string;
  mandatory: boolean;
  plannedMode: string;
  earliest: string | null;
  latest: string | null;
  status: ConversationStatus;
  scheduledAt: string | null;
  durationMinutes: number | null;
  mode: ConversationMode | null;
  place: string | null;
  caseworkerId: string | null;
  selfBooked: boolean;
  moveCount: number;
  outsideWindowReason: string | null;
  heldOn: string | null;
  notes: string | null;
  guideAnswers: Record<string, string> | null;
  agreements: string[];
  jobsPresented: JobPresented[];
  exemptionReason: string | null;
  cancelReason: string | null;
  version: number;
};

export type RiskContribution = {
  input: string;
  label: string;
  labelEn: string;
  value: string | number | boolean | null;
  category: string | null;
  coefficient: number | null;
  contribution: number;
  status: 'used' | 'missing' | 'unknown_code' | 'out_of_range';
};

export type RiskScore = {
  modelId: string;
  modelVersion: number;
  probability: number;
  band: 'low' | 'medium' | 'high';
  suggestedSegment: string | null;
  allowedSegments: string[] | null;
  contributions: RiskContribution[];
  missing: { input: string; label: string; labelEn: string; status: string }[];
};

export type SegmentAssessment = {
  id: string;
  chosenSegment: string;
  suggestedSegment: string | null;
  overridden: boolean;
  reason: string | null;
  probability: number | null;
  band: string | null;
  decidedAt: string;
  decidedByName: string | null;
};

export type OrgSegment = { segment: string; cadenceKey: string; name: string };
export type OpenTask = { id: string; kind: string; title: string; dueDate: string; assigneeId: string | null };

export type SpellDetail = SpellSummary & {
  jobseeker: { id: string; name: string; cprMasked: string; age: number } | null;
  conversations: Conversation[];
  assessments: SegmentAssessment[];
  benefitHours: { month: string; hours: number }[];
  openTasks: OpenTask[];
  segments: OrgSegment[];
};

export type QuestionKind = 'single_choice' | 'likert' | 'yes_no' | 'free_text';
export type Question = {
  code: string;
  kind: QuestionKind;
  required?: boolean;
  text: Bilingual;
  help?: Bilingual;
  options?: { code: string; label: Bilingual }[];
  scaleLabels?: Bilingual[];
};
export type Questionnaire = { id: string; version: number; title: Bilingual; description?: Bilingual; questions: Question[] };
export type AnswerValue = string | number | boolean;

export type Profiling = {
  questionnaire: { id: string; definition: Questionnaire } | null;
  response: { id: string; answers: Record<string, AnswerValue>; answeredAt: string; answeredBy: string } | null;
  score: RiskScore | null;
  segments: OrgSegment[];
  currentSegment: string | null;
};

export type ConversationGuide = { purpose: Bilingual; prompts: ({ key: string } & Bilingual)[] };
export type ConversationGuides = { guides: Record<string, ConversationGuide> };

export type PlanActivityStatus = 'open' | 'done' | 'dropped';
export type PlanVersion = {
  id: string;
  version: number;
  jobGoals: { title: string; occupationCode?: string | null }[];
  activities: { id: string; title: string; dueDate: string | null; status: PlanActivityStatus }[];
  searchRequirementPerWeek: number | null;
  searchStrategy: string | null;
  changeNote: string | null;
  createdByKind: 'staff' | 'jobseeker';
  createdByName: string | null;
  createdAt: string;
};
export type PlanComment = { id: string; version: number; body: string; createdAt: string };
export type Plan = { current: PlanVersion | null; versions: PlanVersion[]; comments?: PlanComment[] };
export type PlanInput = {
  basedOnVersion: number;
  jobGoals: { title: string }[];
  activities: { id?: string; title: string; dueDate?: string | null; status: PlanActivityStatus }[];
  searchRequirementPerWeek?: number | null;
  searchStrategy?: string | null;
  changeNote?: string | null;
};

export type TrafficLight = 'overdue' | 'due_soon' | 'ok';
export const TRAFFIC_LIGHTS: TrafficLight[] = ['overdue', 'due_soon', 'ok'];

export type PersonName = { id: string; firstName: string; lastName: string };

export type CaseloadItem = {
  spellId: string;
  jobseeker: PersonName;
  segment: string | null;
  targetGroup: string;
  status: SpellStatus;
  unit: { id: string; name: string } | null;
  caseworker: { id: string; name: string } | null;
  startDate: string;
  nextConversation: { id: string; type: string; label: string; mandatory: boolean; earliest: string | null; latest: string | null; status: 'planned' | 'booked'; scheduledAt: string | null } | null;
  light: TrafficLight;
  openTaskCount: number;
};

export type CaseloadPage = {
  items: CaseloadItem[];
  total: number;
  page: number;
  pageSize: number;
  today: string;
  dueSoonUntil: string;
  scope: { caseworkerId: string | null; unitId: string | null };
};

export type Task = {
  id: string;
  kind: string;
  title: string;
  dueDate: string;
  status: 'open' | 'done' | 'cancelled';
  overdue: boolean;
  spellId: string | null;
  jobseeker: PersonName | null;
  assignee: { id: string; name: string } | null;
  unitId: string | null;
  createdAt: string;
  completedAt: string | null;
};

export type TemplateSummary = { id: string; kind: 'cadence' | 'questionnaire' | 'risk_model'; key: string; version: number; name: string; segment: string | null; active: boolean; validFrom: string };

export type CadenceWindow =
  | { kind: 'on_day'; day: number }
  | { kind: 'within_days'; days: number }
  | { kind: 'within_weeks'; weeks: number }
  | { kind: 'in_week'; week: number }
  | { kind: 'between_weeks'; from: number; to: number }
  | { kind: 'at_weeks'; weeks: number; weeksBefore?: number }
  | { kind: 'within_months'; months: number }
  | { kind: 'at_months'; months: number; weeksBefore?: number };

export type CadenceDefinition = {
  id: string;
  version: number;
  name: string;
  description: string;
  segment: string;
  anchor: 'first_day_of_unemployment' | 'course_start';
  validFrom: string;
  validTo?: string;
  source: string;
  conversations: { key: string; type: string; label: string; window: CadenceWindow; mandatory: boolean; mode: string; repeat?: { everyWeeks: number; times: number }; maxMinutes?: number }[];
  handover: { kind: 'hours'; hours: number } | { kind: 'months'; months: number } | { kind: 'weeks'; weeks: number } | { kind: 'none' };
  minimumTalks?: { count: number; withinMonths: number; minimumShare?: number; description: string }[];
};

export type TemplateDetail = TemplateSummary & { definition: CadenceDefinition; versions: { id: string; version: number; validFrom: string }[] };

export type ClosingDay = { id: string; day: string; reason: string };
