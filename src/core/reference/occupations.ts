import { z } from 'zod';
import type { Label } from './label';

// The occupations most often met in Danish a-kasse and jobcentre work, as DISCO-08 unit groups
// (Danmarks Statistik's Danish version of ISCO-08; the first 4 digits are ISCO-08's unit group,
// which is what we store). Each has a Danish and an English title and the words people actually
// write in a CV or a job order ("SSA", "lagermedarbejder", "pæd. medhjælper").
// Related occupations share the 3-digit minor group (e.g. 5321 SSA and 5322 SSH are both 532).
// A synonym may belong to several codes ("chauffør"): lookups return every match.

export type Occupation = {
  /** DISCO-08 unit group, 4 digits. */
  code: string;
  title: Label;
  synonyms: readonly string[];
};

type Row = readonly [code: string, da: string, en: string, synonyms: readonly string[]];

const ROWS: readonly Row[] = [
  // 1 Managers
  ['1120', 'Administrerende direktør', 'Managing director', ['direktør', 'adm. direktør', 'CEO', 'topleder']],
  ['1211', 'Økonomichef', 'Finance manager', ['økonomidirektør', 'CFO', 'regnskabschef']],
  ['1212', 'HR-chef', 'Human resource manager', ['personalechef', 'HR-direktør']],
  ['1221', 'Salgs- og marketingchef', 'Sales and marketing manager', ['salgschef', 'marketingchef', 'salgsdirektør']],
  ['1321', 'Produktionschef', 'Manufacturing manager', ['fabrikschef', 'driftschef produktion']],
  ['1323', 'Byggechef', 'Construction manager', ['entreprisechef', 'projektchef byggeri']],
  ['1324', 'Logistikchef', 'Supply and distribution manager', ['lagerchef', 'indkøbschef', 'transportchef']],
  ['1330', 'IT-chef', 'ICT service manager', ['IT-leder', 'CIO']],
  ['1341', 'Daginstitutionsleder', 'Child care services manager', ['børnehaveleder', 'vuggestueleder', 'institutionsleder', 'dagtilbudsleder']],
  ['1342', 'Leder i sundhedsvæsenet', 'Health services manager', ['afdelingssygeplejerske', 'klinikchef', 'oversygeplejerske']],
  ['1343', 'Plejehjemsleder', 'Aged care services manager', ['ældrechef', 'leder af hjemmeplejen', 'centerleder ældrecenter']],
  ['1344', 'Leder af socialt tilbud', 'Social welfare manager', ['forstander', 'leder af botilbud']],
  ['1345', 'Skoleleder', 'Education manager', ['viceskoleinspektør', 'skoleinspektør', 'rektor', 'afdelingsleder skole']],
  ['1411', 'Hotelchef', 'Hotel manager', ['hoteldirektør']],
  ['1412', 'Restaurantchef', 'Restaurant manager', ['restauratør', 'cafébestyrer']],
  ['1420', 'Butikschef', 'Retail and wholesale trade manager', ['butiksleder', 'varehuschef', 'souschef butik', 'filialleder']],
  // 2 Professionals
  ['2131', 'Biolog', 'Biologist', ['molekylærbiolog', 'mikrobiolog']],
  ['2141', 'Produktionsingeniør', 'Industrial and production engineer', ['procesingeniør', 'ingeniør produktion']],
  ['2142', 'Bygningsingeniør', 'Civil engineer', ['anlægsingeniør', 'konstruktionsingeniør']],
  ['2144', 'Maskiningeniør', 'Mechanical engineer', ['maskinkonstruktør']],
  ['2145', 'Kemiingeniør', 'Chemical engineer', ['kemiker', 'proceskemiker']],
  ['2151', 'Elektroingeniør', 'Electrical engineer', ['stærkstrømsingeniør', 'el-ingeniør']],
  ['2161', 'Arkitekt', 'Building architect', ['bygningsarkitekt']],
  ['2166', 'Grafisk designer', 'Graphic and multimedia designer', ['grafiker', 'mediegrafiker', 'multimediedesigner', 'UX-designer']],
  ['2211', 'Læge', 'Generalist medical practitioner', ['praktiserende læge', 'almen medicin', 'reservelæge']],
  ['2212', 'Speciallæge', 'Specialist medical practitioner', ['overlæge', 'psykiater']],
  ['2221', 'Sygeplejerske', 'Nursing professional', ['sygepl.', 'hjemmesygeplejerske', 'psykiatrisk sygeplejerske', 'anæstesisygeplejerske']],
  ['2222', 'Jordemoder', 'Midwifery professional', ['jordemor']],
  ['2261', 'Tandlæge', 'Dentist', []],
  ['2262', 'Farmaceut', 'Pharmacist', ['apoteker', 'cand.pharm.']],
  ['2264', 'Fysioterapeut', 'Physiotherapist', ['fys', 'fysioterapi']],
  ['2265', 'Klinisk diætist', 'Dietician and nutritionist', ['diætist', 'ernæringsekspert']],
  ['2269', 'Ergoterapeut', 'Health professional not elsewhere classified', ['ergo', 'ergoterapi']],
  ['2310', 'Universitetsunderviser', 'University and higher education teacher', ['lektor', 'adjunkt', 'professor', 'docent']],
  ['2320', 'Erhvervsskolelærer', 'Vocational education teacher', ['faglærer', 'underviser erhvervsskole', 'AMU-underviser']],
  ['2330', 'Gymnasielærer', 'Secondary education teacher', ['underviser gymnasium', 'HF-lærer']],
  ['2341', 'Folkeskolelærer', 'Primary school teacher', ['lærer', 'skolelærer', 'grundskolelærer']],
  ['2342', 'Pædagog', 'Early childhood educator', ['børnehavepædagog', 'vuggestuepædagog', 'pædagog i dagtilbud', 'fritidspædagog', 'SFO-pædagog', 'klubpædagog']],
  ['2351', 'Pædagogisk konsulent', 'Education methods specialist', ['læringskonsulent', 'skolekonsulent']],
  ['2352', 'Specialpædagog', 'Special needs teacher', ['specialundervisningslærer', 'støttelærer']],
  ['2353', 'Sproglærer', 'Other language teacher', ['dansklærer for voksne', 'underviser i dansk som andetsprog']],
  ['2359', 'Underviser', 'Teaching professional not elsewhere classified', ['instruktør', 'kursusleder', 'voksenunderviser']],
  ['2411', 'Revisor', 'Accountant', ['statsautoriseret revisor', 'registreret revisor', 'controller']],
  ['2412', 'Bankrådgiver', 'Financial and investment adviser', ['finansiel rådgiver', 'kunderådgiver bank', 'pensionsrådgiver']],
  ['2413', 'Finansanalytiker', 'Financial analyst', ['investeringsanalytiker']],
  ['2421', 'Konsulent', 'Management and organisation analyst', ['organisationskonsulent', 'forretningsudvikler', 'projektleder']],
  ['2422', 'Fuldmægtig', 'Policy administration professional', ['AC-fuldmægtig', 'specialkonsulent', 'administrativ medarbejder kommune']],
  ['2423', 'HR-konsulent', 'Personnel and careers professional', ['HR-partner', 'rekrutteringskonsulent', 'jobkonsulent', 'jobvejleder']],
  ['2424', 'Udviklingskonsulent', 'Training and staff development professional', ['kompetenceudviklingskonsulent', 'læringsansvarlig']],
  ['2431', 'Marketingmedarbejder', 'Advertising and marketing professional', ['marketingkoordinator', 'marketingkonsulent', 'digital marketing']],
  ['2432', 'Kommunikationsmedarbejder', 'Public relations professional', ['kommunikationskonsulent', 'presseansvarlig', 'kommunikatør']],
  ['2433', 'Teknisk sælger', 'Technical and medical sales professional', ['medicosælger', 'key account manager']],
  ['2434', 'IT-sælger', 'ICT sales professional', ['softwaresælger']],
  ['2511', 'Systemanalytiker', 'Systems analyst', ['IT-konsulent', 'business analyst', 'IT-arkitekt']],
  ['2512', 'Softwareudvikler', 'Software developer', ['programmør', 'systemudvikler', 'udvikler', 'datamatiker', 'backend-udvikler']],
  ['2513', 'Webudvikler', 'Web and multimedia developer', ['frontend-udvikler', 'webprogrammør']],
  ['2514', 'Applikationsprogrammør', 'Applications programmer', ['app-udvikler']],
  ['2519', 'Softwaretester', 'Software and applications developer not elsewhere classified', ['tester', 'QA-tester', 'testkonsulent']],
  ['2522', 'Systemadministrator', 'Systems administrator', ['driftsadministrator', 'IT-administrator']],
  ['2611', 'Advokat', 'Lawyer', ['advokatfuldmægtig']],
  ['2619', 'Jurist', 'Legal professional not elsewhere classified', ['cand.jur.', 'juridisk konsulent']],
  ['2622', 'Bibliotekar', 'Librarian', ['informationsspecialist']],
  ['2631', 'Økonom', 'Economist', ['cand.polit.', 'cand.oecon.', 'analytiker']],
  ['2632', 'Sociolog', 'Sociologist, anthropologist and related professional', ['antropolog', 'cand.scient.soc.']],
  ['2634', 'Psykolog', 'Psychologist', ['autoriseret psykolog', 'cand.psych.']],
  ['2635', 'Socialrådgiver', 'Social work and counselling professional', ['rådgiver', 'sagsbehandler', 'familierådgiver']],
  ['2636', 'Præst', 'Religious professional', ['sognepræst']],
  ['2642', 'Journalist', 'Journalist', ['redaktør', 'skribent']],
  ['2643', 'Tolk og oversætter', 'Translator, interpreter and other linguist', ['tolk', 'oversætter', 'translatør']],
  // 3 Technicians and associate professionals
  ['3112', 'Bygningskonstruktør', 'Civil engineering technician', ['byggetekniker', 'konstruktør']],
  ['3113', 'Elinstallatør', 'Electrical engineering technician', ['el-tekniker', 'elteknolog']],
  ['3115', 'Maskinteknolog', 'Mechanical engineering technician', ['maskintekniker', 'produktionsteknolog']],
  ['3118', 'Teknisk tegner', 'Draughtsperson', ['tegner', 'CAD-tegner']],
  ['3122', 'Produktionsleder', 'Manufacturing supervisor', ['værkfører', 'holdleder produktion', 'produktionsformand']],
  ['3123', 'Byggeleder', 'Construction supervisor', ['formand byggeri', 'sjakbajs', 'projektleder byggeri']],
  ['3141', 'Laborant', 'Life science technician', ['laboratorietekniker', 'laboratoriemedarbejder']],
  ['3151', 'Maskinmester', "Ships' engineer", ['skibsmaskinist']],
  ['3152', 'Styrmand', "Ships' deck officer and pilot", ['skibsfører', 'kaptajn']],
  ['3212', 'Bioanalytiker', 'Medical and pathology laboratory technician', ['laborant hospital']],
  ['3213', 'Farmakonom', 'Pharmaceutical technician and assistant', ['apoteksassistent', 'apotekstekniker']],
  ['3251', 'Tandklinikassistent', 'Dental assistant and therapist', ['klinikassistent', 'tandplejer']],
  ['3255', 'Fysioterapeutassistent', 'Physiotherapy technician and assistant', ['genoptræningsassistent']],
  ['3258', 'Ambulancebehandler', 'Ambulance worker', ['paramediciner', 'ambulanceredder']],
  ['3313', 'Regnskabsmedarbejder', 'Accounting associate professional', ['regnskabsassistent', 'økonomiassistent', 'debitorbogholder', 'kreditorbogholder']],
  ['3322', 'Sælger', 'Commercial sales representative', ['salgskonsulent', 'udesælger', 'account manager', 'salgsmedarbejder B2B']],
  ['3323', 'Indkøber', 'Buyer', ['indkøbsassistent', 'purchaser']],
  ['3331', 'Speditør', 'Clearing and forwarding agent', ['spedition', 'toldspeditør']],
  ['3332', 'Eventkoordinator', 'Conference and event planner', ['eventmanager', 'mødeplanlægger']],
  ['3334', 'Ejendomsmægler', 'Real estate agent and property manager', ['ejendomsadministrator', 'udlejningskonsulent']],
  ['3341', 'Kontorleder', 'Office supervisor', ['teamleder administration', 'sekretariatsleder']],
  ['3342', 'Advokatsekretær', 'Legal secretary', ['juridisk sekretær']],
  ['3343', 'Direktionssekretær', 'Administrative and executive secretary', ['chefsekretær', 'ledelsessekretær', 'personlig assistent']],
  ['3344', 'Lægesekretær', 'Medical secretary', ['sundhedsadministrativ koordinator', 'hospitalssekretær']],
  ['3412', 'Socialpædagog', 'Social work associate professional', ['socialpædagogisk medarbejder', 'støttekontaktperson', 'bostøtte', 'mentor']],
  ['3422', 'Træner', 'Sports coach, instructor and official', ['sportstræner', 'idrætsinstruktør']],
  ['3423', 'Fitnessinstruktør', 'Fitness and recreation instructor', ['personlig træner', 'holdinstruktør']],
  ['3432', 'Dekoratør', 'Interior designer and decorator', ['indretningsarkitekt', 'visual merchandiser']],
  ['3434', 'Køkkenchef', 'Chef', ['souschef køkken', 'kokkechef', 'køkkenleder']],
  ['3512', 'IT-supporter', 'ICT user support technician', ['IT-support', 'helpdesk', 'supporter', 'IT-supporter elev']],
  ['3513', 'Netværkstekniker', 'Computer network and systems technician', ['netværksadministrator', 'IT-tekniker']],
  // 4 Clerical support workers
  ['4110', 'Kontorassistent', 'General office clerk', ['kontorfuldmægtig', 'administrativ medarbejder', 'kontormedarbejder', 'administrationsmedarbejder', 'kontorelev']],
  ['4120', 'Sekretær', 'Secretary (general)', ['afdelingssekretær', 'skolesekretær']],
  ['4132', 'Dataregistrant', 'Data entry clerk', ['dataindtaster', 'scanningsmedarbejder']],
  ['4211', 'Kasserer i bank', 'Bank teller and related clerk', ['bankassistent', 'kassemedarbejder bank']],
  ['4221', 'Rejsekonsulent', 'Travel consultant and clerk', ['rejsebureaumedarbejder']],
  ['4222', 'Kundeservicemedarbejder', 'Contact centre information clerk', ['kundeservice', 'callcentermedarbejder', 'kundekonsulent', 'telefonisk kundeservice', 'hotline']],
  ['4224', 'Hotelreceptionist', 'Hotel receptionist', ['receptionist hotel', 'front office']],
  ['4226', 'Receptionist', 'Receptionist (general)', ['omstillingsmedarbejder', 'reception']],
  ['4311', 'Bogholder', 'Accounting and bookkeeping clerk', ['bogholderiassistent', 'bogføring']],
  ['4312', 'Forsikringsmedarbejder', 'Statistical, finance and insurance clerk', ['skadesbehandler', 'forsikringsassistent']],
  ['4313', 'Lønbogholder', 'Payroll clerk', ['lønmedarbejder', 'lønkonsulent', 'lønadministrator']],
  ['4321', 'Lagerekspedient', 'Stock clerk', ['lagerforvalter', 'lagerassistent', 'lagerekspeditør', 'logistikmedarbejder']],
  ['4323', 'Disponent', 'Transport clerk', ['trafikleder', 'vognmandsdisponent', 'transportkoordinator']],
  ['4412', 'Postbud', 'Mail carrier and sorting clerk', ['postomdeler', 'postsorterer', 'avisbud']],
  ['4416', 'HR-assistent', 'Personnel clerk', ['personaleassistent', 'HR-medarbejder']],
  // 5 Service and sales workers
  ['5111', 'Kabinepersonale', 'Travel attendant and steward', ['stewardesse', 'flyvertinde', 'cabin crew']],
  ['5113', 'Guide', 'Travel guide', ['turistguide', 'rejseleder']],
  ['5120', 'Kok', 'Cook', ['ernæringsassistent', 'cafékok', 'kantinekok', 'smørrebrødsjomfru']],
  ['5131', 'Tjener', 'Waiter', ['serveringsmedarbejder', 'servitrice', 'afrydder']],
  ['5132', 'Bartender', 'Bartender', ['barmedarbejder', 'barista']],
  ['5141', 'Frisør', 'Hairdresser', ['barber']],
  ['5142', 'Kosmetiker', 'Beautician', ['kosmetolog', 'neglebehandler', 'negletekniker']],
  ['5151', 'Rengøringsleder', 'Cleaning and housekeeping supervisor', ['rengøringsinspektør', 'husholdningsleder']],
  ['5153', 'Ejendomsservicetekniker', 'Building caretaker', ['vicevært', 'pedel', 'servicemedarbejder ejendom', 'teknisk servicemedarbejder', 'ejendomsfunktionær']],
  ['5164', 'Dyrepasser', 'Pet groomer and animal care worker', ['hundefrisør', 'zoomedarbejder']],
  ['5221', 'Købmand', 'Shopkeeper', ['selvstændig butiksindehaver']],
  ['5222', 'Butiksassistent med ledelse', 'Shop supervisor', ['afdelingsleder butik', 'vagtansvarlig butik']],
  ['5223', 'Butiksassistent', 'Shop sales assistant', ['ekspedient', 'salgsassistent', 'butiksmedarbejder', 'detailhandelsassistent', 'butikselev']],
  ['5230', 'Kassemedarbejder', 'Cashier and ticket clerk', ['kasseassistent', 'kassedame', 'billetsælger']],
  ['5244', 'Telefonsælger', 'Contact centre salesperson', ['telemarketing', 'mødebooker']],
  ['5246', 'Kantinemedarbejder', 'Food service counter attendant', ['kantineassistent', 'cafémedarbejder', 'caféassistent']],
  ['5311', 'Pædagogmedhjælper', 'Child care worker', ['pædagogisk assistent', 'PA', 'PAU', 'dagplejer', 'børnepasser', 'pæd. medhjælper', 'medhjælper i børnehave']],
  ['5312', 'Lærerassistent', "Teachers' aide", ['undervisningsassistent', 'skolemedhjælper']],
  ['5321', 'Social- og sundhedsassistent', 'Health care assistant', ['SSA', 'SOSU-assistent', 'sosu assistent', 'plejehjemsassistent', 'sygehjælper']],
  ['5322', 'Social- og sundhedshjælper', 'Home-based personal care worker', ['SSH', 'SOSU-hjælper', 'sosu hjælper', 'hjemmehjælper', 'plejehjælper', 'omsorgsmedhjælper']],
  ['5329', 'Portør', 'Personal care worker in health services not elsewhere classified', ['hospitalsportør', 'sygehusportør', 'plejemedhjælper']],
  ['5411', 'Brandmand', 'Firefighter', ['redningsmand', 'brandkonstabel']],
  ['5412', 'Politibetjent', 'Police officer', ['politiassistent', 'betjent']],
  ['5414', 'Sikkerhedsvagt', 'Security guard', ['vagt', 'vagtmand', 'dørmand', 'securitas-vagt', 'kontrollør']],
  // 6 Agriculture
  ['6113', 'Gartner', 'Gardener and horticultural grower', ['anlægsgartner', 'væksthusgartner', 'planteskolegartner']],
  ['6121', 'Landmand', 'Livestock and dairy producer', ['landbrugsmedhjælper', 'fodermester', 'svinepasser', 'malker', 'driftsleder landbrug']],
  // 7 Craft and related trades
  ['7112', 'Murer', 'Bricklayer', ['murerarbejdsmand', 'murersvend']],
  ['7115', 'Tømrer', 'Carpenter and joiner', ['bygningssnedker', 'tømrersvend', 'tømrer/snedker']],
  ['7119', 'Stilladsmontør', 'Building frame worker not elsewhere classified', ['stilladsarbejder', 'betonarbejder', 'montør byggeri']],
  ['7121', 'Tagdækker', 'Roofer', ['tækkemand']],
  ['7122', 'Gulvlægger', 'Floor layer and tile setter', ['flisemurer', 'flisemontør']],
  ['7124', 'Isolatør', 'Insulation worker', ['isoleringsmontør']],
  ['7126', 'VVS-montør', 'Plumber and pipe fitter', ['VVS-installatør', 'blikkenslager', 'rørlægger', 'VVS-energispecialist']],
  ['7127', 'Kølemontør', 'Air conditioning and refrigeration mechanic', ['køletekniker', 'ventilationsmontør']],
  ['7131', 'Maler', 'Painter and related worker', ['malersvend', 'bygningsmaler']],
  ['7132', 'Autolakerer', 'Spray painter and varnisher', ['lakerer', 'industrilakerer']],
  ['7212', 'Svejser', 'Welder and flame cutter', ['svejsetekniker', 'MIG/MAG-svejser']],
  ['7213', 'Pladesmed', 'Sheet-metal worker', ['tyndpladesmed', 'karosserismed']],
  ['7214', 'Smed', 'Structural-metal preparer and erector', ['klejnsmed', 'konstruktionssmed', 'bygningssmed', 'stålmontør']],
  ['7222', 'Værktøjsmager', 'Toolmaker and related worker', ['låsesmed']],
  ['7223', 'Industritekniker', 'Metal working machine tool setter and operator', ['CNC-operatør', 'maskinarbejder', 'drejer', 'CNC-tekniker']],
  ['7231', 'Automekaniker', 'Motor vehicle mechanic', ['mekaniker', 'personvognsmekaniker', 'lastvognsmekaniker', 'bilmekaniker']],
  ['7233', 'Industrimekaniker', 'Agricultural and industrial machinery mechanic', ['landbrugsmekaniker', 'smed-mekaniker', 'vedligeholdelsestekniker']],
  ['7234', 'Cykelmekaniker', 'Bicycle repairer', ['cykelsmed']],
  ['7411', 'Elektriker', 'Building and related electrician', ['el-installatør', 'elektrikersvend', 'installationselektriker']],
  ['7412', 'Elmekaniker', 'Electrical mechanic and fitter', ['automatikmekaniker', 'automatiktekniker', 'eltekniker']],
  ['7421', 'Elektronikfagtekniker', 'Electronics mechanic and servicer', ['elektronikmekaniker', 'servicetekniker elektronik']],
  ['7422', 'Datatekniker', 'ICT installer and servicer', ['telemontør', 'fibermontør', 'netværksinstallatør']],
  ['7511', 'Slagter', 'Butcher and fishmonger', ['slagteriarbejder', 'slagtermester', 'fiskehandler']],
  ['7512', 'Bager', 'Baker', ['bagersvend', 'bageriarbejder']],
  ['7513', 'Konditor', 'Pastry cook and confectionery maker', ['chokolatier']],
  ['7522', 'Møbelsnedker', 'Cabinet-maker and related worker', ['snedker', 'møbelpolstrer']],
  ['7531', 'Skrædder', 'Tailor and dressmaker', ['syerske', 'beklædningshåndværker']],
  ['7543', 'Kvalitetskontrollant', 'Product grader and tester', ['kvalitetsmedarbejder', 'QA-medarbejder produktion']],
  // 8 Plant and machine operators, assemblers, drivers
  ['8142', 'Plastoperatør', 'Plastic products machine operator', ['plastmager', 'sprøjtestøber']],
  ['8157', 'Vaskerimedarbejder', 'Laundry machine operator', ['vaskeriassistent', 'industrivasker']],
  ['8160', 'Procesoperatør', 'Food and related products machine operator', ['fødevareoperatør', 'mejerist', 'mejeriarbejder', 'bryggeriarbejder']],
  ['8211', 'Mekanisk montør', 'Mechanical machinery assembler', ['montør', 'maskinmontør']],
  ['8212', 'Elektronikmontør', 'Electrical and electronic equipment assembler', ['elmontør', 'printmontør']],
  ['8219', 'Montagemedarbejder', 'Assembler not elsewhere classified', ['samlebåndsarbejder', 'montagearbejder']],
  ['8322', 'Chauffør', 'Car, taxi and van driver', ['taxichauffør', 'varebilschauffør', 'budchauffør', 'kørselsassistent', 'flextrafikchauffør']],
  ['8331', 'Buschauffør', 'Bus and tram driver', ['buschauffør', 'rutebilchauffør', 'turistbuschauffør', 'chauffør bus', 'sporvognsfører']],
  ['8332', 'Lastbilchauffør', 'Heavy truck and lorry driver', ['chauffør', 'lastvognschauffør', 'vognmandschauffør', 'CE-chauffør', 'kranbilchauffør', 'renovationschauffør']],
  ['8341', 'Landbrugsmaskinfører', 'Mobile farm and forestry plant operator', ['traktorfører', 'maskinfører landbrug']],
  ['8342', 'Maskinfører', 'Earthmoving and related plant operator', ['entreprenørmaskinfører', 'gravemaskinefører', 'gummigedfører']],
  ['8343', 'Kranfører', 'Crane, hoist and related plant operator', ['tårnkranfører', 'havnekranfører']],
  ['8344', 'Truckfører', 'Lifting truck operator', ['gaffeltruckfører', 'truckchauffør', 'reachtruckfører']],
  ['8350', 'Matros', "Ships' deck crew", ['skibsassistent', 'dæksmand']],
  // 9 Elementary occupations
  ['9111', 'Husassistent', 'Domestic cleaner and helper', ['praktisk hjælper', 'hushjælp', 'rengøringshjælp i private hjem']],
  ['9112', 'Rengøringsassistent', 'Cleaner and helper in offices, hotels and other establishments', ['rengøringsmedarbejder', 'servicemedarbejder rengøring', 'stuepige', 'hotelrengøring', 'serviceassistent']],
  ['9122', 'Bilvasker', 'Vehicle cleaner', ['bilklargører', 'klargører']],
  ['9123', 'Vinduespudser', 'Window cleaner', []],
  ['9129', 'Specialrengøring', 'Other cleaning worker', ['industrirengøring', 'graffitifjerner']],
  ['9211', 'Markarbejder', 'Crop farm labourer', ['høstmedhjælper', 'sæsonarbejder landbrug']],
  ['9214', 'Gartnermedhjælper', 'Garden and horticultural labourer', ['gartneriarbejder', 'parkarbejder', 'grønne områder']],
  ['9312', 'Anlægsarbejder', 'Civil engineering labourer', ['vejarbejder', 'kloakarbejder', 'brolægger']],
  ['9313', 'Bygningsarbejder', 'Building construction labourer', ['arbejdsmand', 'byggepladsmedarbejder', 'murerarbejdsmand', 'nedriver']],
  ['9321', 'Pakkeriarbejder', 'Hand packer', ['pakker', 'pakkerimedarbejder', 'pakkeriassistent']],
  ['9329', 'Produktionsmedarbejder', 'Manufacturing labourer not elsewhere classified', ['fabriksarbejder', 'produktionsarbejder', 'operatør', 'maskinpasser', 'industriarbejder']],
  ['9333', 'Lagerarbejder', 'Freight handler', ['lagermedarbejder', 'lagermand', 'plukker', 'ordreplukker', 'terminalarbejder', 'flyttemand', 'pakhusarbejder']],
  ['9334', 'Varepåfylder', 'Shelf filler', ['varopfylder', 'vareopfylder', 'opfylder']],
  ['9411', 'Fastfoodmedarbejder', 'Fast food preparer', ['burgermedarbejder', 'pizzabager']],
  ['9412', 'Køkkenmedhjælper', 'Kitchen helper', ['opvasker', 'køkkenassistent', 'køkkenhjælper', 'opvaskemedarbejder']],
  ['9611', 'Skraldemand', 'Garbage and recycling collector', ['renovationsarbejder', 'genbrugspladsmedarbejder', 'renovationsmedarbejder']],
  ['9613', 'Gadefejer', 'Sweeper and related labourer', ['vejmand', 'rengøring af udearealer']],
  ['9621', 'Bud', 'Messenger, package deliverer and luggage porter', ['cykelbud', 'pakkebud', 'omdeler']],
  ['9622', 'Altmuligmand', 'Odd job person', ['handyman', 'pedelmedhjælper', 'serviceassistent teknisk']],
  ['9629', 'Parkeringsvagt', 'Elementary worker not elsewhere classified', ['P-vagt', 'garderobemedarbejder', 'billetkontrollant']],
];

export const OCCUPATIONS: readonly Occupation[] = ROWS.map(([code, da, en, synonyms]) => ({ code, title: { da, en }, synonyms }));

const BY_CODE = new Map(OCCUPATIONS.map((o) => [o.code, o]));

export function findOccupation(code: string): Occupation | undefined {
  return BY_CODE.get(code);
}

export function isOccupationCode(code: unknown): code is string {
  return typeof code === 'string' && BY_CODE.has(code);
}

/** The 3-digit DISCO-08 minor group of a code ('5321' → '532'): occupations in it count as related. */
export function occupationGroup(code: string): string {
  return code.slice(0, 3);
}

/** Lower case, Danish letters kept, punctuation and repeated spaces folded ('Social- og sundheds-assistent' ~ 'social og sundheds assistent'). */
export function normaliseOccupationText(text: string): string {
  return text
    .toLocaleLowerCase('da-DK')
    .replace(/[^0-9a-zæøåéü/ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export type OccupationMatch = { occupation: Occupation; matched: string; exact: boolean };

/**
 * Occupations a typed text names: an exact title or synonym first (several codes when the word
 * is shared, as 'chauffør'), then those whose title or a synonym starts with the text. At most `limit`.
 */
export function searchOccupations(text: string, limit = 10): OccupationMatch[] {
  const q = normaliseOccupationText(text);
  if (!q) return [];
  if (/^\d{4}$/.test(q)) {
    const o = BY_CODE.get(q);
    return o ? [{ occupation: o, matched: o.code, exact: true }] : [];
  }
  const exact: OccupationMatch[] = [];
  const prefix: OccupationMatch[] = [];
  const contains: OccupationMatch[] = [];
  for (const occupation of OCCUPATIONS) {
    const names = [occupation.title.da, ...occupation.synonyms, occupation.title.en];
    let best: OccupationMatch | null = null;
    let rank = 3;
    for (const name of names) {
      const n = normaliseOccupationText(name);
      if (n === q) {
        best = { occupation, matched: name, exact: true };
        rank = 0;
        break;
      }
      if (rank > 1 && n.startsWith(q)) {
        best = { occupation, matched: name, exact: false };
        rank = 1;
      } else if (rank > 2 && q.length >= 3 && n.includes(q)) {
        best = { occupation, matched: name, exact: false };
        rank = 2;
      }
    }
    if (best) (rank === 0 ? exact : rank === 1 ? prefix : contains).push(best);
  }
  return [...exact, ...prefix, ...contains].slice(0, limit);
}

/** A DISCO-08 code from the list. */
export const ZOccupationCode = z.string().refine(isOccupationCode, { message: 'Unknown DISCO-08 occupation code' });
