import type { EducationLevel } from '../reference/education-levels';
import { OCCUPATIONS, type Occupation } from '../reference/occupations';

// What synthetic CVs and job orders draw on, per DISCO-08 sub-major group (the first two
// digits): the skills people in it write, the education they have, the trade of the workplaces
// that hire them. Invented for test and benchmark data; no statistics behind the exact words.

export type GroupProfile = {
  skills: readonly string[];
  /** Education levels people in the group mostly hold, the first most often. */
  levels: readonly EducationLevel[];
  /** A CV's education line; `{title}` is the occupation's Danish title in lower case. */
  education: readonly string[];
  /** The trade (branche) of an employer hiring in the group, and workplace name patterns. */
  trade: string;
  /** `{surname}` and `{town}` are filled in. */
  employerNames: readonly string[];
};

const MANAGERS: GroupProfile = {
  skills: ['ledelse', 'personaleledelse', 'budgetansvar', 'strategi', 'forandringsledelse', 'driftsoptimering'],
  levels: ['master', 'professional_bachelor', 'bachelor'],
  education: ['Diplomuddannelse i ledelse', 'Master i offentlig ledelse', 'HD i organisation og ledelse'],
  trade: 'Administration',
  employerNames: ['{surname} Gruppen A/S', '{town} Kommune', '{surname} & Partnere ApS'],
};

export const GROUP_PROFILES: Readonly<Record<string, GroupProfile>> = {
  '11': MANAGERS,
  '12': MANAGERS,
  '13': { ...MANAGERS, trade: 'Offentlig service', employerNames: ['{town} Kommune', 'Plejecenter {town}', 'Skolen i {town}'] },
  '14': { ...MANAGERS, trade: 'Detailhandel', employerNames: ['{surname}s Supermarked', 'Hotel {town}', 'Restaurant {surname}'] },
  '21': {
    skills: ['projektledelse', 'AutoCAD', 'beregninger', 'kvalitetssikring', 'LEAN', 'dokumentation', 'Revit'],
    levels: ['master', 'professional_bachelor'],
    education: ['Civilingeniør', 'Diplomingeniør', 'Cand.scient.'],
    trade: 'Rådgivende ingeniører',
    employerNames: ['{surname} Rådgivende Ingeniører A/S', '{surname} Engineering ApS', '{town} Tegnestue'],
  },
  '22': {
    skills: ['patientpleje', 'journalføring', 'medicinhåndtering', 'akutmodtagelse', 'tværfagligt samarbejde', 'genoptræning', 'sårpleje'],
    levels: ['professional_bachelor', 'master'],
    education: ['Professionsbachelor i {title}', 'Cand.med.', 'Sygeplejerskeuddannelsen'],
    trade: 'Sundhed',
    employerNames: ['Regionshospitalet {town}', 'Lægehuset {town}', 'Sundhedscenter {town}'],
  },
  '23': {
    skills: ['undervisning', 'klasseledelse', 'inklusion', 'forældresamarbejde', 'sprogvurdering', 'vuggestue', 'didaktik'],
    levels: ['professional_bachelor', 'master'],
    education: ['Professionsbachelor som {title}', 'Læreruddannelsen', 'Pædagoguddannelsen'],
    trade: 'Undervisning og dagtilbud',
    employerNames: ['{town} Skole', 'Børnehuset {surname}', 'Sprogcenter {town}', 'Vuggestuen Mælkebøtten i {town}'],
  },
  '24': {
    skills: ['Excel', 'projektledelse', 'rekruttering', 'økonomistyring', 'sagsbehandling', 'kommunikation', 'SAP', 'rapportering'],
    levels: ['master', 'bachelor', 'professional_bachelor'],
    education: ['Cand.merc.', 'HD i regnskab', 'Cand.scient.adm.'],
    trade: 'Finansiering og forretningsservice',
    employerNames: ['{surname} Revision ApS', '{surname} Consulting ApS', 'Sparekassen {town}'],
  },
  '25': {
    skills: ['Java', 'C#', 'JavaScript', 'SQL', 'Azure', 'test', 'agil udvikling', 'Linux', 'Python'],
    levels: ['professional_bachelor', 'master', 'short_cycle_higher'],
    education: ['Datamatiker', 'Cand.it.', 'Diplomingeniør i softwareteknologi'],
    trade: 'IT og telekommunikation',
    employerNames: ['{surname} Software ApS', '{town} IT A/S', 'Datahuset {surname}'],
  },
  '26': {
    skills: ['sagsbehandling', 'lovgivning', 'rådgivning', 'samtaleteknik', 'analyse', 'formidling', 'journalistik'],
    levels: ['master', 'professional_bachelor'],
    education: ['Cand.jur.', 'Socialrådgiveruddannelsen', 'Cand.mag.'],
    trade: 'Offentlig administration',
    employerNames: ['{town} Kommune', 'Advokatfirmaet {surname}', 'Dagbladet {town}'],
  },
  '31': {
    skills: ['AutoCAD', 'byggeledelse', 'tegning', 'laboratoriearbejde', 'kvalitetskontrol', 'produktionsplanlægning'],
    levels: ['professional_bachelor', 'short_cycle_higher', 'vocational'],
    education: ['Bygningskonstruktør', 'Maskinmester', 'Laborantuddannelsen'],
    trade: 'Bygge og anlæg',
    employerNames: ['{surname} Entreprise A/S', '{surname} Byg ApS', '{town} Maskinfabrik'],
  },
  '32': {
    skills: ['prøvetagning', 'tandpleje', 'genoptræning', 'apotek', 'førstehjælp', 'sterilisering'],
    levels: ['professional_bachelor', 'vocational', 'short_cycle_higher'],
    education: ['Tandklinikassistentuddannelsen', 'Farmakonomuddannelsen', 'Bioanalytikeruddannelsen'],
    trade: 'Sundhed',
    employerNames: ['Tandlægerne i {town}', '{town} Apotek', 'Regionshospitalet {town}'],
  },
  '33': {
    skills: ['bogføring', 'Excel', 'salg', 'indkøb', 'e-conomic', 'kundeservice', 'mødeplanlægning', 'fakturering'],
    levels: ['short_cycle_higher', 'vocational', 'professional_bachelor'],
    education: ['Finansøkonom', 'Markedsføringsøkonom', 'Kontoruddannelse med speciale'],
    trade: 'Handel og forretningsservice',
    employerNames: ['{surname} Handelshus A/S', '{surname} & Co. ApS', '{town} Ejendomme'],
  },
  '34': {
    skills: ['socialpædagogik', 'konflikthåndtering', 'holdtræning', 'madlavning', 'menuplanlægning', 'aktiviteter'],
    levels: ['professional_bachelor', 'vocational'],
    education: ['Pædagoguddannelsen (social- og specialpædagogik)', 'Idrætsinstruktøruddannelse', 'Kokkeuddannelsen'],
    trade: 'Sociale tilbud',
    employerNames: ['Bostedet {surname}gården', 'Fitnesscenter {town}', 'Restaurant {surname}'],
  },
  '35': {
    skills: ['IT-support', 'Windows', 'netværk', 'Office 365', 'brugerhjælp', 'hardware'],
    levels: ['short_cycle_higher', 'vocational'],
    education: ['IT-supporteruddannelsen', 'Datatekniker med speciale i infrastruktur'],
    trade: 'IT og telekommunikation',
    employerNames: ['{surname} IT-Service ApS', '{town} Data A/S'],
  },
  '41': {
    skills: ['Office', 'journalisering', 'kundeservice', 'telefonpasning', 'fakturering', 'Word', 'arkivering'],
    levels: ['vocational', 'upper_secondary', 'short_cycle_higher'],
    education: ['Kontoruddannelsen', 'HHX', 'Kontorassistent (EUD)'],
    trade: 'Administration',
    employerNames: ['{town} Kommune', '{surname} Administration ApS', 'Kontorfællesskabet i {town}'],
  },
  '42': {
    skills: ['kundeservice', 'telefonpasning', 'booking', 'kassesystem', 'reception', 'klagebehandling'],
    levels: ['vocational', 'upper_secondary'],
    education: ['Receptionistuddannelsen', 'Kontoruddannelsen', 'HHX'],
    trade: 'Kundeservice',
    employerNames: ['Hotel {town}', '{surname} Kundecenter A/S', 'Rejsebureauet {surname}'],
  },
  '43': {
    skills: ['bogføring', 'løn', 'lagerstyring', 'e-conomic', 'disponering', 'SAP', 'fakturering'],
    levels: ['vocational', 'short_cycle_higher'],
    education: ['Kontoruddannelsen med speciale i regnskab', 'Lønadministration (AMU)'],
    trade: 'Transport og logistik',
    employerNames: ['{surname} Transport A/S', '{surname} Regnskab ApS', '{town} Lager & Logistik'],
  },
  '44': {
    skills: ['postsortering', 'omdeling', 'HR-administration', 'arkivering'],
    levels: ['upper_secondary', 'vocational', 'primary'],
    education: ['Kontoruddannelsen', 'AMU-kurser'],
    trade: 'Post og distribution',
    employerNames: ['Postcenter {town}', '{surname} Distribution ApS'],
  },
  '51': {
    skills: ['madlavning', 'servering', 'hygiejnebevis', 'storkøkken', 'kundeservice', 'kantine', 'frisør', 'vicevært'],
    levels: ['vocational', 'primary', 'upper_secondary'],
    education: ['Kokkeuddannelsen', 'Ernæringsassistentuddannelsen', 'Tjeneruddannelsen', 'Frisøruddannelsen'],
    trade: 'Hotel og restauration',
    employerNames: ['Restaurant {surname}', 'Kantinen i {town}', 'Hotel {town}', '{surname}s Frisørsalon'],
  },
  '52': {
    skills: ['kasse', 'varebestilling', 'kundeservice', 'butiksdrift', 'salg', 'vareopfyldning', 'visuel merchandising'],
    levels: ['vocational', 'primary', 'upper_secondary'],
    education: ['Detailhandelsuddannelsen', 'Salgsassistentuddannelsen', 'AMU-kurser i salg og service'],
    trade: 'Detailhandel',
    employerNames: ['{surname}s Supermarked', 'Købmandsgården i {town}', '{town} Byggemarked', 'Tøjhuset {surname}'],
  },
  '53': {
    skills: ['personlig pleje', 'demens', 'forflytning', 'medicinhåndtering', 'sårpleje', 'dokumentation', 'børnehave', 'leg og læring', 'hjemmepleje'],
    levels: ['vocational', 'primary', 'upper_secondary'],
    education: ['Social- og sundhedsassistentuddannelsen', 'Social- og sundhedshjælperuddannelsen', 'Pædagogisk assistentuddannelse'],
    trade: 'Ældrepleje og dagtilbud',
    employerNames: ['Plejecenter {surname}gården', 'Hjemmeplejen {town}', 'Børnehuset Kastanjen i {town}', 'Plejehjemmet Solbakken i {town}'],
  },
  '54': {
    skills: ['førstehjælp', 'vagtcertifikat', 'konflikthåndtering', 'brandbekæmpelse', 'overvågning'],
    levels: ['vocational', 'upper_secondary'],
    education: ['Vagtuddannelsen', 'Politiuddannelsen', 'Brandmandsuddannelsen'],
    trade: 'Sikkerhed og beredskab',
    employerNames: ['{surname} Security A/S', 'Beredskab {town}'],
  },
  '61': {
    skills: ['traktorkørsel', 'dyrehold', 'markarbejde', 'planteskole', 'beskæring', 'fodring'],
    levels: ['vocational', 'primary'],
    education: ['Landbrugsuddannelsen', 'Gartneruddannelsen'],
    trade: 'Landbrug og gartneri',
    employerNames: ['{surname}gård I/S', '{town} Planteskole', 'Gartneriet {surname}'],
  },
  '71': {
    skills: ['byggeplads', 'tømrerarbejde', 'murerarbejde', 'VVS', 'maling', 'stilladsbygning', 'sikkerhedskursus', 'renovering'],
    levels: ['vocational', 'primary'],
    education: ['Svendebrev som {title}', 'Erhvervsuddannelse som {title}', 'AMU-kurser i byggeri'],
    trade: 'Bygge og anlæg',
    employerNames: ['{surname} Byg ApS', 'Tømrerfirmaet {surname}', '{surname}s VVS ApS', 'Malerfirmaet {surname} & Søn'],
  },
  '72': {
    skills: ['svejsning', 'CNC', 'reparation', 'hydraulik', 'fejlfinding', 'MIG/MAG', 'klargøring'],
    levels: ['vocational', 'primary'],
    education: ['Svendebrev som {title}', 'Industriteknikeruddannelsen', 'Smedeuddannelsen'],
    trade: 'Metal og maskiner',
    employerNames: ['{town} Maskinfabrik A/S', '{surname}s Autoværksted', 'Smedjen i {town}'],
  },
  '74': {
    skills: ['el-installation', 'fejlfinding', 'automatik', 'PLC', 'fiberinstallation', 'service'],
    levels: ['vocational', 'short_cycle_higher'],
    education: ['Elektrikeruddannelsen', 'Svendebrev som {title}', 'Automatikteknikeruddannelsen'],
    trade: 'El og VVS',
    employerNames: ['{surname} El-service ApS', '{town} El A/S'],
  },
  '75': {
    skills: ['bagning', 'slagtning', 'hygiejne', 'snedkerarbejde', 'syning', 'kvalitetskontrol', 'fødevarehygiejne'],
    levels: ['vocational', 'primary'],
    education: ['Svendebrev som {title}', 'Bageruddannelsen', 'Slagteruddannelsen'],
    trade: 'Fødevarer',
    employerNames: ['{surname}s Bageri', 'Slagteriet i {town}', '{town} Møbelsnedkeri'],
  },
  '81': {
    skills: ['maskinbetjening', 'procesovervågning', 'fødevarehygiejne', 'vaskeri', 'skifteholdsarbejde'],
    levels: ['vocational', 'primary'],
    education: ['Procesoperatøruddannelsen', 'AMU-kurser i maskinbetjening'],
    trade: 'Industri',
    employerNames: ['{town} Mejeri', '{surname} Plast A/S', 'Industrivaskeriet {town}'],
  },
  '82': {
    skills: ['montage', 'samlebånd', 'kvalitetskontrol', 'værktøj', 'skifteholdsarbejde'],
    levels: ['primary', 'vocational'],
    education: ['AMU-kurser i montage', 'Industrioperatøruddannelsen'],
    trade: 'Industri',
    employerNames: ['{surname} Industri A/S', '{town} Elektronik ApS'],
  },
  '83': {
    skills: ['kørekort C', 'kørekort CE', 'truckcertifikat', 'ADR-bevis', 'fjernkørsel', 'varelevering', 'kranførerbevis', 'kørekort D', 'chaufføruddannelse'],
    levels: ['vocational', 'primary'],
    education: ['Vejgodstransportuddannelsen', 'Buschaufføruddannelsen', 'Truckførerbevis (AMU)'],
    trade: 'Transport og logistik',
    employerNames: ['Vognmand {surname} & Søn', '{town} Busser A/S', '{surname} Transport ApS', '{town} Havn'],
  },
  '91': {
    skills: ['erhvervsrengøring', 'hotelrengøring', 'kemikalier', 'vinduespudsning', 'rengøringsmaskiner', 'praktisk hjælp'],
    levels: ['primary', 'vocational'],
    education: ['Rengøringsuddannelse (AMU)', 'Grundforløb (EUD)'],
    trade: 'Rengøring',
    employerNames: ['{surname} Rengøring ApS', 'Rent & Pænt i {town}', '{town} Facility Service'],
  },
  '92': {
    skills: ['markarbejde', 'plukning', 'grønne områder', 'beskæring'],
    levels: ['primary'],
    education: ['AMU-kurser i grøn pleje'],
    trade: 'Landbrug og gartneri',
    employerNames: ['{surname}gård I/S', 'Park og Vej {town}'],
  },
  '93': {
    skills: ['plukning', 'scanner', 'truckcertifikat', 'lagerstyring', 'pakning', 'byggeplads', 'vareopfyldning'],
    levels: ['primary', 'vocational', 'upper_secondary'],
    education: ['Lager- og terminaluddannelsen', 'Truckførerbevis (AMU)', 'AMU-kurser'],
    trade: 'Transport og logistik',
    employerNames: ['{town} Lager & Logistik A/S', '{surname} Distributionscenter', 'Pakkeriet i {town}'],
  },
  '94': {
    skills: ['opvask', 'køkkenhygiejne', 'tilberedning', 'hygiejnebevis', 'fastfood'],
    levels: ['primary', 'upper_secondary'],
    education: ['Hygiejnebevis (AMU)', 'Grundforløb (EUD)'],
    trade: 'Hotel og restauration',
    employerNames: ['Pizzeria {surname}', 'Kantinen i {town}', 'Burgerbaren {town}'],
  },
  '96': {
    skills: ['affaldssortering', 'omdeling', 'vedligeholdelse', 'kundeservice', 'kørekort B'],
    levels: ['primary', 'vocational'],
    education: ['AMU-kurser', 'Grundforløb (EUD)'],
    trade: 'Renovation og service',
    employerNames: ['{town} Forsyning', '{surname} Service ApS', 'Genbrugspladsen i {town}'],
  },
};

/**
 * How common each occupation is among jobseekers, relative to 1: the occupations a-kasser and
 * jobcentres meet most (care, childcare, office, warehouse, shop, cleaning) weigh more, managers less.
 */
const OCCUPATION_WEIGHTS: Readonly<Record<string, number>> = {
  '5321': 8, '5322': 7, '2342': 5, '5311': 6, '4110': 7, '9333': 8, '8332': 4, '5223': 8, '5120': 4, '9112': 7,
  '9412': 4, '9329': 6, '8322': 3, '2512': 3, '3322': 3, '4222': 4, '2421': 3, '2422': 3, '2423': 3, '2341': 3,
  '2221': 3, '9313': 4, '7115': 3, '7411': 3, '7231': 2, '4311': 3, '3313': 3, '5131': 4, '9321': 3, '8344': 3,
  '5414': 2, '5230': 3, '9334': 3, '5246': 2, '3512': 2, '2635': 2, '4321': 2, '8219': 2, '8160': 2, '7212': 2,
};

export function occupationWeight(o: Occupation): number {
  const explicit = OCCUPATION_WEIGHTS[o.code];
  if (explicit !== undefined) return explicit;
  return o.code.startsWith('1') ? 0.3 : 1;
}

export function groupProfile(code: string): GroupProfile {
  const profile = GROUP_PROFILES[code.slice(0, 2)];
  if (!profile) throw new Error(`No synthetic profile for DISCO-08 sub-major group ${code.slice(0, 2)}`);
  return profile;
}

/** Every occupation in the reference list with its weight, for weighted draws. */
export const WEIGHTED_OCCUPATIONS: readonly (readonly [Occupation, number])[] = OCCUPATIONS.map((o) => [o, occupationWeight(o)] as const);
