/**
 * The demo programme, modelled on the real harvest of the Alliantie van Kracht tegen Armoede
 * (shared/reference memo, 2025): what three groups said in their "Eilanden van reflectie". Only
 * content lives here; script.ts turns it into the commands a facilitator would have sent.
 */
export const THEME_VISION = 'Samen handen en voeten geven aan een visie';
export const THEME_MONITORING = 'Monitoring, effectiviteit en ervaringen';

export interface DemoPoint {
  title: string;
  dots: number;
  chosen?: boolean;
  themeKey?: string;
  ingredients?: string[];
}

export interface DemoCluster {
  title: string;
  notes: string[];
}

export interface DemoSide {
  zoneId: 'ik' | 'wij' | 'het';
  observation?: string;
  clusters?: DemoCluster[];
  notes?: string[];
  points?: DemoPoint[];
  other?: string[];
}

export interface DemoSession {
  key: string;
  title: string;
  group: string;
  date: string;
  participants: number;
  sides: DemoSide[];
  /** Attention points for the session as a whole (zoneId null), as the managers did. */
  sessionPoints?: DemoPoint[];
}

export const DEMO_PROGRAMME = { id: 'demo-avk', name: 'Alliantie van Kracht tegen Armoede' } as const;
export const DEMO_FACILITATOR = 'Lauren Algra';

const programmeTeam: DemoSession = {
  key: 'programmateam',
  title: 'Eiland van reflectie programmateam',
  group: 'Programmateam',
  date: '2024-06-02',
  participants: 6,
  sides: [
    {
      zoneId: 'het',
      observation: 'Er is een helder ritme van plannen, uitvoeren en reflecteren en bijstellen.',
      clusters: [
        {
          title: 'Zicht op wat werkt',
          notes: ['Wat gebeurt er waar wat de moeite waard is?', 'Wat is effectiviteit t.o.v. de visie?', 'Lerend evalueren, niet afrekenen'],
        },
        { title: 'Aanspreekpunten', notes: ['Per partner één aanspreekpunt', 'Bestuurlijk, manager én uitvoering aan tafel'] },
      ],
      notes: ['Ritme van plannen, doen en bijstellen werkt'],
      points: [
        {
          title: THEME_MONITORING,
          dots: 5,
          chosen: true,
          themeKey: THEME_MONITORING,
          ingredients: [
            'Bestaande interventies inventariseren. Bij betrokken organisaties en kernpersonen. Wat gebeurt er waar wat de moeite waard is?',
            'Framework maken. Wat willen we weten? Visie en ervaringen',
            'In kaart brengen omvang generatiearmoede. Onderzoek Trendbureau Drenthe en Sociaal Planbureau Groningen',
            'Terugkoppeling naar AVK-partners',
            'Lerend evalueren. Dit verloopt via de bovenstaande 4 punten als basis',
          ],
        },
        { title: 'Per partner 1 afvaardigingsteam/aanspreekpunt. Bestuurlijk, manager, uitvoering', dots: 2 },
      ],
      other: [
        'AVK-doelen vastklikken aan wettelijke taken gemeente',
        'Veel beter inzichtelijk maken waar mensen/organisaties goed bezig zijn. Spiegelen? Of goede voorbeelden in de etalage?',
        'Zijn organisaties AVK-proof? 5 sterrendorp als voorbeeld. Worden randvoorwaarden RUG uitgevoerd ja/nee?',
        'Wat is effectiviteit t.o.v. de visie? Mbt monitoring',
        'Weten wie waar wat doet en met wie',
      ],
    },
    {
      zoneId: 'wij',
      observation:
        'Er is een goede samenwerking in het programmateam. Mensen kennen elkaar, leren van elkaar en staan open voor nieuwe ontwikkelingen. Er zijn regelmatig momenten van reflectie en inspiratie die zorgen voor een lerende, toegankelijke sfeer. Het programma heeft aantrekkingskracht. Organisaties staan welwillend om mee te doen aan pilots.',
      clusters: [
        {
          title: 'Visie eigen maken',
          notes: ['Begrippen laden zoals effectiviteit en maatwerk', 'Randvoorwaarden RUG en kapitaalsvormen uit de duivelskring', 'Cirkel van generatiearmoede als basis'],
        },
        { title: 'Partners ondersteunen', notes: ['Vertaling naar de praktijk: welke ondersteuning bieden we?', 'Vriendelijk duwen en helpen'] },
      ],
      points: [
        {
          title: 'De visie van de AVK eigen maken in alle bij de AVK betrokken organisaties. En samen handen en voeten geven aan deze visie.',
          dots: 4,
          chosen: true,
          themeKey: THEME_VISION,
          ingredients: [
            'Onboarding. Met standaard middelen, aan te passen in eigen huisstijl',
            'Duo’s in de lokale, integrale context. Samen begrippen laden die horen bij de visie van de AVK (zoals effectiviteit, maatwerk). Elke organisatie heeft 1 (of 2) x bestuurder, 2x manager, 2x uitvoering in een AVK-team. Daarin is ook train-de-trainer mogelijk.',
            'Pilots draaien “visievorming en vertaling in actie”. We vragen via een mail aan alle nieuwsbrieflezers (4000) wie er mee wil doen. We begeleiden dit vanuit de AVK.',
            'Aansluiten bij bestaande netwerken (woonzorgakkoorden) en bestaande overlegstructuren',
            'Veranderaanpak schrijven en Marco de Witte vragen om reflectie',
            'Stakeholderanalyse maken van de partners. Wat weten we op dit moment van alle partners? Hoe staan ze erin? Waar zijn ze mee bezig?',
          ],
        },
        { title: 'Vanuit het programmateam de partners ondersteuning bieden bij deze beweging', dots: 2 },
      ],
      other: [
        'Vriendelijk duwen en helpen. Organisaties moeten eraan toe zijn',
        'Bruikbare elementen voor lokale vertaling bieden',
        'Quick scan AVK en randvoorwaarden RUG voor alle 51 partners doen',
        'Meer en nadrukkelijker focus op de inhoudelijke uitgangspunten van de AVK leggen',
        'Voer deze uitgangspunten in door de hele organisatie van 51 partners',
      ],
    },
    {
      zoneId: 'ik',
      observation:
        'Er is een gedeeld gevoel van urgentie en betekenisvolheid in het programmateam. Iedereen kan zijn kwaliteiten en talenten kwijt in het programma. Er is ruimte om vanuit vertrouwen te ontwikkelen en nieuwe ideeën te bedenken en te experimenteren.',
      notes: ['Meer samenkomen met het programmateam', 'Ontmoeting tussen afvaardigingen per partner, 4x per jaar', 'Geen extra overleg: afstemmen op wat er al is'],
      points: [
        {
          title: 'Frequentie van programmateam-overleggen moet omhoog',
          dots: 3,
          chosen: true,
          ingredients: [
            'Via een WhatsApp-groep uitwisselen (kan van alles zijn)',
            '1x per maand 3 uur programmateam-overleg',
            'Elke week een dagdeel fysiek samen op locatie: woensdagochtend. Dit delen we ook met het netwerk, zodat mensen kunnen aanhaken. We rouleren op plekken bij partners.',
            'Agendavoering op inhoud (kan via thema’s) en concrete acties afspreken. Dit afwisselen met bijeenkomsten over proces en communicatie.',
            'Het team (en niet Saskia) maakt een actie-besluitenlijst. Dit rouleren we onderling',
            'Flap (dagdeel) met positieve en negatieve punten waar we mee bezig zijn',
            'Overzicht van wat/wanneer: planning en inbedden',
            'Communicatiemomenten (inhoud en middel)',
          ],
        },
        { title: '4x per jaar een ontmoeting tussen afvaardigingen per partner regelen met het programmateam', dots: 2 },
      ],
    },
  ],
};

const managers: DemoSession = {
  key: 'managers',
  title: 'Eiland van reflectie managers',
  group: 'Managers/leidinggevenden',
  date: '2024-06-05',
  participants: 10,
  sides: [
    {
      zoneId: 'wij',
      clusters: [
        {
          title: THEME_VISION,
          notes: [
            'Herkenning op de behoefte aan het doorleven en laden van de begrippen. ✓ wat betekent dit voor mijn organisatie? ✓ samenbrengen van ambassadeurs ✓ samenbrengen op thema',
            'Meer doorvoelen waar we het over hebben als het gaat over generatiearmoede. Via teamdagen, theater, Tim’s Jongers',
            'Visie Alliantie van Kracht onderdeel laten zijn van de eigen organisatievisie',
            'Mandaten vanuit bestuurders om dingen anders te doen en daarvoor tijd in te zetten. Weten zij waar ze ja tegen zeggen?',
            'Over schotten en zittingsperiodes heen durven kijken (lef en visie)',
            'What’s in it for me door laten berekenen?',
            'Overzicht van het palet aan aanbod bij partners helpt. Hoe kun je buiten je eigen kaders gebruikmaken van elkaar?',
            'Kijken wat er al is aan overleggen en of we dit beter samen kunnen doen, bijvoorbeeld met integrale overlegtafels',
            'De ingrediënten van het programmateam worden als zinvol ervaren',
          ],
        },
      ],
    },
    {
      zoneId: 'het',
      clusters: [
        {
          title: THEME_MONITORING,
          notes: [
            'Meer zichtbaar maken wat het programma als geheel bereikt, en wat waar gebeurt en door wie',
            'Meer zichtbaar maken van de beweging. Geen shaming/blaming, maar samen leren wat wel en niet werkt en waarom',
            'Meer inzicht in de ervaringen van de mensen voor wie we het doen',
          ],
        },
      ],
    },
    { zoneId: 'ik', observation: 'Er is een gedeeld gevoel van urgentie en betekenisvolheid bij de managers en teamleiders.' },
  ],
  sessionPoints: [
    {
      title: 'Handen en voeten geven aan de visie van de Alliantie van Kracht en deze visie onderdeel laten zijn van de eigen organisatievisie',
      dots: 9,
      chosen: true,
      themeKey: THEME_VISION,
    },
    { title: 'Meer doorvoelen waar we het over hebben als het gaat over generatiearmoede', dots: 7 },
    { title: 'Mandaat krijgen vanuit het bestuur om dingen anders te doen en hiervoor tijd in te zetten', dots: 6 },
    {
      title: 'Meer zichtbaar maken: wat het programma als geheel bereikt, wat de beweging is en meer inzicht in de ervaringen van de mensen voor wie we het doen',
      dots: 5,
      chosen: true,
      themeKey: THEME_MONITORING,
    },
    { title: 'Zorg dat elke partner 1 intern AVK-team optuigt. Met daarin 1x bestuurder, 2x manager en 2x uitvoering', dots: 3 },
  ],
};

const steeringGroup: DemoSession = {
  key: 'stuurgroep',
  title: 'Eiland van reflectie stuurgroep',
  group: 'Stuurgroep',
  date: '2024-06-11',
  participants: 8,
  sides: [
    {
      zoneId: 'wij',
      clusters: [
        {
          title: THEME_VISION,
          notes: [
            'Concreter maken waartoe de AVK op aarde is',
            'De verbindende rol van de AVK is erg belangrijk voor de samenwerking tussen de partners',
            'Verinnerlijken van de AVK-visie is nog lastig: mooi als de AVK zichtbaarder kan zijn richting organisaties',
            'Opzet van het leeraanbod: meer kennis over minder armoede is een goed voorbeeld',
            'Ondersteun met het programmateam vanuit de AVK de (interne) beweging van de partners',
          ],
        },
        {
          title: 'Partners en acties uitgelicht',
          notes: [
            'Er gebeurt zoveel moois in de praktijk, dat naadloos past in onze gezamenlijke visie',
            'Juist die voorbeelden veel meer uitdragen en gebruiken als vliegwiel',
            'Elkaar beter leren kennen als alliantiepartners, op lokaal niveau georganiseerd',
          ],
        },
      ],
    },
    {
      zoneId: 'het',
      clusters: [
        {
          title: THEME_MONITORING,
          notes: [
            'Zorg voor een lerende gemeenschap en doorleving van de PDCA-cirkel (plan-do-check-act)',
            'Deel wat werkt, maak het praktisch en geef handelingsperspectief',
            'Herkenning van de vijf punten die de managers hebben meegegeven',
          ],
        },
      ],
    },
    { zoneId: 'ik', observation: 'Er is een gedeeld gevoel van urgentie en betekenisvolheid bij de stuurgroep.' },
  ],
  sessionPoints: [
    { title: 'Ondersteun met het programmateam vanuit de AVK de interne beweging van de partners', dots: 8, chosen: true, themeKey: THEME_VISION },
    {
      title: 'Zorg voor een lerende gemeenschap en doorleving in de praktijk. Deel wat werkt, maak het praktisch en geef handelingsperspectief',
      dots: 7,
      chosen: true,
      themeKey: THEME_MONITORING,
    },
    { title: 'Draag voorbeelden uit van partners die naadloos passen in onze gezamenlijke visie', dots: 5 },
    { title: 'De verbindende rol die de AVK speelt is erg belangrijk voor de samenwerking tussen de partners', dots: 4, themeKey: THEME_VISION },
  ],
};

export const DEMO_SESSIONS: readonly DemoSession[] = [programmeTeam, managers, steeringGroup];
